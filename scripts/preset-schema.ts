// The JSON Schema of the preset document format, shipped as `chatwright/preset.schema.json`.
// The request part is generated from the library's own valibot schema of a preset (every field
// optional), so editors complete and check the same fields the library knows. Cross-field rules and
// model rules cannot be said in JSON Schema: `chatwright check` and `chat.fromPreset()` apply them.
// `npx tsx scripts/preset-schema.ts --write` regenerates preset.schema.json; a test checks it is current.
import { writeFileSync } from 'node:fs';
import { type JsonSchema, type OverrideSchemaContext, toJsonSchema } from '@valibot/to-json-schema';
import type { GenericSchema } from 'valibot';
import { PRESET_FORMAT } from '../src/preset/preset-document.js';
import { knownRequestFields } from '../src/schema/known-request-fields.js';
import { presetSchema } from '../src/schema/request-schema.js';

/** Where the schema file lives (the package root: `chatwright/preset.schema.json`). */
export const presetSchemaFile = 'preset.schema.json';

const VARIABLE_NAME = '^[A-Za-z0-9_]+$';

/** The preset document's JSON Schema (draft 2020-12), as an object. */
export function presetJsonSchema(): Record<string, unknown> {
  // Checks written as code (the preset rules) have no JSON Schema form: they are left out, not guessed.
  const {
    $schema: _draft,
    $defs,
    ...request
  } = toJsonSchema(presetSchema, {
    target: 'draft-2020-12',
    errorMode: 'ignore',
    overrideSchema: stringOrBranches,
    overrideAction: typedObject,
  }) as Record<string, unknown>;
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    title: 'chatwright preset document',
    description:
      'A Chat Completions request preset with typed template variables: builder.toPreset(), read by chat.fromPreset() and checked by `chatwright check`. See docs/presets.md.',
    type: 'object',
    required: ['chatwright', 'request', 'variables'],
    additionalProperties: false,
    properties: {
      $schema: { type: 'string', description: 'The JSON Schema editors check this document with.' },
      chatwright: { const: PRESET_FORMAT, description: 'The document format version.' },
      request: {
        ...request,
        additionalProperties: false,
        description:
          'The request body (known fields only); template texts as written, {{name}} slots included.',
      },
      templates: {
        type: 'array',
        description: 'The texts of "request" that are templates; any other text is plain.',
        items: {
          type: 'object',
          required: ['path'],
          additionalProperties: false,
          properties: {
            path: {
              type: 'string',
              pattern: '^messages\\.(0|[1-9][0-9]*)\\.content(\\.(0|[1-9][0-9]*)\\.text)?$',
              description: 'messages.<i>.content, or messages.<i>.content.<j>.text for a text part.',
            },
            values: {
              type: 'object',
              description: 'The variables of this template already filled.',
              propertyNames: { pattern: VARIABLE_NAME },
              additionalProperties: { type: 'string' },
            },
          },
        },
      },
      variables: {
        type: 'array',
        description: 'The template variables still unfilled, each once.',
        uniqueItems: true,
        items: { type: 'string', pattern: VARIABLE_NAME },
      },
      extra: {
        type: 'object',
        description: 'Provider-specific fields sent beside the request (never a known request field).',
        propertyNames: { not: { enum: [...knownRequestFields].sort() } },
      },
    },
    ...($defs === undefined ? {} : { $defs }),
  };
}

/**
 * A string-or-something field (`stringOr()` in src/schema/primitives.ts) is a `lazy` schema that picks
 * its branch by the input; the converter asks it with no input and so sees only the other branch. The
 * string branch is added back here.
 */
function stringOrBranches(context: OverrideSchemaContext): JsonSchema | undefined {
  const schema = context.valibotSchema as { type: string; getter?: (input: unknown) => GenericSchema };
  if (schema.type !== 'lazy' || schema.getter === undefined) return undefined;
  const stringBranch = schema.getter('');
  if (stringBranch === schema.getter(undefined)) return undefined;
  const { $schema: _draft, ...string } = toJsonSchema(stringBranch, {
    target: 'draft-2020-12',
    errorMode: 'ignore',
  });
  return { anyOf: [string, context.jsonSchema] };
}

/** An object-only keyword (`maxProperties` of a map such as `metadata`) says the object type too. */
function typedObject({ jsonSchema }: { jsonSchema: JsonSchema }): JsonSchema | undefined {
  return jsonSchema.maxProperties !== undefined && jsonSchema.type === undefined
    ? { type: 'object', ...jsonSchema }
    : undefined;
}

/** The schema file's text. */
export function presetSchemaText(): string {
  return `${JSON.stringify(presetJsonSchema(), null, 2)}\n`;
}

if (process.argv.includes('--write')) {
  writeFileSync(presetSchemaFile, presetSchemaText());
  console.log(`wrote ${presetSchemaFile}`);
}
