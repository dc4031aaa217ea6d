import type { PartialChatCompletionRequest } from '../wire/request.js';
import * as schemas from './request-schema.js';

/*
 * The two body schemas as the package publishes them. Their inferred type names valibot's types (an
 * 850-line `SchemaWithPipe<...>` over every field), and any valibot type in our declarations makes a
 * user's compiler load valibot's whole declaration file: checking it costs a project without
 * `skipLibCheck` about 170,000 type instantiations, where the rest of chatwright costs under 10,000.
 * So the published type is valibot's schema protocol written out here, as standard-schema.ts does for
 * Standard Schema. It must match both ways: `tsc` checks the assignments below (valibot's schemas are
 * `BodySchema`s), and tests/types/schemas.types.ts hands a `BodySchema` to valibot's own functions.
 */

/** A request body as the schemas take and give it: the wire fields, and any other field (`extra()`) as is. */
export type RequestBody = PartialChatCompletionRequest & { [key: string]: unknown };

/** One step of an issue's path, as valibot reports it: into an array, a map, an object, a set, or other. */
export type SchemaPathItem =
  | {
      readonly type: 'array';
      readonly origin: 'value';
      readonly input: readonly unknown[];
      readonly key: number;
      readonly value: unknown;
    }
  | {
      readonly type: 'map';
      readonly origin: 'key' | 'value';
      readonly input: Map<unknown, unknown>;
      readonly key: unknown;
      readonly value: unknown;
    }
  | {
      readonly type: 'object';
      readonly origin: 'key' | 'value';
      readonly input: Record<string, unknown>;
      readonly key: string;
      readonly value: unknown;
    }
  | {
      readonly type: 'set';
      readonly origin: 'value';
      readonly input: Set<unknown>;
      readonly key: null;
      readonly value: unknown;
    }
  | {
      readonly type: 'unknown';
      readonly origin: 'key' | 'value';
      readonly input: unknown;
      readonly key: unknown;
      readonly value: unknown;
    };

/** One issue found by a schema, as valibot reports it (its `BaseIssue`). */
export interface SchemaIssue {
  readonly kind: 'schema' | 'validation' | 'transformation';
  readonly type: string;
  readonly input: unknown;
  readonly expected: string | null;
  readonly received: string;
  readonly message: string;
  readonly requirement?: unknown;
  readonly path?: [SchemaPathItem, ...SchemaPathItem[]] | undefined;
  readonly issues?: [SchemaIssue, ...SchemaIssue[]] | undefined;
}

/** valibot's parse settings (its `Config`). */
interface SchemaConfig {
  readonly lang?: string | undefined;
  readonly message?: ((issue: SchemaIssue) => string) | string | undefined;
  readonly abortEarly?: boolean | undefined;
  readonly abortPipeEarly?: boolean | undefined;
}

/** What one run of a schema gives: the value, its issues, or both. */
type SchemaDataset<TOutput> =
  | { typed: true; value: TOutput; issues?: undefined }
  | { typed: true; value: TOutput; issues: [SchemaIssue, ...SchemaIssue[]] }
  | { typed: false; value: unknown; issues: [SchemaIssue, ...SchemaIssue[]] };

/** The result of `~standard.validate` (Standard Schema v1). */
type StandardSchemaResult<TOutput> =
  | { readonly value: TOutput; readonly issues?: undefined }
  | {
      readonly issues: readonly {
        readonly message: string;
        readonly path?: readonly (PropertyKey | { readonly key: PropertyKey })[] | undefined;
      }[];
    };

/**
 * A valibot schema (synchronous) whose input and output are `TBody`, and a Standard Schema v1: what
 * `presetSchema` and `requestSchema` are. Hand one to valibot's `parse`/`safeParse`/`pipe`, or to any
 * library that takes a Standard Schema.
 *
 * @example
 * import * as v from 'valibot';
 * const body: RequestBody = v.parse(requestSchema, JSON.parse(text));
 */
export interface BodySchema<TBody = RequestBody> {
  readonly kind: 'schema';
  readonly type: string;
  // biome-ignore lint/suspicious/noExplicitAny: valibot's own signature; `unknown[]` would refuse its schema functions
  readonly reference: (...args: any[]) => BodySchema<unknown>;
  readonly expects: string;
  readonly async: false;
  readonly '~standard': {
    readonly version: 1;
    readonly vendor: 'valibot';
    readonly validate: (value: unknown) => StandardSchemaResult<TBody> | Promise<StandardSchemaResult<TBody>>;
    readonly types?: { readonly input: TBody; readonly output: TBody } | undefined;
  };
  readonly '~run': (
    dataset: { typed?: false; value: unknown; issues?: undefined },
    config: SchemaConfig,
  ) => SchemaDataset<TBody>;
  readonly '~types'?:
    | { readonly input: TBody; readonly output: TBody; readonly issue: SchemaIssue }
    | undefined;
}

/**
 * A preset body: every field optional, the preset rules checked (a field's range, fields that go
 * together). What `validatePreset()` runs.
 *
 * @example
 * import * as v from 'valibot';
 * const result = v.safeParse(presetSchema, { temperature: 0.2 }); // result.success === true
 */
export const presetSchema: BodySchema = schemas.presetSchema;

/**
 * A complete request body: the preset rules, then the send rules (`model` and `messages` present, and
 * the rest `send()` requires). What `validateRequest()` runs.
 *
 * @example
 * import * as v from 'valibot';
 * const result = v.safeParse(requestSchema, { model: 'gpt-4o', messages: [{ role: 'user', content: 'Hi' }] });
 */
export const requestSchema: BodySchema = schemas.requestSchema;
