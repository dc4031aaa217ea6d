import type { ChatwrightTypeError } from './type-error.js';

/**
 * Why a builder with unfilled template variables cannot be sent: one sentence per variable, each
 * naming the fix (`send() needs a value for {{customer}}: call .vars({ customer })`). Distributed
 * over the names, so that each sentence names one variable twice rather than every pair.
 */
export type UnfilledVarsProblem<TVars extends string> = TVars extends string
  ? `send() needs a value for {{${TVars}}}: call .vars({ ${TVars} })`
  : never;

/**
 * What `.vars()` refuses: each name that no template of the builder leaves unfilled (a typo, a name
 * already filled, or a builder without templates) becomes an error that says so.
 */
export type UnknownVars<TVars extends string, $Values> = {
  readonly [K in Exclude<
    keyof $Values & string,
    TVars
  >]: ChatwrightTypeError<`vars() got {{${K}}}, which no template of this builder leaves unfilled`>;
};

/** The values `.vars()` takes: text, or numbers (written as `String(n)`). */
export type VarValues = Readonly<Record<string, string | number>>;
