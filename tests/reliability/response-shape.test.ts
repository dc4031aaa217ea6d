import type { ServerResponse } from 'node:http';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import * as v from 'valibot';
import { APIConnectionError, APIError, APIUserAbortError, tool } from '../../src/index.js';
import { completion, json, rejectionOf, withFaultServer } from './fault-server.js';

const Place = v.object({ city: v.string() });
const echo = tool({ name: 'echo', parameters: v.object({ text: v.string() }), run: ({ text }) => text });

/** Asserts an `APIError` of type `invalid_response` whose message names `what`. */
function assertInvalidResponse(error: unknown, what: string): void {
  assert.instance(error, APIError);
  const apiError = error as APIError;
  assert.is(apiError.type, 'invalid_response', apiError.message);
  assert.ok(apiError.message.includes(what), apiError.message);
}

const wrongShapes: ReadonlyArray<[string, unknown, string]> = [
  ['an empty object', {}, 'choices is missing'],
  ['choices that is a string', { choices: 'x' }, 'choices is a string'],
  ['a null choice', { choices: [null] }, 'choices[0] is null'],
  [
    'a choice without message',
    { choices: [{ index: 0, finish_reason: 'stop' }] },
    'choices[0].message is missing',
  ],
  [
    'tool calls that are not a list',
    { choices: [{ index: 0, message: { role: 'assistant', content: null, tool_calls: 'x' } }] },
    'choices[0].message.tool_calls is a string',
  ],
];

for (const [name, body, what] of wrongShapes) {
  test(`shape: send() with a schema on ${name} fails with APIError invalid_response`, async () => {
    await withFaultServer(
      (_request, response) => json(response, body),
      async (server) => {
        const builder = server
          .client()
          .chat()
          .model('gpt-4o')
          .user('Hi')
          .jsonSchema(Place, { name: 'place' });
        assertInvalidResponse(await rejectionOf(builder.send()), what);
        assert.is(server.requests, 1);
      },
    );
  });

  test(`shape: run() on ${name} fails with APIError invalid_response`, async () => {
    await withFaultServer(
      (_request, response) => json(response, body),
      async (server) => {
        const builder = server.client().chat().model('gpt-4o').user('Hi').tool(echo);
        assertInvalidResponse(await rejectionOf(builder.run()), what);
        assert.is(server.requests, 1);
      },
    );
  });
}

test('shape: send() without a schema on {} fails too (a completion without choices is no completion)', async () => {
  await withFaultServer(
    (_request, response) => json(response, {}),
    async (server) => {
      assertInvalidResponse(
        await rejectionOf(server.client().chat().model('gpt-4o').user('Hi').send()),
        'choices',
      );
    },
  );
});

/** Streams the given events (objects as `data: <json>`), then `[DONE]`. */
function sse(response: ServerResponse, events: readonly unknown[]): void {
  response.writeHead(200, { 'content-type': 'text/event-stream' });
  for (const event of events) response.write(`data: ${JSON.stringify(event)}\n\n`);
  response.end('data: [DONE]\n\n');
}

const chunk = (choices: unknown) => ({
  id: 'c',
  object: 'chat.completion.chunk',
  created: 0,
  model: 'm',
  choices,
});

test('shape: text() on a chunk whose choices is a string fails with APIError invalid_response', async () => {
  await withFaultServer(
    (_request, response) => sse(response, [chunk('x')]),
    async (server) => {
      const stream = server.client().chat().model('gpt-4o').user('Hi').stream().send();
      const read = async () => {
        for await (const _ of stream.text()) {
          // reading
        }
      };
      assertInvalidResponse(await rejectionOf(read()), 'choices is a string');
    },
  );
});

test('shape: a streamed null choice fails with APIError invalid_response', async () => {
  await withFaultServer(
    (_request, response) => sse(response, [chunk([null])]),
    async (server) => {
      const stream = server.client().chat().model('gpt-4o').user('Hi').stream().send();
      assertInvalidResponse(await rejectionOf(stream.final()), 'choices[0] is null');
    },
  );
});

test('shape: text() over a chunk without choices (usage only) reads the other chunks', async () => {
  await withFaultServer(
    (_request, response) => {
      const { choices: _, ...usageOnly } = chunk([]);
      sse(response, [chunk([{ index: 0, delta: { content: 'Hi' }, finish_reason: null }]), usageOnly]);
    },
    async (server) => {
      const texts: string[] = [];
      for await (const text of server.client().chat().model('gpt-4o').user('Hi').stream().send().text()) {
        texts.push(text);
      }
      assert.equal(texts, ['Hi']);
    },
  );
});

test('download: a body cut mid-way fails with APIConnectionError, not TypeError: terminated', async () => {
  await withFaultServer(
    (_request, response) => {
      response.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': '1000' });
      response.write('{"custom_id":"a"}\n');
      setTimeout(() => response.destroy(), 10);
    },
    async (server) => {
      const file = await server.client().files.content('file-1');
      const error = await rejectionOf(file.text());
      assert.instance(error, APIConnectionError);
      assert.is((error as Error).name, 'APIConnectionError');
    },
  );
});

test('download: an abort mid-body fails with APIUserAbortError, not the raw abort reason', async () => {
  await withFaultServer(
    (_request, response) => {
      response.writeHead(200, { 'content-type': 'application/octet-stream' });
      response.write('{"custom_id":"a"}\n');
    },
    async (server) => {
      const controller = new AbortController();
      const file = await server.client().files.content('file-1', { signal: controller.signal });
      const reader = file.body?.getReader();
      await reader?.read();
      controller.abort('stop');
      const error = await rejectionOf(reader?.read() ?? Promise.resolve());
      assert.instance(error, APIUserAbortError);
      assert.is((error as Error).cause, 'stop');
    },
  );
});

test('shape: a completion of the right shape still passes', async () => {
  await withFaultServer(
    (_request, response) => json(response, completion('{"city":"Paris"}')),
    async (server) => {
      const reply = await server
        .client()
        .chat()
        .model('gpt-4o')
        .user('Hi')
        .jsonSchema(Place, { name: 'place' })
        .send();
      assert.equal(reply.choices[0]?.message.parsed, { city: 'Paris' });
    },
  );
});

test.run();
