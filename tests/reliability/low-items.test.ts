import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { APIError, chat, createClient, fanOut, ValidationError } from '../../src/index.js';
import { completion, json, rejectionOf, withFaultServer } from './fault-server.js';

/** `{ a: { a: ... } }`, `depth` levels deep, built without recursion. */
function deep(depth: number): Record<string, unknown> {
  let value: Record<string, unknown> = {};
  for (let i = 0; i < depth; i++) value = { a: value };
  return value;
}

/** What `build` throws. */
function thrown(build: () => unknown): unknown {
  try {
    build();
  } catch (error) {
    return error;
  }
  assert.unreachable('expected a throw');
  return undefined;
}

test('deep input: 100,000 levels in a builder method are a ValidationError, not a RangeError', () => {
  const nested = deep(100_000);
  const builder = chat().model('gpt-4o');
  const cases: Array<[string, () => unknown]> = [
    ['tool() parameters', () => builder.tool({ name: 'x', parameters: nested }).toJSON()],
    ['messages()', () => builder.messages([{ role: 'user', content: 'Hi', nested } as never]).toJSON()],
    ['user() parts', () => builder.user([{ type: 'text', text: 'Hi', nested } as never]).toJSON()],
    ['extra()', () => builder.extra({ nested }).toJSON()],
  ];
  for (const [name, build] of cases) {
    const error = thrown(build);
    assert.instance(error, ValidationError, `${name}: ${String(error)}`);
    assert.match((error as Error).message, 'nested more than 64 levels deep', name);
  }
});

test('stream: a 200 JSON error body from a gateway is reported with its text, not as an empty stream', async () => {
  await withFaultServer(
    (_request, response) =>
      json(response, { error: { message: 'You exceeded your current quota', type: 'insufficient_quota' } }),
    async (server) => {
      const stream = server.client().chat().model('gpt-4o').user('Hi').stream().send();
      const error = await rejectionOf(stream.final());
      assert.instance(error, APIError);
      assert.is((error as APIError).type, 'insufficient_quota');
      assert.match((error as Error).message, 'You exceeded your current quota');
    },
  );
});

test('stream: a 200 body that is neither an event stream nor an error is an invalid_response with its start', async () => {
  await withFaultServer(
    (_request, response) => {
      response.writeHead(200, { 'content-type': 'text/html' });
      response.end('<html>Gateway says hello</html>');
    },
    async (server) => {
      const error = await rejectionOf(
        server.client().chat().model('gpt-4o').user('Hi').stream().send().final(),
      );
      assert.instance(error, APIError);
      assert.is((error as APIError).type, 'invalid_response');
      assert.match((error as Error).message, '<html>Gateway says hello</html>');
    },
  );
});

test('fanOut: concurrency 64 on one signal raises no MaxListenersExceededWarning', async () => {
  const warnings: string[] = [];
  const onWarning = (warning: Error): void => {
    warnings.push(warning.name);
  };
  process.on('warning', onWarning);
  try {
    await withFaultServer(
      (_request, response) => setTimeout(() => json(response, completion('ok')), 20),
      async (server) => {
        const client = createClient({ baseURL: server.url, apiKey: null });
        const builders = Array.from({ length: 128 }, () => client.chat().model('gpt-4o').user('Hi'));
        const results = await fanOut(builders, { concurrency: 64, signal: new AbortController().signal });
        assert.ok(results.every((result) => result.ok));
      },
    );
    await new Promise((resolve) => setImmediate(resolve));
  } finally {
    process.off('warning', onWarning);
  }
  assert.equal(warnings, []);
});

test.run();
