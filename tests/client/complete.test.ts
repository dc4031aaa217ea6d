import { readFileSync } from 'node:fs';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { APIError } from '../../src/index.js';
import { VERSION } from '../../src/internal/version.js';
import { completionBody, replies } from '../../src/testing/index.js';
import { clientOf, expectError, hello, rejection, withServer } from './support.js';

const keyPattern = /^chatwright-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

test('send() posts the builder body to {baseURL}/chat/completions with the expected headers', async () => {
  await withServer(async (server) => {
    const builder = hello(clientOf(server)).system('Be brief.').temperature(0.2);
    await builder.send();
    const [request] = server.requests;
    assert.is(request?.method, 'POST');
    assert.is(request?.path, '/v1/chat/completions');
    assert.equal(request?.body, builder.toJSON());
    assert.equal(request?.body, JSON.parse(JSON.stringify(builder)));
    assert.is(request?.headers.authorization, 'Bearer [REDACTED]');
    assert.is(request?.headers['content-type'], 'application/json');
    assert.is(request?.headers.accept, 'application/json');
    assert.is(request?.headers['x-chatwright-version'], VERSION);
    assert.match(request?.headers['idempotency-key'] ?? '', keyPattern);
    assert.is(request?.headers['openai-organization'], undefined);
    assert.is(request?.headers['openai-project'], undefined);
    assert.equal(request?.validation, { success: true, issues: [] });
  });
});

test('the result is the completion as sent, with non-enumerable requestId and response', async () => {
  await withServer(async (server) => {
    server.enqueue(replies.completion('Hello, Ada.'));
    const result = await hello(clientOf(server)).send();
    assert.equal({ ...result }, completionBody('Hello, Ada.', { model: 'gpt-4o' }));
    assert.equal(JSON.parse(JSON.stringify(result)), completionBody('Hello, Ada.', { model: 'gpt-4o' }));
    assert.is(result.requestId, 'req_fake_1');
    assert.instance(result.response, Response);
    assert.is(result.response.status, 200);
    assert.is(result.response.bodyUsed, true);
    assert.not.ok(Object.keys(result).includes('requestId'));
    assert.not.ok(Object.keys(result).includes('response'));
  });
});

test('any JSON object is accepted as it is (compatible servers add and omit fields)', async () => {
  await withServer(async (server) => {
    server.enqueue(replies.json({ id: 'x', choices: [], vendor_extension: { latency_ms: 3 } }));
    const result = await hello(clientOf(server)).send();
    assert.equal({ ...result }, { id: 'x', choices: [], vendor_extension: { latency_ms: 3 } });
  });
});

test('a 200 whose body is not a JSON object is an APIError naming the problem', async () => {
  await withServer(async (server) => {
    server.enqueue(replies.text('<html>Bad gateway</html>'), replies.json([1, 2]));
    const client = clientOf(server);
    const html = expectError(await rejection(hello(client).send()), APIError);
    assert.is(html.status, 200);
    assert.is(html.type, 'invalid_response');
    assert.is(html.requestId, 'req_fake_1');
    assert.is(
      html.message,
      '200: the response body is not a JSON object: "<html>Bad gateway</html>" (request req_fake_1)',
    );
    const array = expectError(await rejection(hello(client).send()), APIError);
    assert.is(array.message, '200: the response body is not a JSON object: "[1,2]" (request req_fake_2)');
    assert.is(server.requests.length, 2, 'a 200 is never retried');
  });
});

test('organization, project, default headers and query, per-request headers and query', async () => {
  await withServer(async (server) => {
    const client = clientOf(server, {
      organization: 'org-1',
      project: 'proj-1',
      defaultHeaders: { 'X-Team': 'billing', 'X-Removed': 'no' },
      defaultQuery: { 'api-version': '2024-10-21' },
    });
    await hello(client).send({ headers: { 'x-removed': null, 'X-Request': 'yes' }, query: { trace: '1' } });
    const [request] = server.requests;
    assert.is(request?.headers['openai-organization'], 'org-1');
    assert.is(request?.headers['openai-project'], 'proj-1');
    assert.is(request?.headers['x-team'], 'billing');
    assert.is(request?.headers['x-request'], 'yes');
    assert.is(request?.headers['x-removed'], undefined);
    assert.equal(request?.query, { 'api-version': '2024-10-21', trace: '1' });
  });
});

test('a null default header removes one of ours; apiKey null sends no Authorization', async () => {
  await withServer(async (server) => {
    await hello(clientOf(server, { apiKey: null, defaultHeaders: { 'Idempotency-Key': null } })).send();
    const [request] = server.requests;
    assert.is(request?.headers.authorization, undefined);
    assert.is(request?.headers['idempotency-key'], undefined);
  });
});

test('a caller-chosen idempotency key is sent as given; otherwise each send gets a fresh one', async () => {
  await withServer(async (server) => {
    const client = clientOf(server);
    await hello(client).send({ idempotencyKey: 'order-42' });
    await hello(client).send();
    await hello(client).send();
    const keys = server.requests.map((request) => request.headers['idempotency-key']);
    assert.is(keys[0], 'order-42');
    assert.match(keys[1] ?? '', keyPattern);
    assert.match(keys[2] ?? '', keyPattern);
    assert.is.not(keys[1], keys[2]);
  });
});

test('a base URL with a trailing slash still reaches /chat/completions', async () => {
  await withServer(async (server) => {
    await hello(clientOf(server, { baseURL: `${server.url}/` })).send();
    assert.is(server.requests[0]?.path, '/v1/chat/completions');
  });
});

test('a base URL with a query keeps it, and per-request query parameters join it', async () => {
  await withServer(async (server) => {
    await hello(clientOf(server, { baseURL: `${server.url}/?tenant=a` })).send({ query: { trace: '1' } });
    assert.is(server.requests[0]?.path, '/v1/chat/completions');
    assert.equal(server.requests[0]?.query, { tenant: 'a', trace: '1' });
  });
});

test('a custom fetch is used for every request', async () => {
  await withServer(async (server) => {
    const seen: string[] = [];
    const client = clientOf(server, {
      fetch: (input, init) => {
        seen.push(`${init?.method} ${String(input)}`);
        return fetch(input, init);
      },
    });
    await hello(client).send();
    assert.equal(seen, [`POST ${server.url}/chat/completions`]);
  });
});

test('withOptions() derives a client with merged headers and replaced settings', async () => {
  await withServer(async (server) => {
    const base = clientOf(server, { defaultHeaders: { 'x-a': '1' }, organization: 'org-1' });
    const derived = base.withOptions({ defaultHeaders: { 'x-b': '2' }, organization: 'org-2' });
    await hello(derived).send();
    await hello(base).send();
    assert.is(server.requests[0]?.headers['x-a'], '1');
    assert.is(server.requests[0]?.headers['x-b'], '2');
    assert.is(server.requests[0]?.headers['openai-organization'], 'org-2');
    assert.is(server.requests[1]?.headers['x-b'], undefined);
    assert.is(server.requests[1]?.headers['openai-organization'], 'org-1');
  });
});

test('a stream request asks for text/event-stream and resolves once the response is accepted', async () => {
  await withServer(async (server) => {
    server.enqueue(replies.stream([{ n: 1 }, 'data: raw\n\n']));
    const stream = hello(clientOf(server)).stream().send();
    const response = await stream.response;
    assert.is(response.status, 200);
    assert.is(await response.text(), 'data: {"n":1}\n\ndata: raw\n\ndata: [DONE]\n\n');
    const [request] = server.requests;
    assert.is(request?.headers.accept, 'text/event-stream');
    assert.is((request?.body as { stream?: unknown } | undefined)?.stream, true);
  });
});

test('x-chatwright-version is the package version', () => {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    version: string;
  };
  assert.is(VERSION, pkg.version);
});

test.run();
