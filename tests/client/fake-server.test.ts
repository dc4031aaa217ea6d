import { test } from 'uvu';
import * as assert from 'uvu/assert';
import {
  completionBody,
  completionChunks,
  createFakeServer,
  errorBody,
  type FakeServer,
  replies,
} from '../../src/testing/index.js';
import { KEY, pendingTimers, rejection, until, withServer } from './support.js';

const valid = { model: 'gpt-4o', messages: [{ role: 'user', content: 'Hi' }] };

/** A raw POST, as any HTTP client (not chatwright) would send it. */
function post(
  server: FakeServer,
  body: unknown,
  init: { path?: string; headers?: Record<string, string> } = {},
) {
  return fetch(`${server.url}${init.path ?? '/chat/completions'}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...init.headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

test('records each request with redacted credentials, its parsed body and its validation', async () => {
  await withServer(async (server) => {
    await post(server, valid, {
      path: '/chat/completions?api-version=1',
      headers: { authorization: `Bearer ${KEY}`, 'api-key': KEY, 'x-custom': 'yes' },
    });
    const [request] = server.requests;
    assert.is(request?.method, 'POST');
    assert.is(request?.path, '/v1/chat/completions');
    assert.equal(request?.query, { 'api-version': '1' });
    assert.is(request?.headers.authorization, 'Bearer [REDACTED]');
    assert.is(request?.headers['api-key'], '[REDACTED]');
    assert.is(request?.headers['x-custom'], 'yes');
    assert.equal(request?.body, valid);
    assert.equal(request?.validation, { success: true, issues: [] });
    assert.not.ok(JSON.stringify(server.requests).includes(KEY));
  });
});

test('every credential-carrying header and query parameter is recorded redacted', async () => {
  await withServer(async (server) => {
    await post(server, valid, {
      path: `/chat/completions?api-version=1&key=${KEY}&api_key=${KEY}&API-KEY=${KEY}`,
      headers: {
        'x-api-key': KEY,
        'proxy-authorization': `Basic ${KEY}`,
        cookie: `session=${KEY}`,
        authorization: KEY,
      },
    });
    const [request] = server.requests;
    assert.equal(request?.query, {
      'api-version': '1',
      key: '[REDACTED]',
      api_key: '[REDACTED]',
      'API-KEY': '[REDACTED]',
    });
    assert.is(request?.headers['x-api-key'], '[REDACTED]');
    assert.is(request?.headers['proxy-authorization'], '[REDACTED]');
    assert.is(request?.headers.cookie, '[REDACTED]');
    assert.is(request?.headers.authorization, '[REDACTED]');
    assert.not.ok(JSON.stringify(server.requests).includes(KEY));
  });
});

test('an invalid body is answered 400 like the real API, with the issue path as param', async () => {
  await withServer(async (server) => {
    const response = await post(server, { ...valid, temperature: 5 });
    assert.is(response.status, 400);
    const body = (await response.json()) as { error: { param: string; type: string } };
    assert.is(body.error.param, 'temperature');
    assert.is(body.error.type, 'invalid_request_error');
    const [request] = server.requests;
    assert.is(request?.validation?.success, false);
    assert.is(request?.validation?.issues[0]?.path, 'temperature');
    assert.is(request?.validation?.issues[0]?.input, 5);
  });
});

test('with rejectInvalid: false an invalid body is recorded and answered as scripted', async () => {
  await withServer(
    async (server) => {
      const response = await post(server, { ...valid, temperature: 5 });
      assert.is(response.status, 200);
      assert.is(server.requests[0]?.validation?.success, false);
    },
    { rejectInvalid: false },
  );
});

test('a body that is not JSON is recorded as text and refused', async () => {
  await withServer(async (server) => {
    const response = await post(server, '{oops');
    assert.is(response.status, 400);
    assert.is(server.requests[0]?.body, '{oops');
    assert.equal(server.requests[0]?.validation?.issues, [
      { path: '', message: 'the request body is not JSON', input: '{oops' },
    ]);
  });
});

test('another path is a 404 with the API error envelope', async () => {
  await withServer(async (server) => {
    const response = await post(server, valid, { path: '/embeddings' });
    assert.is(response.status, 404);
    assert.equal(
      await response.json(),
      errorBody('Unknown request URL: POST /v1/embeddings.', { code: 'unknown_url' }),
    );
  });
});

test('with apiKey set, a wrong key gets the API 401', async () => {
  await withServer(
    async (server) => {
      assert.is((await post(server, valid, { headers: { authorization: 'Bearer nope' } })).status, 401);
      assert.is((await post(server, valid)).status, 401);
      assert.is((await post(server, valid, { headers: { authorization: `Bearer ${KEY}` } })).status, 200);
    },
    { apiKey: KEY },
  );
});

test('queued replies are used in order, then the default; pending and reset', async () => {
  await withServer(async (server) => {
    server
      .enqueue(replies.json({ first: true }), replies.error(429, 'slow'))
      .setDefault(replies.json({ default: true }));
    assert.is(server.pending, 2);
    assert.equal(await (await post(server, valid)).json(), { first: true });
    const limited = await post(server, valid);
    assert.is(limited.status, 429);
    assert.equal(await limited.json(), errorBody('slow'));
    assert.equal(await (await post(server, valid)).json(), { default: true });
    assert.is(server.pending, 0);
    assert.is(server.requests.length, 3);
    server.enqueue(replies.json({}));
    server.reset();
    assert.is(server.pending, 0);
    assert.is(server.requests.length, 0);
  });
});

test('every response has an x-request-id; scripted headers are sent', async () => {
  await withServer(async (server) => {
    server.enqueue(replies.error(503, 'down', { headers: { 'retry-after': '3' } }));
    const response = await post(server, valid);
    assert.is(response.headers.get('x-request-id'), 'req_fake_1');
    assert.is(response.headers.get('retry-after'), '3');
  });
});

test('a completion reply is JSON for a plain request and a stream for stream: true', async () => {
  await withServer(async (server) => {
    server.setDefault(replies.completion('Hello there'));
    const plain = await post(server, { ...valid, model: 'gpt-4o-mini' });
    assert.equal(await plain.json(), completionBody('Hello there', { model: 'gpt-4o-mini' }));
    const streamed = await post(server, { ...valid, stream: true, stream_options: { include_usage: true } });
    assert.is(streamed.headers.get('content-type'), 'text/event-stream; charset=utf-8');
    const expected = completionChunks('Hello there', { model: 'gpt-4o', includeUsage: true });
    assert.is(
      await streamed.text(),
      `${expected.map((chunk) => `data: ${JSON.stringify(chunk)}\n\n`).join('')}data: [DONE]\n\n`,
    );
  });
});

test('stream replies: objects framed as data events, strings raw, [DONE] optional, a cut ends it', async () => {
  await withServer(async (server) => {
    server.enqueue(
      replies.stream([{ a: 1 }, ': keep-alive\n\n', 'data: {broken\n\n']),
      replies.stream([{ a: 1 }], { done: false }),
      replies.stream([{ a: 1 }, { a: 2 }], { cutAfter: 1 }),
    );
    assert.is(
      await (await post(server, valid)).text(),
      'data: {"a":1}\n\n: keep-alive\n\ndata: {broken\n\ndata: [DONE]\n\n',
    );
    assert.is(await (await post(server, valid)).text(), 'data: {"a":1}\n\n');
    const cut = await post(server, valid);
    assert.instance(await rejection(cut.text()), Error);
  });
});

test('completionChunks cuts text as a tokenizer would, with role and finish chunks', () => {
  const chunks = completionChunks('Hi there, you');
  assert.equal(
    chunks.map((chunk) => chunk.choices[0]?.delta),
    [
      { role: 'assistant', content: '', refusal: null },
      { content: 'Hi' },
      { content: ' there,' },
      { content: ' you' },
      {},
    ],
  );
  assert.equal(
    chunks.map((chunk) => chunk.choices[0]?.finish_reason),
    [null, null, null, null, 'stop'],
  );
});

test('a dynamic reply sees the request', async () => {
  await withServer(async (server) => {
    server.setDefault(
      replies.dynamic((request) =>
        replies.completion(`model was ${(request.body as { model: string }).model}`),
      ),
    );
    const body = (await (await post(server, valid)).json()) as ReturnType<typeof completionBody>;
    assert.is(body.choices[0]?.message.content, 'model was gpt-4o');
  });
});

test('close() ends hung requests and pending delays, leaving no timer', async () => {
  const timers = pendingTimers();
  const server = await createFakeServer().start();
  server.enqueue(replies.hang(), replies.completion('slow', { delayMs: 60_000 }));
  const hung = post(server, valid).catch((error: unknown) => error);
  const slow = post(server, valid).catch((error: unknown) => error);
  await until(() => server.requests.length === 2, 'both requests arrived');
  await server.close();
  assert.instance(await hung, Error);
  assert.instance(await slow, Error);
  assert.is(pendingTimers(), timers);
});

test('with cors, a preflight gets 204 unrecorded and every answer allows any origin', async () => {
  await withServer(
    async (server) => {
      const preflight = await fetch(`${server.url}/chat/completions`, {
        method: 'OPTIONS',
        headers: {
          origin: 'http://127.0.0.1:1',
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'authorization, content-type',
        },
      });
      assert.is(preflight.status, 204);
      assert.is(preflight.headers.get('access-control-allow-origin'), '*');
      assert.is(preflight.headers.get('access-control-allow-headers'), 'authorization, content-type');
      assert.is(server.requests.length, 0);
      const answer = await post(server, valid);
      assert.is(answer.status, 200);
      assert.is(answer.headers.get('access-control-allow-origin'), '*');
      assert.is(answer.headers.get('access-control-expose-headers'), '*');
      assert.is(server.requests.length, 1);
    },
    { cors: true },
  );
});

test('without cors, no CORS header is sent and OPTIONS is an unknown URL', async () => {
  await withServer(async (server) => {
    const answer = await post(server, valid);
    assert.is(answer.headers.get('access-control-allow-origin'), null);
    const options = await fetch(`${server.url}/chat/completions`, { method: 'OPTIONS' });
    assert.is(options.status, 404);
  });
});

test('url before start() is a clear error', () => {
  assert.throws(() => createFakeServer().url, /await server\.start\(\)/);
});

test.run();
