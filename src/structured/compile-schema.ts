import { type ConversionConfig, toJsonSchema } from '@valibot/to-json-schema';
import { freeze } from 'immer';
import type { GenericSchema } from 'valibot';
import { SchemaConversionError } from '../errors/schema-conversion-error.js';
import type { ValidationIssue } from '../errors/validation-error.js';
import type { JsonSchema } from '../wire/request.js';
import type { StandardIssue, StandardSchema } from './standard-schema.js';
import { dropStrictNulls, type NullPlan, toStrictJsonSchema } from './strict-json-schema.js';

/** The outcome of checking a value against a compiled schema. */
export type SchemaCheck<TOutput> =
  | { readonly success: true; readonly value: TOutput }
  | { readonly success: false; readonly issues: readonly ValidationIssue[] };

/**
 * A caller's schema made ready to send and to parse with: its JSON Schema (strict when asked), and a
 * check that undoes the strict-mode rewriting before the caller's schema validates.
 */
export interface CompiledSchema<TOutput = unknown> {
  readonly jsonSchema: JsonSchema;
  readonly strict: boolean;
  check(value: unknown): SchemaCheck<TOutput> | Promise<SchemaCheck<TOutput>>;
}

/**
 * The model writes the schema's input, so the conversion stops at the first transform of a pipe;
 * custom checks have no JSON Schema form and are left to validation, which still runs them.
 */
const valibotConfig: ConversionConfig = {
  typeMode: 'input',
  ignoreActions: ['check', 'check_items', 'raw_check'],
};

/** The Standard JSON Schema converter some libraries (zod 4...) put on `~standard`. */
interface JsonSchemaConverter {
  readonly input: (options: { readonly target: string }) => Record<string, unknown>;
}

/**
 * Compiles a Standard Schema once: converts it to JSON Schema (valibot through
 * `@valibot/to-json-schema`, others through `~standard.jsonSchema`), makes it strict when asked, and
 * freezes the result. Throws `SchemaConversionError` or `StrictSchemaError` naming `name`.
 */
export function compileSchema<TOutput>(
  schema: StandardSchema<unknown, TOutput>,
  name: string,
  strict: boolean,
): CompiledSchema<TOutput> {
  // A copy: converters share arrays with the caller's schema (picklist options, examples...), and the
  // result is frozen below; the caller's schema must never be.
  const raw = structuredClone(toJson(schema, name));
  let jsonSchema: JsonSchema = raw;
  let plan: NullPlan | undefined;
  let definitions: Readonly<Record<string, NullPlan | undefined>> = {};
  if (strict) {
    ({ schema: jsonSchema, plan, definitions } = toStrictJsonSchema(raw, name));
  } else {
    const { $schema: _, ...rest } = raw;
    jsonSchema = rest;
  }
  const validate = schema['~standard'].validate;
  const check = (value: unknown) => {
    const result = validate(plan === undefined ? value : dropStrictNulls(value, plan, definitions));
    return result instanceof Promise ? result.then(toCheck<TOutput>) : toCheck<TOutput>(result);
  };
  return Object.freeze({ jsonSchema: freeze(jsonSchema, true), strict, check });
}

function toJson(schema: StandardSchema, name: string): Record<string, unknown> {
  const props = schema['~standard'];
  const converter = (props as { jsonSchema?: JsonSchemaConverter }).jsonSchema;
  try {
    if (converter !== undefined && typeof converter.input === 'function') {
      // The input side: the JSON the model must produce, before the schema's own transforms.
      return converter.input({ target: 'draft-07' });
    }
    if (props.vendor === 'valibot')
      return { ...toJsonSchema(schema as unknown as GenericSchema, valibotConfig) };
  } catch (cause) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    throw new SchemaConversionError(
      name,
      props.vendor,
      `The ${props.vendor} schema of "${name}" cannot be converted to JSON Schema: ${reason}`,
      { cause },
    );
  }
  throw new SchemaConversionError(
    name,
    props.vendor,
    `The ${props.vendor} schema of "${name}" has no JSON Schema converter: use a valibot schema, or a library that implements Standard JSON Schema (~standard.jsonSchema, such as zod 4).`,
  );
}

function toCheck<TOutput>(result: {
  readonly value?: unknown;
  readonly issues?: ReadonlyArray<StandardIssue> | undefined;
}): SchemaCheck<TOutput> {
  if (result.issues === undefined) return { success: true, value: result.value as TOutput };
  return { success: false, issues: result.issues.map(toIssue) };
}

/** A Standard Schema issue as a chatwright `ValidationIssue` with a dotted path. */
function toIssue(issue: StandardIssue): ValidationIssue {
  const path = (issue.path ?? [])
    .map((segment) => String(typeof segment === 'object' && segment !== null ? segment.key : segment))
    .join('.');
  return { path, message: issue.message };
}
