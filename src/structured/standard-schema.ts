/*
 * The few members of the Standard Schema interfaces (https://standardschema.dev) that chatwright
 * reads, written out here so that our published types depend on no package: valibot 1.x and zod 4
 * schemas both satisfy them structurally.
 */

/** One issue a Standard Schema reports: a message and, when known, where. */
export interface StandardIssue {
  readonly message: string;
  readonly path?: ReadonlyArray<PropertyKey | { readonly key: PropertyKey }> | undefined;
}

/** The result of a Standard Schema's `validate`. */
export type StandardResult<TOutput> =
  | { readonly value: TOutput; readonly issues?: undefined }
  | { readonly issues: ReadonlyArray<StandardIssue> };

/**
 * A schema that chatwright can turn into JSON Schema and validate with: any Standard Schema (a
 * valibot schema, a zod 4 schema...). Valibot schemas are converted with `@valibot/to-json-schema`;
 * other libraries must offer the Standard JSON Schema converter (`~standard.jsonSchema`).
 */
export interface StandardSchema<TInput = unknown, TOutput = TInput> {
  readonly '~standard': {
    readonly version: 1;
    readonly vendor: string;
    readonly validate: (value: unknown) => StandardResult<TOutput> | Promise<StandardResult<TOutput>>;
    readonly types?: { readonly input: TInput; readonly output: TOutput } | undefined;
  };
}

/** The type a schema's successful validation produces (after its transforms). */
export type inferOutput<TSchema extends StandardSchema> = NonNullable<
  TSchema['~standard']['types']
>['output'];

/** The type a schema accepts: what the model must send. */
export type inferInput<TSchema extends StandardSchema> = NonNullable<TSchema['~standard']['types']>['input'];

/** Whether a value is a Standard Schema (rather than a raw JSON Schema object). */
export function isStandardSchema(value: unknown): value is StandardSchema {
  if (typeof value !== 'object' && typeof value !== 'function') return false;
  if (value === null) return false;
  const props = (value as { '~standard'?: { validate?: unknown } })['~standard'];
  return typeof props === 'object' && props !== null && typeof props.validate === 'function';
}
