import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { inspect } from 'node:util';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { type ChatwrightClient, createClient, fanOut, RedirectError } from '../../src/index.js';
import { expectError, KEY, rejection } from './support.js';

// A redirect from the API's origin to any other place must never carry the credentials or the body
// there: undici drops `Authorization` on a cross-origin redirect, but not `api-key` (Azure),
// `x-api-key`, `OpenAI-Organization` or `OpenAI-Project`, and 307/308 re-send the body.

interface Recorded {
  readonly method: string | undefined;
  readonly url: string | undefined;
  readonly headers: IncomingHttpHeaders;
}

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** The other origin: records whatever reaches it and answers like the API would. */
async function startElsewhere(): Promise<{ url: string; seen: Recorded[]; close: () => Promise<void> }> {
  const seen: Recorded[] = [];
  const server = createServer((request, response) => {
    seen.push({ method: request.method, url: request.url, headers: request.headers });
    request.resume();
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ id: 'file-x', object: 'file', choices: [] }));
  });
  const url = await listen(server);
  return { url, seen, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** The API's origin: answers every request with `status` and a Location on the other origin. */
async function startRedirector(
  status: number,
  location: string,
): Promise<{ url: string; hits: () => number; close: () => Promise<void> }> {
  let hits = 0;
  const server = createServer((request, response) => {
    hits++;
    request.resume();
    response.writeHead(status, { location, 'content-type': 'text/html' });
    response.end('<html>moved</html>');
  });
  const url = await listen(server);
  return { url, hits: () => hits, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

const credentialHeaders = {
  'api-key': 'azure-LEAKCANARY-key',
  'x-api-key': 'x-LEAKCANARY-key',
  'OpenAI-Organization': 'org-LEAKCANARY',
  'OpenAI-Project': 'proj-LEAKCANARY',
};

const calls: Array<[string, (client: ChatwrightClient) => Promise<unknown>]> = [
  ['send()', (client) => client.chat().model('gpt-4o').user('Hi').send()],
  ['a stream', (client) => client.chat().model('gpt-4o').user('Hi').stream().send().final()],
  [
    'files.upload()',
    (client) => client.files.upload(new Blob(['{}\n']), { filename: 'a.jsonl', purpose: 'batch' }),
  ],
  ['files.content()', (client) => client.files.content('file-abc')],
  ['files.retrieve()', (client) => client.files.retrieve('file-abc')],
  [
    'batches.create()',
    (client) =>
      client.batches.create({
        input_file_id: 'file-abc',
        endpoint: '/v1/chat/completions',
        completion_window: '24h',
      }),
  ],
];

for (const status of [301, 302, 303, 307, 308]) {
  for (const [what, call] of calls) {
    test(`a ${status} to another origin is refused for ${what}: nothing reaches it, nothing is retried`, async () => {
      const elsewhere = await startElsewhere();
      const redirector = await startRedirector(
        status,
        `${elsewhere.url}/v1/steal?token=LEAKCANARY-query#frag`,
      );
      try {
        const client = createClient({
          baseURL: `${redirector.url}/v1`,
          apiKey: KEY,
          defaultHeaders: credentialHeaders,
          retryDelay: { initial: 1, max: 2 },
        });
        const error = expectError(await rejection(call(client)), RedirectError);
        assert.is(error.status, status);
        assert.is(error.code, 'redirect');
        assert.is(error.location, `${elsewhere.url}/v1/steal`);
        assert.match(error.message, `${elsewhere.url}/v1/steal`);
        assert.match(error.message, 'baseURL');
        assert.is(elsewhere.seen.length, 0, 'the other origin received a request');
        assert.is(redirector.hits(), 1, 'a redirect is final: never retried');
        const shown = `${error.message} ${inspect(error, { depth: 5 })} ${JSON.stringify(error)}`;
        assert.not.match(shown, 'LEAKCANARY');
      } finally {
        await redirector.close();
        await elsewhere.close();
      }
    });
  }
}

test('a redirect to the same origin is refused too, and a relative Location is named in full', async () => {
  const redirector = await startRedirector(307, '/v2/chat/completions?key=LEAKCANARY');
  try {
    const client = createClient({ baseURL: `${redirector.url}/v1`, apiKey: KEY });
    const error = expectError(
      await rejection(client.chat().model('gpt-4o').user('Hi').send()),
      RedirectError,
    );
    assert.is(error.location, `${redirector.url}/v2/chat/completions`);
    assert.is(redirector.hits(), 1);
    assert.not.match(error.message, 'LEAKCANARY');
  } finally {
    await redirector.close();
  }
});

test('a redirect without a Location says so', async () => {
  const server = createServer((request, response) => {
    request.resume();
    response.writeHead(302);
    response.end();
  });
  const url = await listen(server);
  try {
    const client = createClient({ baseURL: url, apiKey: KEY });
    const error = expectError(
      await rejection(client.chat().model('gpt-4o').user('Hi').send()),
      RedirectError,
    );
    assert.is(error.location, undefined);
    assert.match(error.message, 'without a Location');
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
});

test('a custom fetch is asked not to follow redirects', async () => {
  let redirect: RequestRedirect | undefined;
  const client = createClient({
    baseURL: 'http://127.0.0.1:9/v1',
    apiKey: KEY,
    maxRetries: 0,
    fetch: async (_input, init) => {
      redirect = init?.redirect;
      return new Response(null, { status: 308, headers: { location: 'https://elsewhere.example/x' } });
    },
  });
  const error = expectError(await rejection(client.chat().model('gpt-4o').user('Hi').send()), RedirectError);
  assert.is(redirect, 'manual');
  assert.is(error.location, 'https://elsewhere.example/x');
});

test("a redirect is final for fanOut() too, even with the server's x-should-retry: true", async () => {
  let hits = 0;
  const server = createServer((request, response) => {
    hits++;
    request.resume();
    response.writeHead(307, { location: 'http://127.0.0.1:9/elsewhere', 'x-should-retry': 'true' });
    response.end();
  });
  const url = await listen(server);
  try {
    const client = createClient({ baseURL: url, apiKey: KEY, retryDelay: { initial: 1, max: 2 } });
    const [result] = await fanOut([client.chat().model('gpt-4o').user('Hi')], {
      retryDelay: { initial: 1, max: 2 },
    });
    assert.ok(result !== undefined && !result.ok);
    expectError(result.error, RedirectError);
    assert.is(hits, 1);
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
});

test.run();
