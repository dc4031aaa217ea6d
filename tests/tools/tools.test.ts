import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import * as v from 'valibot';
import * as z from 'zod';
import {
  chat,
  LengthFinishReasonError,
  ParsedChatStream,
  SchemaConversionError,
  StrictSchemaError,
  ToolArgumentsError,
  tool,
} from '../../src/index.js';
import { replies } from '../../src/testing/index.js';
import { clientOf, expectError, rejection, withServer } from '../client/support.js';
import { jsonFixture, sseFixture } from '../structured/fixtures.js';
import { assertOfficialRequest } from '../support/conformance.js';

const test = suite('tools from schemas');
const corpus = 'tool-call fixtures';

// The tools of the recorded openai-python tests (pydantic `GetWeatherArgs`, a `get_stock_price` function).
const weather = tool({
  name: 'GetWeatherArgs',
  parameters: v.object({
    city: v.string(),
    country: v.string(),
    units: v.optional(v.picklist(['c', 'f']), 'c'),
  }),
});
const stock = tool({
  name: 'get_stock_price',
  description: 'Fetch the latest price of a stock',
  parameters: v.object({ ticker: v.string(), exchange: v.string() }),
});

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  assert.unreachable('expected a throw');
}

test('tool() computes a frozen, strict wire definition once', () => {
  assert.equal(weather.definition, {
    type: 'function',
    function: {
      name: 'GetWeatherArgs',
      parameters: {
        type: 'object',
        properties: {
          city: { type: 'string' },
          country: { type: 'string' },
          units: { anyOf: [{ enum: ['c', 'f'], type: 'string' }, { type: 'null' }] },
        },
        required: ['city', 'country', 'units'],
        additionalProperties: false,
      },
      strict: true,
    },
  });
  assert.ok(Object.isFrozen(weather));
  assert.ok(Object.isFrozen(weather.definition.function.parameters));
});

test('.tool(t) puts the definition in the body; the request is valid for chatwright and the official schema', () => {
  const builder = chat()
    .model('gpt-4o')
    .user('Weather and AAPL?')
    .tool(weather)
    .tool(stock)
    .toolChoice('get_stock_price');
  const body = builder.toJSON();
  assert.equal(body.tools, [weather.definition, stock.definition]);
  assert.equal(body.tool_choice, { type: 'function', function: { name: 'get_stock_price' } });
  assert.ok(builder.validate().success);
  assertOfficialRequest(body);
});

test('strict: false sends the schema as converted, without $schema', () => {
  const loose = tool({
    name: 'lookup',
    parameters: v.object({ q: v.pipe(v.string(), v.minLength(2)) }),
    strict: false,
  });
  assert.equal(loose.definition.function, {
    name: 'lookup',
    parameters: { type: 'object', properties: { q: { type: 'string', minLength: 2 } }, required: ['q'] },
    strict: false,
  });
  assertOfficialRequest(chat().model('gpt-4o').user('Hi').tool(loose).toJSON());
});

test('zod 4 schemas make the same tools', () => {
  const zodWeather = tool({
    name: 'GetWeatherArgs',
    parameters: z.object({ city: z.string(), country: z.string(), units: z.enum(['c', 'f']).optional() }),
  });
  assert.equal(zodWeather.definition.function.parameters, {
    type: 'object',
    properties: {
      city: { type: 'string' },
      country: { type: 'string' },
      units: { anyOf: [{ type: 'string', enum: ['c', 'f'] }, { type: 'null' }] },
    },
    required: ['city', 'country', 'units'],
    additionalProperties: false,
  });
  assertOfficialRequest(chat().model('gpt-4o').user('Hi').tool(zodWeather).toJSON());
});

test('a schema that cannot be strict is refused at tool() time, naming the part and why', () => {
  const cases: Array<[v.GenericSchema, string, string]> = [
    [v.string(), '', 'the root must be an object schema (type "object"), not a union or another type'],
    [
      v.object({ point: v.tuple([v.number(), v.number()]) }),
      'properties.point.items',
      'tuples (items as an array) are not supported: use an object with named properties',
    ],
    [
      v.object({ meta: v.record(v.string(), v.number()) }),
      'properties.meta.propertyNames',
      'an object with free-form keys (a record) is not supported: list every key in properties',
    ],
  ];
  for (const [parameters, path, reason] of cases) {
    const error = expectError(
      thrown(() => tool({ name: 'bad', parameters })),
      StrictSchemaError,
    );
    assert.is(error.schemaName, 'bad');
    assert.is(error.path, path);
    assert.is(error.reason, reason);
    assert.is(
      error.message,
      `The schema of "bad" cannot be used in strict mode at ${path || '(root)'}: ${reason}`,
    );
  }
});

test('a schema without a JSON Schema converter is refused with SchemaConversionError', () => {
  const bare = {
    '~standard': { version: 1 as const, vendor: 'acme', validate: (value: unknown) => ({ value }) },
  };
  const error = expectError(
    thrown(() => tool({ name: 'acme', parameters: bare })),
    SchemaConversionError,
  );
  assert.is(error.vendor, 'acme');
  assert.is(
    error.message,
    'The acme schema of "acme" has no JSON Schema converter: use a valibot schema, or a library that implements Standard JSON Schema (~standard.jsonSchema, such as zod 4).',
  );
});

test('send() parses the arguments of the recorded call with its schema', async () => {
  const fixture = jsonFixture('openai-python/parse_pydantic_tool.json', corpus);
  if (fixture === undefined) return;
  await withServer(async (server) => {
    server.enqueue(fixture.reply);
    const reply = await clientOf(server)
      .chat()
      .model('gpt-4o')
      .user('Weather in Edinburgh?')
      .tool(weather)
      .send();
    const call = reply.choices[0]?.message.tool_calls?.[0];
    assert.equal(call?.function.parsed_arguments, { city: 'Edinburgh', country: 'UK', units: 'c' });
    assert.is(call?.function.arguments, '{"city":"Edinburgh","country":"UK","units":"c"}');
    assert.is(reply.choices[0]?.message.parsed, null);
    assertOfficialRequest(server.requests[0]?.body);
  });
});

test('parallel calls are each parsed with their own tool', async () => {
  const fixture = jsonFixture('openai-python/parse_multiple_pydantic_tools.json', corpus);
  if (fixture === undefined) return;
  await withServer(async (server) => {
    server.enqueue(fixture.reply);
    const reply = await clientOf(server).chat().model('gpt-4o').user('?').tool(weather).tool(stock).send();
    assert.equal(
      reply.choices[0]?.message.tool_calls?.map((call) => [
        call.function.name,
        call.function.parsed_arguments,
      ]),
      [
        ['GetWeatherArgs', { city: 'Edinburgh', country: 'GB', units: 'c' }],
        ['get_stock_price', { ticker: 'AAPL', exchange: 'NASDAQ' }],
      ],
    );
  });
});

test('streamed calls split across deltas are parsed in final()', async () => {
  const reply = sseFixture('openai-python/stream_parse_multiple_pydantic_tools.sse', corpus);
  if (reply === undefined) return;
  await withServer(async (server) => {
    server.enqueue(reply);
    const stream = clientOf(server)
      .chat()
      .model('gpt-4o')
      .user('?')
      .tool(weather)
      .tool(stock)
      .stream()
      .send();
    assert.instance(stream, ParsedChatStream);
    const final = await stream.final();
    assert.equal(
      final.choices[0]?.message.tool_calls?.map((call) => call.function.parsed_arguments),
      [
        { city: 'Edinburgh', country: 'GB', units: 'c' },
        { ticker: 'AAPL', exchange: 'NASDAQ' },
      ],
    );
  });
});

/** A completion whose one choice calls `name` with `args`. */
function callReply(name: string, args: string, finish = 'tool_calls') {
  return replies.json({
    id: 'chatcmpl-x',
    object: 'chat.completion',
    created: 1,
    model: 'gpt-4o',
    choices: [
      {
        index: 0,
        message: {
          role: 'assistant',
          content: null,
          tool_calls: [{ id: 'call_1', type: 'function', function: { name, arguments: args } }],
        },
        finish_reason: finish,
      },
    ],
  });
}

test('arguments that fail the schema: ToolArgumentsError with the tool, the paths and the raw arguments', async () => {
  await withServer(async (server) => {
    server.enqueue(callReply('GetWeatherArgs', '{"city":"Paris","units":"k"}'));
    const error = expectError(
      await rejection(clientOf(server).chat().model('gpt-4o').user('?').tool(weather).send()),
      ToolArgumentsError,
    );
    assert.is(error.toolName, 'GetWeatherArgs');
    assert.is(error.toolCallId, 'call_1');
    assert.is(error.rawArguments, '{"city":"Paris","units":"k"}');
    assert.equal(
      error.issues.map((issue) => issue.path),
      ['country', 'units'],
    );
    assert.match(
      error.message,
      'The arguments of the call call_1 to "GetWeatherArgs" do not match its schema:\n  - country: ',
    );
  });
});

test('arguments that are not JSON: ToolArgumentsError at the root path', async () => {
  await withServer(async (server) => {
    server.enqueue(callReply('get_stock_price', '{"ticker":'));
    const error = expectError(
      await rejection(clientOf(server).chat().model('gpt-4o').user('?').tool(stock).send()),
      ToolArgumentsError,
    );
    assert.is(error.issues[0]?.path, '');
    assert.match(error.issues[0]?.message ?? '', /^not valid JSON/);
  });
});

test('a call cut off by the token limit is a LengthFinishReasonError', async () => {
  await withServer(async (server) => {
    server.enqueue(callReply('get_stock_price', '{"ticker":"AA', 'length'));
    expectError(
      await rejection(clientOf(server).chat().model('gpt-4o').user('?').tool(stock).send()),
      LengthFinishReasonError,
    );
  });
});

test('raw JSON Schema tools next to schema tools get JSON-parsed arguments', async () => {
  await withServer(async (server) => {
    server.enqueue(callReply('raw_tool', '{"anything":[1,2]}'));
    const reply = await clientOf(server)
      .chat()
      .model('gpt-4o')
      .user('?')
      .tool(stock)
      .tool({ name: 'raw_tool', parameters: { type: 'object', properties: {} } })
      .send();
    assert.equal(reply.choices[0]?.message.tool_calls?.[0]?.function.parsed_arguments, { anything: [1, 2] });
  });
});

test('builders with only JSON Schema tools keep the plain result', async () => {
  await withServer(async (server) => {
    server.enqueue(callReply('raw_tool', 'not json'));
    const reply = await clientOf(server).chat().model('gpt-4o').user('?').tool({ name: 'raw_tool' }).send();
    assert.is(reply.choices[0]?.message.tool_calls?.[0]?.type, 'function');
    assert.is('parsed' in (reply.choices[0]?.message ?? {}), false);
  });
});

test('tool objects are shared, not copied or mutated, by builders', () => {
  const a = chat().tool(weather);
  const b = a.tool(stock);
  assert.equal(a.toJSON().tools, [weather.definition]);
  assert.equal(b.toJSON().tools, [weather.definition, stock.definition]);
});

test("the caller's schema is never frozen, not even the arrays a converter shares", () => {
  const options = ['c', 'f'];
  const examples = ['Paris'];
  const parameters = v.object({ unit: v.picklist(options), city: v.pipe(v.string(), v.examples(examples)) });
  const made = tool({ name: 'get_weather', parameters });
  chat()
    .model('gpt-4o')
    .user('Hi')
    .tool(made)
    .jsonSchema(v.object({ unit: v.picklist(options) }), { name: 'x' });
  assert.not.ok(Object.isFrozen(options));
  assert.not.ok(Object.isFrozen(examples));
  options.push('k');
  assert.equal(
    (made.definition.function.parameters as { properties: { unit: { enum: string[] } } }).properties.unit
      .enum,
    ['c', 'f'],
  );
});

test('.tool({ name, parameters: schema }) makes the tool as tool() does: same wire, same check, arguments parsed', async () => {
  const options = {
    name: 'GetWeatherArgs',
    parameters: v.object({
      city: v.string(),
      country: v.string(),
      units: v.optional(v.picklist(['c', 'f']), 'c'),
    }),
  };
  const inline = chat().model('gpt-4o').user('Weather in Edinburgh?').tool(options);
  assert.equal(inline.toJSON(), chat().model('gpt-4o').user('Weather in Edinburgh?').tool(weather).toJSON());
  assert.ok(inline.validate().success);
  assertOfficialRequest(inline.toJSON());

  const refused = expectError(
    thrown(() =>
      chat().tool({ name: 'bad', parameters: v.object({ meta: v.record(v.string(), v.number()) }) }),
    ),
    StrictSchemaError,
  );
  assert.is(refused.path, 'properties.meta.propertyNames');

  const fixture = jsonFixture('openai-python/parse_pydantic_tool.json', corpus);
  if (fixture === undefined) return;
  await withServer(async (server) => {
    server.enqueue(fixture.reply);
    const reply = await clientOf(server)
      .chat()
      .model('gpt-4o')
      .user('Weather in Edinburgh?')
      .tool(options)
      .send();
    const call = reply.choices[0]?.message.tool_calls?.[0];
    assert.equal(call?.function.parsed_arguments, { city: 'Edinburgh', country: 'UK', units: 'c' });
  });
});

test.run();
