import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import * as v from 'valibot';
import * as z from 'zod';
import { SchemaConversionError, StrictSchemaError, tool } from '../../src/index.js';
import { compileSchema } from '../../src/structured/compile-schema.js';
import { toStrictJsonSchema } from '../../src/structured/strict-json-schema.js';
import { expectError } from '../client/support.js';

const test = suite('strict JSON Schema');

function refusal(schema: Record<string, unknown>): StrictSchemaError {
  try {
    toStrictJsonSchema(schema, 'format');
  } catch (error) {
    return expectError(error, StrictSchemaError);
  }
  throw new Error('expected a StrictSchemaError');
}

test('nested objects and arrays: all required, closed, optional made nullable', () => {
  const Order = v.object({
    id: v.string(),
    note: v.optional(v.string()),
    lines: v.array(v.object({ sku: v.string(), qty: v.optional(v.number()) })),
    shipping: v.nullish(v.object({ express: v.boolean() })),
  });
  const { jsonSchema } = compileSchema(Order, 'order', true);
  assert.equal(jsonSchema, {
    type: 'object',
    properties: {
      id: { type: 'string' },
      note: { type: ['string', 'null'] },
      lines: {
        type: 'array',
        items: {
          type: 'object',
          properties: { sku: { type: 'string' }, qty: { type: ['number', 'null'] } },
          required: ['sku', 'qty'],
          additionalProperties: false,
        },
      },
      shipping: {
        anyOf: [
          {
            type: 'object',
            properties: { express: { type: 'boolean' } },
            required: ['express'],
            additionalProperties: false,
          },
          { type: 'null' },
        ],
      },
    },
    required: ['id', 'note', 'lines', 'shipping'],
    additionalProperties: false,
  });
});

test('nulls standing for "not set" are removed before validation, deep inside arrays too', async () => {
  const Order = v.object({
    note: v.optional(v.string()),
    lines: v.array(v.object({ sku: v.string(), qty: v.optional(v.number()) })),
    shipping: v.nullish(v.string()),
  });
  const compiled = compileSchema(Order, 'order', true);
  assert.equal(
    await compiled.check({
      note: null,
      lines: [
        { sku: 'a', qty: null },
        { sku: 'b', qty: 2 },
      ],
      shipping: null,
    }),
    {
      success: true,
      value: { lines: [{ sku: 'a' }, { sku: 'b', qty: 2 }], shipping: null },
    },
  );
});

test('value constraints the API does not take are dropped from the wire but still checked', async () => {
  const compiled = compileSchema(
    v.object({ code: v.pipe(v.string(), v.minLength(3), v.maxLength(5)) }),
    'c',
    true,
  );
  assert.equal(compiled.jsonSchema, {
    type: 'object',
    properties: { code: { type: 'string' } },
    required: ['code'],
    additionalProperties: false,
  });
  const result = await compiled.check({ code: 'ab' });
  assert.is(result.success, false);
  assert.equal(result.success ? [] : result.issues.map((issue) => issue.path), ['code']);
});

test('supported keywords are kept: pattern, formats, bounds, enums, $defs references', () => {
  const schema = {
    type: 'object',
    properties: {
      email: { type: 'string', format: 'email' },
      site: { type: 'string', format: 'uri' },
      zip: { type: 'string', pattern: '^[0-9]{5}$' },
      n: { type: 'integer', minimum: 1, maximum: 9 },
      pets: { type: 'array', items: { $ref: '#/$defs/pet' }, minItems: 1 },
    },
    required: ['email', 'site', 'zip', 'n', 'pets'],
    $defs: { pet: { type: 'object', properties: { name: { type: 'string' } }, required: ['name'] } },
  };
  assert.equal(toStrictJsonSchema(schema, 'f').schema, {
    type: 'object',
    properties: {
      email: { type: 'string', format: 'email' },
      site: { type: 'string' },
      zip: { type: 'string', pattern: '^[0-9]{5}$' },
      n: { type: 'integer', minimum: 1, maximum: 9 },
      pets: { type: 'array', items: { $ref: '#/$defs/pet' }, minItems: 1 },
    },
    required: ['email', 'site', 'zip', 'n', 'pets'],
    additionalProperties: false,
    $defs: {
      pet: {
        type: 'object',
        properties: { name: { type: 'string' } },
        required: ['name'],
        additionalProperties: false,
      },
    },
  });
});

test('oneOf becomes anyOf', () => {
  const schema = {
    type: 'object',
    properties: { v: { oneOf: [{ type: 'string' }, { type: 'number' }] } },
    required: ['v'],
  };
  assert.equal(toStrictJsonSchema(schema, 'f').schema.properties, {
    v: { anyOf: [{ type: 'string' }, { type: 'number' }] },
  });
});

test('what cannot be strict is refused with its path and the reason', () => {
  const cases: Array<[Record<string, unknown>, string, string]> = [
    [
      { anyOf: [{ type: 'object' }] },
      '',
      'the root must be an object schema (type "object"), not a union or another type',
    ],
    [
      { type: 'object', properties: { a: { allOf: [{ type: 'object' }] } } },
      'properties.a.allOf',
      'allOf (an intersection) is not supported: merge the objects into one',
    ],
    [
      {
        type: 'object',
        properties: {
          a: { type: 'object', properties: { b: { type: 'string' } }, additionalProperties: true },
        },
      },
      'properties.a.additionalProperties',
      'extra keys beyond the listed properties are not supported: use a plain (not loose) object',
    ],
    [{ type: 'object', if: {} }, 'if', 'conditional schemas (if/then/else) are not supported in strict mode'],
    [
      { type: 'object', nullable: true },
      'nullable',
      '"nullable" is not a keyword the API accepts in strict mode',
    ],
    [
      { type: 'object', properties: { a: { $ref: 'https://example.com/a.json' } } },
      'properties.a.$ref',
      'only references to the root\'s $defs or definitions ("#/$defs/Name") are supported',
    ],
  ];
  for (const [schema, path, reason] of cases) {
    const error = refusal(schema);
    assert.is(error.path, path);
    assert.is(error.reason, reason);
  }
});

test('objects nested deeper than 10 levels are refused', () => {
  let schema: Record<string, unknown> = { type: 'object', properties: {} };
  for (let i = 0; i < 11; i++) schema = { type: 'object', properties: { a: schema }, required: ['a'] };
  const error = refusal(schema);
  assert.is(error.reason, 'objects may be nested at most 10 levels deep in strict mode');
  assert.is(error.path, Array.from({ length: 10 }, () => 'properties.a').join('.'));
});

test('transforms: the input is sent, the output is parsed (valibot and zod)', async () => {
  const valibot = compileSchema(
    v.object({
      n: v.pipe(v.string(), v.transform(Number)),
      s: v.pipe(
        v.string(),
        v.check((x) => x !== ''),
      ),
    }),
    'n',
    true,
  );
  const zod = compileSchema(z.object({ n: z.string().transform(Number), s: z.string() }), 'n', true);
  for (const compiled of [valibot, zod]) {
    assert.equal(compiled.jsonSchema, {
      type: 'object',
      properties: { n: { type: 'string' }, s: { type: 'string' } },
      required: ['n', 's'],
      additionalProperties: false,
    });
    assert.equal(await compiled.check({ n: '42', s: 'x' }), { success: true, value: { n: 42, s: 'x' } });
  }
});

test('a schema with no JSON Schema form is refused with SchemaConversionError', () => {
  try {
    compileSchema(v.object({ at: v.date() }), 'when', true);
    assert.unreachable('expected a throw');
  } catch (error) {
    const conversion = expectError(error, SchemaConversionError);
    assert.is(conversion.vendor, 'valibot');
    assert.is(
      conversion.message,
      'The valibot schema of "when" cannot be converted to JSON Schema: The "date" schema cannot be converted to JSON Schema.',
    );
  }
});

test('strict: false skips the strict checks', () => {
  const loose = tool({
    name: 'tags',
    parameters: v.object({ tags: v.record(v.string(), v.string()) }),
    strict: false,
  });
  assert.is(loose.definition.function.strict, false);
});

test.run();
