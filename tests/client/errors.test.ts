import { readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { inspect } from 'node:util';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { ClientOptionsError } from '../../src/errors/client-options-error.js';
import {
  APIConnectionError,
  APIError,
  APITimeoutError,
  APIUserAbortError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  createClient,
  InternalServerError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  UnprocessableEntityError,
} from '../../src/index.js';
import { replies } from '../../src/testing/index.js';
import { corpusMissing, sharedDir } from '../support/shared-corpus.js';
import { clientOf, expectError, hello, KEY, rejection, withServer } from './support.js';

const byStatus: Array<[number, new (...args: never[]) => APIError]> = [
  [400, BadRequestError],
  [401, AuthenticationError],
  [403, PermissionDeniedError],
  [404, NotFoundError],
  [409, ConflictError],
  [418, APIError],
  [422, UnprocessableEntityError],
  [429, RateLimitError],
  [500, InternalServerError],
  [503, InternalServerError],
];

test('each status becomes its error class, carrying type, code, param and the request id', async () => {
  await withServer(async (server) => {
    const client = clientOf(server, { maxRetries: 0 });
    for (const [index, [status, type]] of byStatus.entries()) {
      server.enqueue(
        replies.error(status, `failed with ${status}`, { type: 'some_type', code: 'some_code', param: 'p' }),
      );
      const error = expectError(await rejection(hello(client).send()), type);
      assert.is(error.status, status);
      assert.is(error.message, `${status}: failed with ${status} (request req_fake_${index + 1})`);
      assert.is(error.type, 'some_type');
      assert.is(error.code, 'some_code');
      assert.is(error.param, 'p');
      assert.is(error.requestId, `req_fake_${index + 1}`);
      assert.is(error.headers?.get('content-type'), 'application/json; charset=utf-8');
      assert.equal(error.error, {
        message: `failed with ${status}`,
        type: 'some_type',
        param: 'p',
        code: 'some_code',
      });
    }
  });
});

test('an error body that is not JSON keeps its text as the message', async () => {
  await withServer(async (server) => {
    server.enqueue(replies.text('upstream timed out', { status: 504 }));
    const error = expectError(
      await rejection(hello(clientOf(server, { maxRetries: 0 })).send()),
      InternalServerError,
    );
    assert.is(error.message, '504: upstream timed out (request req_fake_1)');
    assert.is(error.type, undefined);
  });
});

test('connection refused is an APIConnectionError with the cause, after the retries', async () => {
  const port = await freePort();
  const client = createClient({
    baseURL: `http://127.0.0.1:${port}/v1`,
    apiKey: KEY,
    retryDelay: { initial: 1 },
    maxRetries: 1,
  });
  const error = expectError(await rejection(hello(client).send()), APIConnectionError);
  assert.match(error.message, /^Connection error: .*ECONNREFUSED/);
  assert.instance(error.cause, Error);
});

test('recorded error responses replay into the right error class', async () => {
  if (corpusMissing('recorded error fixtures') || sharedDir === undefined) return;
  const fixtures = join(sharedDir, 'fixtures');
  const files = readdirSync(fixtures, { recursive: true, encoding: 'utf8' }).filter(
    (file) => /(^|[./])error-\d{3}[^/]*\.json$/.test(file) && !/\.(request|response-meta)\.json$/.test(file),
  );
  assert.ok(files.length >= 4, `found ${files.length} error fixtures`);
  await withServer(async (server) => {
    const client = clientOf(server, { maxRetries: 0 });
    for (const file of files) {
      const body = JSON.parse(readFileSync(join(fixtures, file), 'utf8')) as {
        error: Record<string, unknown>;
      };
      const metaFile = join(fixtures, file.replace(/\.json$/, '.response-meta.json'));
      const meta = readMeta(metaFile);
      const status = meta?.status ?? Number(/error-(\d{3})/.exec(file)?.[1]);
      const headers = { ...meta?.headers };
      delete headers['content-type'];
      server.enqueue(replies.json(body, { status, headers }));
      const error = await rejection(hello(client).send());
      const expected = byStatus.find(([code]) => code === status)?.[1] ?? APIError;
      expectError(error, expected);
      const apiError = error as APIError;
      assert.is(apiError.status, status, file);
      assert.is(apiError.error?.message, body.error.message, file);
      assert.is(apiError.code, body.error.code === null ? undefined : String(body.error.code), file);
      assert.is(apiError.param, body.error.param ?? undefined, file);
      if (meta?.headers['x-request-id'] !== undefined)
        assert.is(apiError.requestId, meta.headers['x-request-id'], file);
    }
  });
});

test('no error, however made, carries the API key in its message, stack, JSON, inspection or causes', async () => {
  const errors: unknown[] = [];
  await withServer(async (server) => {
    const client = clientOf(server, { maxRetries: 0 });
    for (const [status] of byStatus) {
      server.enqueue(replies.error(status, 'failed'));
      errors.push(await rejection(hello(client).send()));
    }
    server.enqueue(replies.text('not json'));
    errors.push(await rejection(hello(client).send()));
    server.enqueue(replies.cut());
    errors.push(await rejection(hello(client).send()));
    server.enqueue(replies.hang());
    errors.push(await rejection(hello(client).send({ timeout: 20 })));
    server.enqueue(replies.hang());
    const controller = new AbortController();
    const aborted = hello(client).send({ signal: controller.signal });
    setImmediate(() => controller.abort());
    errors.push(await rejection(aborted));
    server.enqueue(replies.error(500, 'failed'));
    errors.push(await rejection(hello(client).stream().send().response));
    server.enqueue(replies.stream([{ n: 1 }], { cutAfter: 0 }));
    const cut = await hello(client).stream().send().response;
    errors.push(await rejection(cut.text()));
  });
  const port = await freePort();
  errors.push(
    await rejection(
      hello(createClient({ baseURL: `http://127.0.0.1:${port}/v1`, apiKey: KEY, maxRetries: 0 })).send(),
    ),
  );
  const classes = new Set(errors.map((error) => (error as Error).constructor));
  for (const expected of [APIError, APIConnectionError, APITimeoutError, APIUserAbortError, RateLimitError]) {
    assert.ok(classes.has(expected), `the sweep includes a ${expected.name}`);
  }
  for (const error of errors) assertNoKey(error);
});

test('a key, header or base URL that fetch would refuse is a ClientOptionsError naming it, never quoting it', async () => {
  const errors: unknown[] = [];
  const refused = (make: () => unknown, option: string): void => {
    let caught: unknown;
    try {
      make();
    } catch (error) {
      caught = error;
    }
    assert.is(expectError(caught, ClientOptionsError).option, option);
    errors.push(caught);
  };
  refused(() => createClient({ apiKey: `${KEY}\nx` }), 'apiKey');
  refused(() => createClient({ apiKey: `${KEY}\u20ac` }), 'apiKey');
  refused(
    () => createClient({ apiKey: null, defaultHeaders: { 'api-key': `${KEY}\r\n` } }),
    'defaultHeaders.api-key',
  );
  refused(() => createClient({ apiKey: null, organization: `${KEY}\0` }), 'organization');
  refused(() => createClient({ apiKey: null, baseURL: `https://user:${KEY}@example.com/v1` }), 'baseURL');
  refused(() => createClient({ apiKey: null, baseURL: `htps:/user:${KEY}@example.com/v1` }), 'baseURL');
  await withServer(async (server) => {
    const retries: unknown[] = [];
    const client = clientOf(server, { onRetry: (event) => retries.push(event) });
    const perSend = await rejection(hello(client).send({ headers: { 'x-api-key': `${KEY}\n` } }));
    assert.is(expectError(perSend, ClientOptionsError).option, 'headers.x-api-key');
    errors.push(perSend);
    const saved = process.env.OPENAI_API_KEY;
    process.env.OPENAI_API_KEY = `${KEY}\nx`;
    try {
      const fromEnv = await rejection(hello(createClient({ baseURL: server.url })).send());
      assert.is(expectError(fromEnv, ClientOptionsError).option, 'OPENAI_API_KEY');
      errors.push(fromEnv);
      const streamed = await rejection(
        hello(createClient({ baseURL: server.url }))
          .stream()
          .send()
          .final(),
      );
      expectError(streamed, ClientOptionsError);
      errors.push(streamed);
    } finally {
      if (saved === undefined) delete process.env.OPENAI_API_KEY;
      else process.env.OPENAI_API_KEY = saved;
    }
    assert.is(server.requests.length, 0);
    assert.equal(retries, []);
  });
  for (const error of errors) assertNoKey(error);
});

test('a fetch failure that is not the network is final: not retried, its message and cause not kept', async () => {
  const events: unknown[] = [];
  let calls = 0;
  const client = createClient({
    apiKey: KEY,
    baseURL: 'http://127.0.0.1:9/v1',
    retryDelay: { initial: 1 },
    onRetry: (event) => events.push(event),
    fetch: (_input, init) => {
      calls++;
      const auth = new Headers(init?.headers).get('authorization');
      throw new TypeError(`Headers.append: "${auth}" is an invalid header value.`);
    },
  });
  const error = expectError(await rejection(hello(client).send()), APIConnectionError);
  assert.is(error.retryable, false);
  assert.is(
    error.message,
    'Connection error: the request could not be sent (fetch threw a TypeError that is not a network ' +
      'failure; its message is not shown, as it may quote a header value).',
  );
  assert.is(error.cause, undefined);
  assert.is(calls, 1);
  assert.equal(events, []);
  assertNoKey(error);
});

test('a client never shows its key when logged', () => {
  const client = createClient({ apiKey: KEY });
  assert.not.ok(inspect(client, { depth: 20, showHidden: true }).includes(KEY));
  assert.not.ok(JSON.stringify(client)?.includes(KEY));
});

test('a bad option is a ClientOptionsError thrown by createClient (no key in it)', () => {
  let error: unknown;
  try {
    createClient({ apiKey: KEY, timeout: -1 });
  } catch (caught) {
    error = caught;
  }
  expectError(error, ClientOptionsError);
  assertNoKey(error);
});

function assertNoKey(error: unknown): void {
  let current: unknown = error;
  for (let depth = 0; current !== undefined && current !== null && depth < 10; depth++) {
    const texts = [inspect(current, { depth: 20, showHidden: true }), safeJson(current)];
    if (current instanceof Error) texts.push(current.message, current.stack ?? '');
    for (const text of texts) {
      assert.not.ok(
        text.includes(KEY),
        `the key leaked into ${(error as Error).name}: ${text.slice(0, 300)}`,
      );
      assert.not.ok(text.includes(KEY.slice(8)), `part of the key leaked into ${(error as Error).name}`);
    }
    current = current instanceof Error ? current.cause : undefined;
  }
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? '';
  } catch {
    return '';
  }
}

function readMeta(file: string): { status: number; headers: Record<string, string> } | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

/** A loopback port nothing listens on: bound, then released. */
function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

test.run();
