import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { ClientOptionsError } from '../../src/errors/client-options-error.js';
import { chat, createClient } from '../../src/index.js';
import { replies } from '../../src/testing/index.js';
import { clientOf, expectError, hello, KEY, rejection, withServer } from './support.js';

const envNames = ['OPENAI_API_KEY', 'OPENAI_BASE_URL', 'OPENAI_ORG_ID', 'OPENAI_PROJECT_ID'] as const;

/** Runs with these environment variables (the others of the four unset), then restores them. */
async function withEnv(values: Partial<Record<(typeof envNames)[number], string>>, run: () => Promise<void>) {
  const saved = envNames.map((name) => [name, process.env[name]] as const);
  for (const name of envNames) {
    const value = values[name];
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  try {
    await run();
  } finally {
    for (const [name, value] of saved) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
}

/** Runs as if in a browser page (window and document defined). */
async function inBrowser(run: () => Promise<void>) {
  const scope = globalThis as { window?: unknown; document?: unknown };
  scope.window = globalThis;
  scope.document = {};
  try {
    await run();
  } finally {
    delete scope.window;
    delete scope.document;
  }
}

test('the default chat() reads the environment when it sends', async () => {
  await withServer(
    async (server) => {
      await withEnv(
        {
          OPENAI_API_KEY: KEY,
          OPENAI_BASE_URL: server.url,
          OPENAI_ORG_ID: 'org-env',
          OPENAI_PROJECT_ID: 'proj-env',
        },
        async () => {
          const result = await chat().model('gpt-4o').user('Hi').send();
          assert.is(result.requestId, 'req_fake_1');
          const [request] = server.requests;
          assert.is(request?.headers['openai-organization'], 'org-env');
          assert.is(request?.headers['openai-project'], 'proj-env');
        },
      );
    },
    { apiKey: KEY },
  );
});

test('a change of environment between sends is followed', async () => {
  await withServer(async (first) => {
    await withServer(async (second) => {
      const builder = chat().model('gpt-4o').user('Hi');
      await withEnv({ OPENAI_API_KEY: KEY, OPENAI_BASE_URL: first.url }, () => builder.send().then(() => {}));
      await withEnv({ OPENAI_API_KEY: KEY, OPENAI_BASE_URL: second.url }, () =>
        builder.send().then(() => {}),
      );
      assert.is(first.requests.length, 1);
      assert.is(second.requests.length, 1);
    });
  });
});

test('a missing API key is a ClientOptionsError at send time, and nothing is sent', async () => {
  await withServer(async (server) => {
    await withEnv({ OPENAI_BASE_URL: server.url }, async () => {
      const error = expectError(
        await rejection(chat().model('gpt-4o').user('Hi').send()),
        ClientOptionsError,
      );
      assert.is(error.option, 'apiKey');
      assert.match(error.message, /OPENAI_API_KEY/);
      const stream = chat().model('gpt-4o').user('Hi').stream().send();
      expectError(await rejection(stream.response), ClientOptionsError);
      const client = createClient({ baseURL: server.url });
      expectError(await rejection(hello(client).send()), ClientOptionsError);
      assert.is(server.requests.length, 0);
    });
  });
});

test('explicit options win over the environment; null opts out of an env value', async () => {
  await withServer(
    async (server) => {
      await withEnv(
        { OPENAI_API_KEY: 'sk-env', OPENAI_ORG_ID: 'org-env', OPENAI_BASE_URL: 'http://127.0.0.1:9/v1' },
        async () => {
          await hello(createClient({ baseURL: server.url, apiKey: KEY, organization: null })).send();
          assert.is(server.requests[0]?.headers['openai-organization'], undefined);
        },
      );
    },
    { apiKey: KEY },
  );
});

test('an invalid OPENAI_BASE_URL is named in the error', async () => {
  await withEnv({ OPENAI_API_KEY: KEY, OPENAI_BASE_URL: 'api.example.com' }, async () => {
    const error = expectError(await rejection(chat().model('gpt-4o').user('Hi').send()), ClientOptionsError);
    assert.is(error.option, 'OPENAI_BASE_URL');
  });
});

test('in a browser, an API key is refused unless dangerouslyAllowBrowser is set', async () => {
  await withServer(async (server) => {
    await inBrowser(async () => {
      let error: unknown;
      try {
        createClient({ apiKey: KEY, baseURL: server.url });
      } catch (caught) {
        error = caught;
      }
      assert.is(expectError(error, ClientOptionsError).option, 'dangerouslyAllowBrowser');
      await withEnv({ OPENAI_API_KEY: KEY, OPENAI_BASE_URL: server.url }, async () => {
        expectError(await rejection(chat().model('gpt-4o').user('Hi').send()), ClientOptionsError);
      });
      assert.is(server.requests.length, 0);
      await hello(createClient({ apiKey: KEY, baseURL: server.url, dangerouslyAllowBrowser: true })).send();
      await hello(createClient({ apiKey: null, baseURL: server.url })).send();
      assert.is(server.requests.length, 2);
    });
  });
});

test('bad options are refused by createClient, naming the option', () => {
  const cases: Array<[Parameters<typeof createClient>[0], string]> = [
    [{ timeout: 0 }, 'timeout'],
    [{ timeout: -5 }, 'timeout'],
    [{ timeout: Number.NaN }, 'timeout'],
    [{ timeout: 2 ** 31 }, 'timeout'],
    [{ maxRetries: -1 }, 'maxRetries'],
    [{ maxRetries: 1.5 }, 'maxRetries'],
    [{ retryDelay: { initial: -1 } }, 'retryDelay.initial'],
    [{ retryDelay: { max: Number.POSITIVE_INFINITY } }, 'retryDelay.max'],
    [{ retryDelay: { maxRetryAfter: -1 } }, 'retryDelay.maxRetryAfter'],
    [{ baseURL: 'not a url' }, 'baseURL'],
    [{ baseURL: 'ftp://example.com' }, 'baseURL'],
  ];
  for (const [options, option] of cases) {
    let error: unknown;
    try {
      createClient(options);
    } catch (caught) {
      error = caught;
    }
    assert.is(expectError(error, ClientOptionsError).option, option, JSON.stringify(options));
  }
});

test('bad per-request options reject the send, and nothing is sent', async () => {
  await withServer(async (server) => {
    const client = clientOf(server);
    assert.is(
      expectError(await rejection(hello(client).send({ timeout: -1 })), ClientOptionsError).option,
      'timeout',
    );
    assert.is(
      expectError(await rejection(hello(client).send({ maxRetries: 0.5 })), ClientOptionsError).option,
      'maxRetries',
    );
    assert.is(server.requests.length, 0);
  });
});

test('per-request timeout overrides the client timeout', async () => {
  await withServer(async (server) => {
    server.enqueue(replies.completion('late', { delayMs: 60 }));
    const client = clientOf(server, { timeout: 20, maxRetries: 0 });
    const result = await hello(client).send({ timeout: 5_000 });
    assert.is(result.choices[0]?.message.content, 'late');
  });
});

test("every endpoint goes after the base URL's path, with its query (Azure's api-version)", async () => {
  const urls: string[] = [];
  const client = createClient({
    baseURL: 'http://127.0.0.1:9/openai/deployments/d1//?api-version=2024-10-21',
    apiKey: KEY,
    maxRetries: 0,
    fetch: async (input) => {
      urls.push(String(input));
      return urls.length === 1
        ? new Response(
            JSON.stringify({ id: 'x', object: 'chat.completion', created: 0, model: 'm', choices: [] }),
            {
              headers: { 'content-type': 'application/json' },
            },
          )
        : new Response(JSON.stringify({ id: 'file-1', object: 'file' }), {
            headers: { 'content-type': 'application/json' },
          });
    },
  });
  await hello(client).send();
  await client.files.retrieve('file-1');
  assert.equal(urls, [
    'http://127.0.0.1:9/openai/deployments/d1/chat/completions?api-version=2024-10-21',
    'http://127.0.0.1:9/openai/deployments/d1/files/file-1?api-version=2024-10-21',
  ]);
  // A host alone (its path reads back as "/") gets no doubled slash.
  urls.length = 0;
  const bare = client.withOptions({ baseURL: 'http://127.0.0.1:9' });
  await hello(bare).send();
  await bare.files.retrieve('file-1');
  assert.equal(urls, ['http://127.0.0.1:9/chat/completions', 'http://127.0.0.1:9/files/file-1']);
});

test.run();
