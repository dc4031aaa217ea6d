// The published body schemas are typed without valibot's types (src/schema/published-schemas.ts), yet
// stay valibot schemas and Standard Schemas to the compiler: valibot's functions, @valibot/to-json-schema
// and Standard Schema consumers take them, and infer the body type.
import type { StandardSchemaV1 } from '@standard-schema/spec';
import { toJsonSchema } from '@valibot/to-json-schema';
import { expectTypeOf } from 'expect-type';
import * as v from 'valibot';
import {
  type BodySchema,
  type inferOutput,
  presetSchema,
  type RequestBody,
  requestSchema,
  type SchemaIssue,
  type SchemaPathItem,
} from '../../src/index.js';

declare const json: unknown;

// valibot's functions take them and infer the body.
expectTypeOf(v.parse(requestSchema, json)).toEqualTypeOf<RequestBody>();
expectTypeOf(v.parse(presetSchema, json).temperature).toEqualTypeOf<number | null | undefined>();
const result = v.safeParse(presetSchema, json);
if (!result.success) {
  expectTypeOf(result.issues[0]).toEqualTypeOf<SchemaIssue>();
  expectTypeOf(result.issues[0].path?.[0]).toEqualTypeOf<SchemaPathItem | undefined>();
  expectTypeOf(v.flatten<typeof presetSchema>(result.issues).nested).not.toBeAny();
}
export const piped = v.pipe(
  presetSchema,
  v.check((body) => body.model !== 'gpt-3.5-turbo', 'not that one'),
);
expectTypeOf(v.parse(piped, json)).toEqualTypeOf<RequestBody>();
export const optionalPreset = v.optional(presetSchema);
export const generic: v.GenericSchema<RequestBody, RequestBody, v.BaseIssue<unknown>> = requestSchema;
expectTypeOf<v.InferOutput<typeof requestSchema>>().toEqualTypeOf<RequestBody>();
expectTypeOf<v.InferIssue<typeof requestSchema>>().toEqualTypeOf<SchemaIssue>();
export const jsonSchema = toJsonSchema(presetSchema);

// A Standard Schema, to the spec's own types and to chatwright's.
export const standard: StandardSchemaV1<RequestBody, RequestBody> = presetSchema;
expectTypeOf<StandardSchemaV1.InferOutput<typeof presetSchema>>().toEqualTypeOf<RequestBody>();
expectTypeOf<inferOutput<typeof requestSchema>>().toEqualTypeOf<RequestBody>();

// What they are: a schema of request bodies, synchronous.
expectTypeOf<BodySchema>().toEqualTypeOf<BodySchema<RequestBody>>();
// @ts-expect-error an async valibot schema is not a BodySchema (the published ones run synchronously)
export const notAsync: BodySchema = v.objectAsync({});
