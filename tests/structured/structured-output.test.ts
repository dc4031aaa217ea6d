import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import * as v from 'valibot';
import * as z from 'zod';
import {
  ChatStream,
  ContentFilterFinishReasonError,
  chat,
  LengthFinishReasonError,
  ParsedChatStream,
  ParsedOutputError,
  StrictSchemaError,
} from '../../src/index.js';
import { replies } from '../../src/testing/index.js';
import { clientOf, expectError, rejection, withServer } from '../client/support.js';
import { assertOfficialRequest } from '../support/conformance.js';
import { jsonFixture, sseFixture } from './fixtures.js';

const test = suite('structured output');
const corpus = 'structured-output fixtures';

// The schema of the recorded openai-python `parse()` tests (a pydantic `Location` model).
const Location = v.object({ city: v.string(), temperature: v.number(), units: v.picklist(['c', 'f']) });
const locationWire = {
  type: 'object',
  properties: {
    city: { type: 'string' },
    temperature: { type: 'number' },
    units: { enum: ['c', 'f'], type: 'string' },
  },
  required: ['city', 'temperature', 'units'],
  additionalProperties: false,
};

test('jsonSchema(valibot) sends a strict json_schema response format', () => {
  const builder = chat().model('gpt-4o').user('Weather in SF?').jsonSchema(Location, { name: 'location' });
  const body = builder.toJSON();
  assert.equal(body.response_format, {
    type: 'json_schema',
    json_schema: { name: 'location', schema: locationWire, strict: true },
  });
  assert.ok(builder.validate().success);
  assertOfficialRequest(body);
});

test('jsonSchema(zod) sends the same strict format', () => {
  const Zod = z.object({ city: z.string(), temperature: z.number(), units: z.enum(['c', 'f']) });
  const body = chat()
    .model('gpt-4o')
    .user('Hi')
    .jsonSchema(Zod, { name: 'location', description: 'A place' })
    .toJSON();
  assert.equal(body.response_format, {
    type: 'json_schema',
    json_schema: {
      name: 'location',
      description: 'A place',
      schema: {
        type: 'object',
        properties: {
          city: { type: 'string' },
          temperature: { type: 'number' },
          units: { type: 'string', enum: ['c', 'f'] },
        },
        required: ['city', 'temperature', 'units'],
        additionalProperties: false,
      },
      strict: true,
    },
  });
  assertOfficialRequest(body);
});

test('jsonSchema(raw JSON Schema) is unchanged and not parsed', async () => {
  const raw = { type: 'object', properties: { a: { type: 'string' } } };
  const builder = chat().model('gpt-4o').user('Hi').jsonSchema(raw, { name: 'raw', strict: false });
  assert.equal(builder.toJSON().response_format, {
    type: 'json_schema',
    json_schema: { name: 'raw', schema: raw, strict: false },
  });
  await withServer(async (server) => {
    server.enqueue(replies.completion('{"a":"x"}'));
    const reply = await clientOf(server)
      .chat()
      .model('gpt-4o')
      .user('Hi')
      .jsonSchema(raw, { name: 'raw', strict: false })
      .send();
    assert.is('parsed' in (reply.choices[0]?.message ?? {}), false);
  });
});

test('a schema that cannot be strict is refused at jsonSchema() time', () => {
  const error = expectError(
    (() => {
      try {
        chat().jsonSchema(v.object({ tags: v.record(v.string(), v.string()) }), { name: 'tagged' });
      } catch (caught) {
        return caught;
      }
    })(),
    StrictSchemaError,
  );
  assert.is(error.schemaName, 'tagged');
  assert.is(error.path, 'properties.tags.propertyNames');
  assert.is(
    error.reason,
    'an object with free-form keys (a record) is not supported: list every key in properties',
  );
});

/** The StrictSchemaError `build` throws. */
function strictError(build: () => unknown): StrictSchemaError {
  try {
    build();
  } catch (error) {
    return expectError(error, StrictSchemaError);
  }
  return assert.unreachable('no StrictSchemaError') as never;
}

test('a raw JSON Schema sent as strict (the default) must follow strict mode: refused at the call', () => {
  const open = strictError(() =>
    chat().jsonSchema(
      { type: 'object', properties: { a: { type: 'string' } }, required: ['a'] },
      { name: 'open' },
    ),
  );
  assert.is(
    open.message,
    'The schema of "open" cannot be used in strict mode at additionalProperties: every object must set additionalProperties: false in strict mode',
  );
  const partial = strictError(() =>
    chat().jsonSchema(
      {
        type: 'object',
        properties: {
          a: { type: 'string' },
          inner: { type: 'object', properties: { b: { type: 'number' } }, additionalProperties: false },
        },
        required: ['a', 'inner'],
        additionalProperties: false,
      },
      { name: 'nested' },
    ),
  );
  assert.is(partial.path, 'properties.inner.required');
  assert.is(
    partial.reason,
    'every property must be listed in required in strict mode (missing: b); make an optional one nullable instead',
  );
  const union = strictError(() =>
    chat().jsonSchema(
      {
        type: 'object',
        properties: { a: { oneOf: [{ type: 'string' }, { type: 'number' }] } },
        required: ['a'],
        additionalProperties: false,
      },
      { name: 'union' },
    ),
  );
  assert.is(union.path, 'properties.a.oneOf');
  const record = strictError(() =>
    chat().jsonSchema(
      { type: 'object', patternProperties: { '.*': { type: 'string' } } },
      { name: 'record' },
    ),
  );
  assert.is(record.path, 'patternProperties');
});

test('a raw JSON Schema that follows strict mode is sent as given; strict: false sends any schema', () => {
  const closed = {
    type: 'object',
    properties: { a: { type: ['string', 'null'] }, tags: { type: 'array', items: { type: 'string' } } },
    required: ['a', 'tags'],
    additionalProperties: false,
  };
  assert.equal(chat().jsonSchema(closed, { name: 'closed' }).toJSON().response_format, {
    type: 'json_schema',
    json_schema: { name: 'closed', schema: closed, strict: true },
  });
  const loose = { type: 'object', properties: { a: { type: 'string' } } };
  assert.equal(chat().jsonSchema(loose, { name: 'loose', strict: false }).toJSON().response_format, {
    type: 'json_schema',
    json_schema: { name: 'loose', schema: loose, strict: false },
  });
});

test('a JSON Schema tool with strict: true is checked the same way; without strict it is sent as given', () => {
  const parameters = { type: 'object', properties: { city: { type: 'string' } } };
  const error = strictError(() => chat().tool({ name: 'weather', parameters, strict: true }));
  assert.is(error.schemaName, 'weather');
  assert.is(error.path, 'additionalProperties');
  assert.equal(chat().tool({ name: 'weather', parameters }).toJSON().tools, [
    { type: 'function', function: { name: 'weather', parameters } },
  ]);
});

test('send() parses the recorded structured output', async () => {
  const fixture = jsonFixture('openai-python/parse_pydantic_model.json', corpus);
  if (fixture === undefined) return;
  await withServer(async (server) => {
    server.enqueue(fixture.reply);
    const reply = await clientOf(server)
      .chat()
      .model('gpt-4o-2024-08-06')
      .user("What's the weather like in SF?")
      .jsonSchema(Location, { name: 'location' })
      .send();
    assert.equal(reply.choices[0]?.message.parsed, { city: 'San Francisco', temperature: 65, units: 'f' });
    assert.is(reply.requestId, 'req_fake_1');
    assertOfficialRequest(server.requests[0]?.body);
  });
});

test('a refusal gives parsed null and the refusal text', async () => {
  const fixture = jsonFixture('openai-python/parse_pydantic_model_refusal.json', corpus);
  if (fixture === undefined) return;
  await withServer(async (server) => {
    server.enqueue(fixture.reply);
    const reply = await clientOf(server)
      .chat()
      .model('gpt-4o')
      .user('How do I make anthrax?')
      .jsonSchema(Location, { name: 'location' })
      .send();
    assert.is(reply.choices[0]?.message.parsed, null);
    assert.is(reply.choices[0]?.message.refusal, "I'm very sorry, but I can't assist with that.");
  });
});

test('a length cut-off is a LengthFinishReasonError, not a JSON syntax error', async () => {
  const fixture = jsonFixture('openai-python/parse_max_tokens_reached.json', corpus);
  if (fixture === undefined) return;
  await withServer(async (server) => {
    server.enqueue(fixture.reply);
    const error = expectError(
      await rejection(
        clientOf(server)
          .chat()
          .model('gpt-4o')
          .user('SF?')
          .maxCompletionTokens(1)
          .jsonSchema(Location, { name: 'location' })
          .send(),
      ),
      LengthFinishReasonError,
    );
    assert.is(error.choiceIndex, 0);
    assert.equal(error.usage?.completion_tokens, 1);
    assert.is(
      error.message,
      'The output was cut off by the token limit (finish_reason "length") after 1 completion tokens, so it cannot be parsed: raise maxCompletionTokens() or ask for less.',
    );
    assert.equal((error.completion as { id: string }).id, (fixture.body as { id: string }).id);
  });
});

test('content-filtered output is a ContentFilterFinishReasonError', async () => {
  await withServer(async (server) => {
    server.enqueue(
      replies.json({
        id: 'c1',
        object: 'chat.completion',
        created: 1,
        model: 'gpt-4o',
        choices: [
          { index: 0, message: { role: 'assistant', content: '{"city":' }, finish_reason: 'content_filter' },
        ],
      }),
    );
    const error = expectError(
      await rejection(
        clientOf(server).chat().model('gpt-4o').user('SF?').jsonSchema(Location, { name: 'l' }).send(),
      ),
      ContentFilterFinishReasonError,
    );
    assert.is(error.choiceIndex, 0);
  });
});

test('output that fails the schema is a ParsedOutputError with paths and the raw content', async () => {
  await withServer(async (server) => {
    server.enqueue(replies.completion('{"city":"SF","temperature":"warm","units":"k"}'));
    const error = expectError(
      await rejection(
        clientOf(server).chat().model('gpt-4o').user('SF?').jsonSchema(Location, { name: 'l' }).send(),
      ),
      ParsedOutputError,
    );
    assert.equal(
      error.issues.map((issue) => issue.path),
      ['temperature', 'units'],
    );
    assert.is(error.content, '{"city":"SF","temperature":"warm","units":"k"}');
  });
});

test('optional fields: sent as nullable, a null from the model reads as absent', async () => {
  const Person = v.object({
    name: v.string(),
    nickname: v.optional(v.string()),
    age: v.nullable(v.number()),
  });
  const builder = chat().model('gpt-4o').user('Hi').jsonSchema(Person, { name: 'person' });
  assert.equal(
    (builder.toJSON().response_format as { json_schema: { schema: unknown } }).json_schema.schema,
    {
      type: 'object',
      properties: {
        name: { type: 'string' },
        nickname: { type: ['string', 'null'] },
        age: { anyOf: [{ type: 'number' }, { type: 'null' }] },
      },
      required: ['name', 'nickname', 'age'],
      additionalProperties: false,
    },
  );
  assertOfficialRequest(builder.toJSON());
  await withServer(async (server) => {
    server.enqueue(replies.completion('{"name":"Ada","nickname":null,"age":null}'));
    const reply = await clientOf(server)
      .chat()
      .model('gpt-4o')
      .user('Hi')
      .jsonSchema(Person, { name: 'person' })
      .send();
    assert.equal(reply.choices[0]?.message.parsed, { name: 'Ada', age: null });
  });
});

test('a stream yields partial values and a validated final()', async () => {
  const reply = sseFixture('openai-python/stream_parse_pydantic_model.sse', corpus);
  if (reply === undefined) return;
  await withServer(async (server) => {
    server.enqueue(reply);
    const stream = clientOf(server)
      .chat()
      .model('gpt-4o')
      .user('SF?')
      .jsonSchema(Location, { name: 'location' })
      .stream()
      .send();
    assert.instance(stream, ParsedChatStream);
    const partials = [];
    for await (const partial of stream.partials()) partials.push(partial);
    assert.equal(partials, [
      {},
      { city: '' },
      { city: 'San' },
      { city: 'San Francisco' },
      { city: 'San Francisco', temperature: 61 },
      { city: 'San Francisco', temperature: 61, units: '' },
      { city: 'San Francisco', temperature: 61, units: 'f' },
    ]);
    const final = await stream.final();
    assert.equal(final.choices[0]?.message.parsed, { city: 'San Francisco', temperature: 61, units: 'f' });
  });
});

test('a streamed refusal gives parsed null', async () => {
  const reply = sseFixture('openai-python/stream_parse_pydantic_model_refusal.sse', corpus);
  if (reply === undefined) return;
  await withServer(async (server) => {
    server.enqueue(reply);
    const final = await clientOf(server)
      .chat()
      .model('gpt-4o')
      .user('?')
      .jsonSchema(Location, { name: 'l' })
      .stream()
      .send()
      .final();
    assert.is(final.choices[0]?.message.parsed, null);
    assert.type(final.choices[0]?.message.refusal, 'string');
  });
});

test('a streamed length cut-off rejects final() with LengthFinishReasonError', async () => {
  const reply = sseFixture('openai-python/stream_parse_max_tokens_reached.sse', corpus);
  if (reply === undefined) return;
  await withServer(async (server) => {
    server.enqueue(reply);
    const stream = clientOf(server)
      .chat()
      .model('gpt-4o')
      .user('?')
      .jsonSchema(Location, { name: 'l' })
      .stream()
      .send();
    expectError(await rejection(stream.final()), LengthFinishReasonError);
  });
});

test('without a schema a stream stays a plain ChatStream', async () => {
  await withServer(async (server) => {
    const stream = clientOf(server).chat().model('gpt-4o').user('Hi').stream().send();
    assert.instance(stream, ChatStream);
    await stream.final();
  });
});

test.run();
