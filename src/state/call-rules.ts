import type { ModelCapabilities } from '../models/model-capabilities.js';
import type { ModelCatalog, ModelEntry } from '../models/model-catalog.js';
// Read through a namespace so that the updated state prints as its fields (see `State`).
import type * as state from './builder-state.js';
import type { BuilderState, RecordedParam } from './builder-state.js';
import type { ModelProblemOn } from './model-rules.js';
import type { CallRefusals } from './refusals.js';
import type { ChatwrightTypeError } from './type-error.js';

/*
 * The model rules at the call: once the model is known, a call its catalog entry refuses does not
 * compile, there and with the fix. The same rules stay at send() (src/state/model-rules.ts) for what
 * a call cannot see: a generic preset applied after the model, an imported preset, a union of models.
 *
 * Each restricted call's argument is looked up in a table indexed by the model id (`RowOf`): with a
 * catalog model, the model's row; with an unknown model, `string` or no model yet, the index
 * signature, which takes any value. In a generic preset (`<S extends BuilderState>`) the compiler cannot
 * resolve the row and checks the argument against what the table accepts for every id, since
 * TypeScript relates a value to `T[K]` through K's constraint, `string`: the index signature again.
 * So a preset that sets `temperature` before any model still compiles. Two things are avoided on
 * purpose: a conditional type on the model, which the compiler would leave unresolved in a generic
 * preset and refuse, and a template-literal index (`${model}`), which made the compiler give up
 * measuring how builders vary with their state and compare them member by member (measured: a builder
 * then took any other reasoning effort).
 */

/** A restricted builder method. */
export type RestrictedCall = keyof CallRefusals<string, ModelCapabilities>;

/**
 * Each catalog model's refusals. A mapped type without a key filter, so that the compiler works out a
 * model's row only when a builder names that model (measured: filtering the keys by the refusals made
 * every program pay for the whole catalog, about 75,000 instantiations, declarations alone).
 */
type RefusalsByModel = {
  readonly [M in keyof ModelCatalog]: ModelEntry<M> extends infer TCaps extends ModelCapabilities
    ? CallRefusals<M & string, TCaps>
    : never;
};

/** A model's row for one call: `TOpen` when it does not refuse the call, else `TRefused` and the sentence. */
type Row<TSentence, TOpen, TRefused> = [TSentence] extends [never]
  ? TOpen
  : TRefused | ChatwrightTypeError<TSentence & string>;

/**
 * What `TCall` takes, by model id: `TArg` on any model, and on a model that refuses it, only `TStill`
 * (the value the API still accepts there, such as temperature's default 1) or the sentence.
 */
type ArgTable<TCall extends RestrictedCall, TArg, TStill> = { readonly [model: string]: TArg } & {
  readonly [M in keyof ModelCatalog]: Row<RefusalsByModel[M][TCall], TArg, TStill>;
};

/**
 * The argument type of a restricted call in a builder state: `TArg`, or with a catalog model that
 * refuses the call, `TStill` or the sentence that names the fix.
 */
export type CallArg<
  TState extends BuilderState,
  TCall extends RestrictedCall,
  TArg,
  TStill = never,
> = ArgTable<TCall, TArg, TStill>[RowOf<TState>];

/** As {@link CallArg}, for a call without a required argument: the method itself, or the sentence (not callable). */
export type CallMethod<TState extends BuilderState, TCall extends RestrictedCall, TMethod> = ArgTable<
  TCall,
  TMethod,
  never
>[RowOf<TState>];

/**
 * The table row of a state: its model id, and `''` (no catalog id, so the index signature) while the
 * model may be unset. One index, not a union of lookups, so that the compiler prints the row itself
 * (`1 | ChatwrightTypeError<...>`) rather than the alias.
 */
type RowOf<TState extends BuilderState> =
  | Extract<TState['model'], string>
  | (null extends TState['model'] ? '' : never);

/**
 * What the earlier calls of a builder break on model `TModel`, as sentences; `never` when they fit it
 * (and for a model outside the catalog, and an imported preset, whose calls only runtime validation sees).
 */
type ModelConflicts<TState extends BuilderState, TModel extends string> = [
  TState['params'],
  TState['logprobs'],
  TState['maxTokens'],
  TState['hasTools'],
  TState['audio'],
  TState['audioModality'],
  TState['effort'],
] extends ['', false, false, false, false, false, null]
  ? never // nothing a model could refuse was set yet (the model usually comes first): one comparison
  : ModelProblemOn<TModel, TState>;

/**
 * `.model(id)`'s argument: the id when the earlier calls fit the model, else the sentences. (The
 * compiler infers the id from either branch.)
 */
export type ModelFits<TState extends BuilderState, TModel extends string> = [
  ModelConflicts<TState, TModel>,
] extends [never]
  ? TModel
  : // Spelled out as a new union (a lookup over the sentences), which the compiler prints as they
    // are, rather than by the alias that made them.
    ChatwrightTypeError<
      { readonly [S in ModelConflicts<TState, TModel>]: S }[ModelConflicts<TState, TModel>]
    >;

/**
 * `unknown` in a generic preset (`<S extends BuilderState>`), whose recorded parameters are a type
 * parameter, and `never` for every builder whose parameters are known (they always hold `''`): a
 * union member that lets `.model()` through where its check (`ModelFits`) cannot be resolved, and
 * vanishes where it can. Looked up as the call tables are (see above): in a generic preset the index's
 * constraint, `string`, falls on the index signature. The names the preset's own calls added are
 * taken out first (`Exclude`): as literals of the index they would make the compiler write to every
 * row at once. Imported presets (`string`) get `unknown` too.
 */
export type InGenericPreset<TState extends BuilderState> = GenericPresetProbe[Exclude<
  TState['params'],
  RecordedParam
>];

/**
 * `unknown` when the model id itself is a type parameter (`<M extends string>(id: M) => ...model(id)`)
 * or outside the catalog, `never` for a catalog id: the same kind of union member as
 * {@link InGenericPreset}, for the id. (An id constrained to the catalog's ids, `M extends
 * KnownModelId`, gets every catalog model's rules at once: constrain it to `string` instead.)
 */
export type InGenericModel<TModel extends string> = GenericModelProbe[TModel];

type GenericModelProbe = { readonly [model: string]: unknown } & {
  readonly [M in keyof ModelCatalog]: never;
};

type GenericPresetProbe = { readonly [params: string]: unknown } & {
  readonly [P in RecordedParam | '']: never;
};

/**
 * `TState` after `temperature()` or `topP()` set `TValue`: the default 1 is not recorded, since every
 * model accepts it (reasoning models refuse any other value). `& unknown` (see `State`): where `TValue`
 * is a type parameter (`<T extends number>(b, t: T) => b.temperature(t)`), the open conditional then
 * prints as itself, not as `SampledAt<...>`, which a team's declaration file could not import.
 */
export type SampledAt<
  TState extends BuilderState,
  TParam extends 'temperature' | 'top_p',
  TValue extends number,
> = ([TValue] extends [1] ? TState : state.WithParam<TState, TParam>) & unknown;

/**
 * What a model that refuses the value `TRefused` still takes when `TValue` was passed: the other
 * values; or, for a value known only at runtime (the parameter's whole type `TAll`), anything, left to
 * runtime validation as before the model rules moved to the call.
 */
export type UnlessOnly<TValue, TRefused, TAll> = [TAll] extends [TValue] ? TValue : Exclude<TValue, TRefused>;

/**
 * `TState` after a call set `TValue` to a parameter some models refuse only at one value
 * (`serviceTier('flex')`, `promptCacheRetention('24h')`): the wire name is recorded for `.model()` and
 * `send()` when that value is what was set.
 */
export type RecordedIf<TState extends BuilderState, TValue, TRefused, TParam extends RecordedParam> = [
  TValue,
] extends [TRefused]
  ? state.WithParam<TState, TParam>
  : TState;
