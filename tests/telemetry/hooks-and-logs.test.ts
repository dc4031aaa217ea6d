import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import {
  BadRequestError,
  ClientOptionsError,
  createClient,
  type Logger,
  type RequestEvent,
  type ResponseEvent,
} from '../../src/index.js';
import { replies } from '../../src/testing/index.js';
import { clientOf, expectError, KEY, rejection, withServer } from '../client/support.js';
import { assertNoSecrets, traced } from './support.js';

const test = suite('hooks and logs');
traced(test);

// Values given to the client that must never come out again: in a hook, a log line or a span.
const secrets = {
  organization: 'org-SECRETORG-1234',
  project: 'proj-SECRETPROJ-5678',
  defaultHeaders: { 'x-tenant-token': 'tenant-SECRET-9abc' },
};
const secretValues = [KEY, secrets.organization, secrets.project, 'tenant-SECRET-9abc', 'send-SECRET-def0'];

function lines(): { logger: Logger; lines: string[] } {
  const all: string[] = [];
  const at = (level: string) => (message: string) => all.push(`${level} ${message}`);
  return {
    logger: { error: at('error'), warn: at('warn'), info: at('info'), debug: at('debug') },
    lines: all,
  };
}

test('onRequest sees the validated request with headers redacted; onResponse the answer, its usage and timing', async () => {
  await withServer(async (server) => {
    server.setDefault(replies.completion('Hello there', { headers: { 'x-request-id': 'req_123' } }));
    const requests: RequestEvent[] = [];
    const responses: ResponseEvent[] = [];
    const client = clientOf(server, {
      ...secrets,
      onRequest: (event) => requests.push(event),
      onResponse: (event) => responses.push(event),
    });
    await client
      .chat()
      .model('gpt-4o')
      .name('greeter')
      .user('Hi')
      .send({ headers: { 'x-send': 'send-SECRET-def0' } });

    assert.is(requests.length, 1);
    const request = requests[0] as RequestEvent;
    assert.is(request.url, `${server.url}/chat/completions`);
    assert.equal(request.body, { model: 'gpt-4o', messages: [{ role: 'user', content: 'Hi' }] });
    assert.is(request.name, 'greeter');
    assert.is(request.stream, false);
    assert.is(request.headers['content-type'], 'application/json');
    for (const name of [
      'authorization',
      'openai-organization',
      'openai-project',
      'x-tenant-token',
      'x-send',
    ]) {
      assert.is(request.headers[name], '[redacted]', name);
    }
    assert.is(responses.length, 1);
    const response = responses[0] as ResponseEvent;
    assert.is(response.status, 200);
    assert.is(response.requestId, 'req_123');
    assert.is(response.usage?.completion_tokens, 2);
    assert.is(response.retries, 0);
    assert.is(response.error, undefined);
    assert.ok(response.durationMs > 0);
    const seen = JSON.stringify([requests, responses.map((r) => ({ ...r, headers: [...r.headers] }))]);
    for (const secret of secretValues) assert.not.ok(seen.includes(secret), secret);
  });
});

test('onResponse reports an error status, and a stream when it ends, with its usage', async () => {
  await withServer(async (server) => {
    const responses: ResponseEvent[] = [];
    const client = clientOf(server, { onResponse: (event) => responses.push(event), maxRetries: 1 });
    server.enqueue(replies.error(500), replies.error(400, 'bad'));
    expectError(await rejection(client.chat().model('gpt-4o').user('Hi').send()), BadRequestError);
    assert.equal(
      responses.map((r) => [r.status, r.retries, r.error?.name]),
      [[400, 1, 'BadRequestError']],
    );

    responses.length = 0;
    server.enqueue(replies.completion('one two'));
    const stream = client
      .chat()
      .model('gpt-4o')
      .user('Hi')
      .stream()
      .streamOptions({ include_usage: true })
      .send();
    await stream.response;
    assert.is(responses.length, 0, 'not before the stream ends');
    await stream.final();
    assert.equal(
      responses.map((r) => [r.status, r.stream, r.usage?.completion_tokens]),
      [[200, true, 2]],
    );
  });
});

test('a hook or logger that throws never fails the request', async () => {
  await withServer(async (server) => {
    const boom = () => {
      throw new Error('hook failed');
    };
    const client = clientOf(server, {
      onRequest: boom,
      onResponse: boom,
      logLevel: 'debug',
      logger: { error: boom, warn: boom, info: boom, debug: boom },
    });
    const reply = await client.chat().model('gpt-4o').user('Hi').send();
    assert.type(reply.choices[0]?.message.content, 'string');
    const stream = client.chat().model('gpt-4o').user('Hi').stream().send();
    assert.type((await stream.final()).id, 'string');
  });
});

test('logLevel writes one line per request and per retry, headers redacted, through the logger', async () => {
  await withServer(async (server) => {
    server.enqueue(
      replies.error(503, 'busy'),
      replies.completion('ok', { headers: { 'x-request-id': 'req_9' } }),
    );
    const { logger, lines: written } = lines();
    const client = clientOf(server, { ...secrets, logLevel: 'debug', logger });
    await client
      .chat()
      .model('gpt-4o')
      .name('support')
      .user('Hi')
      .send({ headers: { 'x-send': 'send-SECRET-def0' } });
    const endpoint = `${server.url}/chat/completions`;
    assert.is(written.length, 3, written.join('\n'));
    assert.match(written[0] as string, `debug [chatwright] → POST ${endpoint} gpt-4o (support) headers {`);
    assert.match(written[0] as string, '"authorization":"[redacted]"');
    assert.match(
      written[1] as string,
      new RegExp(
        `^warn \\[chatwright\\] retry 1 of POST ${endpoint} gpt-4o \\(support\\) in \\d+ ms after InternalServerError \\(503\\)$`,
      ),
    );
    assert.match(
      written[2] as string,
      new RegExp(
        `^info \\[chatwright\\] POST ${endpoint} gpt-4o \\(support\\) → 200 in \\d+ ms req_9 tokens 0\\+1$`,
      ),
    );
    for (const line of written)
      for (const secret of secretValues) assert.not.ok(line.includes(secret), secret);
    assertNoSecrets(secretValues);
  });
});

test("logLevel 'error' writes failures only, the key scrubbed from the server's message", async () => {
  await withServer(async (server) => {
    server.enqueue(replies.error(401, `Incorrect API key provided: ${KEY}`));
    const { logger, lines: written } = lines();
    const client = clientOf(server, { logLevel: 'error', logger });
    await rejection(client.chat().model('gpt-4o').user('Hi').send());
    await client.chat().model('gpt-4o').user('Hi').send();
    assert.is(written.length, 1, written.join('\n'));
    assert.match(
      written[0] as string,
      /^error \[chatwright\] POST .* gpt-4o failed after \d+ ms: AuthenticationError \(401\): 401: Incorrect API key provided: \[redacted\]/,
    );
  });
});

test('CHATWRIGHT_LOG sets the level when logLevel is not given; a bad level is a ClientOptionsError', async () => {
  const before = process.env.CHATWRIGHT_LOG;
  try {
    await withServer(async (server) => {
      process.env.CHATWRIGHT_LOG = 'info';
      const { logger, lines: written } = lines();
      await clientOf(server, { logger }).chat().model('gpt-4o').user('Hi').send();
      assert.is(written.length, 1);
      assert.match(written[0] as string, /^info /);
      // The option wins over the variable.
      await clientOf(server, { logger, logLevel: 'off' }).chat().model('gpt-4o').user('Hi').send();
      assert.is(written.length, 1);
      process.env.CHATWRIGHT_LOG = 'loud';
      const error = expectError(
        (() => {
          try {
            createClient({ apiKey: KEY });
          } catch (thrown) {
            return thrown;
          }
          return undefined;
        })(),
        ClientOptionsError,
      );
      assert.match(
        error.message,
        'CHATWRIGHT_LOG must be one of "off", "error", "warn", "info", "debug" (got "loud")',
      );
    });
  } finally {
    if (before === undefined) delete process.env.CHATWRIGHT_LOG;
    else process.env.CHATWRIGHT_LOG = before;
  }
});

test.run();
