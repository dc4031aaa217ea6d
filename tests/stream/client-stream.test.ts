import { once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { createClient } from '../../src/client/create-client.js';
import { APIError } from '../../src/errors/api-error.js';
import { AuthenticationError } from '../../src/errors/authentication-error.js';
import { APIUserAbortError } from '../../src/errors/user-abort-error.js';
import { rejectionOf, sseOf, textChunk } from './support.js';

// The stream as the client hands it over: `chat()...stream().send()` against a loopback server.

type Handler = (request: IncomingMessage, response: ServerResponse, body: string) => void;

async function withClient(
  handler: Handler,
  body: (client: ReturnType<typeof createClient>) => Promise<void>,
) {
  const server = createServer((request, response) => {
    let text = '';
    request.setEncoding('utf8');
    request.on('data', (piece: string) => {
      text += piece;
    });
    request.on('end', () => handler(request, response, text));
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  try {
    await body(createClient({ apiKey: 'sk-test', baseURL: `http://127.0.0.1:${port}/v1`, maxRetries: 0 }));
  } finally {
    // undici may keep a spare connection open after an abort; see abort.test.ts.
    server.closeAllConnections();
    server.close();
    await once(server, 'close');
  }
}

test('stream().send() sends stream: true and final() assembles the answer', async () => {
  let sent: unknown;
  await withClient(
    (_request, response, body) => {
      sent = JSON.parse(body);
      response.writeHead(200, { 'content-type': 'text/event-stream', 'x-request-id': 'req_client' });
      response.end(sseOf([textChunk('Hello'), textChunk(' there')]));
    },
    async (client) => {
      const stream = client.chat().model('gpt-4o').user('Hi').stream().send();
      const texts: string[] = [];
      for await (const text of stream.text()) texts.push(text);
      assert.equal(texts, ['Hello', ' there']);
      assert.is((await stream.final()).choices[0]?.message.content, 'Hello there');
      assert.is(await stream.requestId, 'req_client');
    },
  );
  assert.equal(sent, { model: 'gpt-4o', messages: [{ role: 'user', content: 'Hi' }], stream: true });
});

test('an HTTP error before the stream rejects with its APIError subclass', async () => {
  await withClient(
    (_request, response) => {
      response.writeHead(401, { 'content-type': 'application/json', 'x-request-id': 'req_401' });
      response.end(
        '{"error":{"message":"Incorrect API key provided","type":"invalid_request_error","code":"invalid_api_key"}}',
      );
    },
    async (client) => {
      const error = await rejectionOf(() => client.chat().model('gpt-4o').user('Hi').stream().send().final());
      assert.instance(error, AuthenticationError);
      assert.is((error as APIError).code, 'invalid_api_key');
      assert.is((error as APIError).requestId, 'req_401');
    },
  );
});

test('an error event inside the stream rejects with an APIError without status', async () => {
  await withClient(
    (_request, response) => {
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      response.end(
        `${sseOf([textChunk('a')], false)}event: error\ndata: {"error":{"message":"overloaded","type":"server_error"}}\n\n`,
      );
    },
    async (client) => {
      const error = await rejectionOf(() => client.chat().model('gpt-4o').user('Hi').stream().send().final());
      assert.instance(error, APIError);
      assert.is((error as APIError).status, undefined);
      assert.is((error as APIError).type, 'server_error');
    },
  );
});

test("the caller's AbortSignal mid-stream rejects the loop with APIUserAbortError", async () => {
  await withClient(
    (_request, response) => {
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      response.write(sseOf([textChunk('a')], false));
    },
    async (client) => {
      const controller = new AbortController();
      const stream = client.chat().model('gpt-4o').user('Hi').stream().send({ signal: controller.signal });
      const error = await rejectionOf(async () => {
        for await (const _ of stream) controller.abort();
      });
      assert.instance(error, APIUserAbortError);
      assert.is(await rejectionOf(() => stream.final()), error);
    },
  );
});

test.run();
