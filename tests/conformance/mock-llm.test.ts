import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import * as v from 'valibot';
import { createClient } from '../../src/client/create-client.js';
import { tool } from '../../src/tools/tool.js';
import { freePort, type ServerProcess, startServerProcess } from '../support/server-process.js';

/*
 * chatwright against @dwmkerr/mock-llm, an OpenAI-compatible echo server that we did not write,
 * started on 127.0.0.1 by this test: a completion, a stream and a tool loop. Where it cannot start,
 * the suite says so and skips.
 */

const test = suite<{ server?: ServerProcess; dir?: string }>('mock-llm');

/*
 * mock-llm answers by rules (JMESPath on the request, last match wins): echo the last message, call
 * get_weather when asked about the weather, and answer once the tool's result came back.
 */
const completion = (message: string, finish: string) =>
  `{"id":"chatcmpl-mock","object":"chat.completion","created":1700000000,"model":"{{jmes request body.model}}","choices":[{"index":0,"message":${message},"finish_reason":"${finish}"}]}`;
const config = `
rules:
  - path: "/v1/chat/completions"
    method: "POST"
    match: "@"
    response:
      status: 200
      content: '${completion('{"role":"assistant","content":"{{jmes request body.messages[-1].content}}"}', 'stop')}'
  - path: "/v1/chat/completions"
    method: "POST"
    match: "contains(body.messages[-1].content, 'weather')"
    response:
      status: 200
      content: '${completion('{"role":"assistant","content":null,"tool_calls":[{"id":"call_1","type":"function","function":{"name":"get_weather","arguments":"{\\"city\\":\\"Paris\\"}"}}]}', 'tool_calls')}'
  - path: "/v1/chat/completions"
    method: "POST"
    match: "body.messages[-1].role == 'tool'"
    response:
      status: 200
      content: '${completion('{"role":"assistant","content":"Sunny in {{jmes request body.messages[-1].content}}"}', 'stop')}'
`;

test.before(async (context) => {
  let main: string;
  try {
    main = createRequire(import.meta.url).resolve('@dwmkerr/mock-llm/dist/main.js');
  } catch {
    console.log('skipped: @dwmkerr/mock-llm is not installed (mock-llm end-to-end tests)');
    return;
  }
  context.dir = mkdtempSync(join(tmpdir(), 'chatwright-mock-llm-'));
  writeFileSync(join(context.dir, 'mock-llm.yaml'), config);
  const port = await freePort();
  const server = await startServerProcess({
    command: process.execPath,
    args: [main, '--config', join(context.dir, 'mock-llm.yaml')],
    cwd: context.dir,
    // Loopback only: mock-llm listens on 0.0.0.0 unless told otherwise.
    env: { HOST: '127.0.0.1', PORT: String(port) },
    ready: /server running on 127\.0\.0\.1:\d+/,
    url: `http://127.0.0.1:${port}/v1`,
    timeoutMs: 30_000,
  });
  if (typeof server === 'string') console.log(`skipped: mock-llm ${server} (mock-llm end-to-end tests)`);
  else context.server = server;
});

test.after(async (context) => {
  await context.server?.stop();
  if (context.dir !== undefined) rmSync(context.dir, { recursive: true, force: true });
});

const clientFor = (server: ServerProcess) =>
  createClient({ baseURL: server.url, apiKey: 'sk-mock', maxRetries: 0 });

test('send(): a completion comes back', async ({ server }) => {
  if (server === undefined) return;
  const reply = await clientFor(server).chat().model('gpt-4o').user('Hello from chatwright').send();
  assert.is(reply.choices[0]?.message.content, 'Hello from chatwright');
  assert.is(reply.model, 'gpt-4o');
});

test('a stream is read to the end', async ({ server }) => {
  if (server === undefined) return;
  const stream = clientFor(server).chat().model('gpt-4o').user('Streamed through mock-llm').stream().send();
  let text = '';
  for await (const chunk of stream) text += chunk.choices[0]?.delta?.content ?? '';
  assert.is(text, 'Streamed through mock-llm');
  const final = await stream.final();
  assert.is(final.choices[0]?.message.content, 'Streamed through mock-llm');
});

test('run(): a tool loop calls the tool and sends its result back', async ({ server }) => {
  if (server === undefined) return;
  const calls: string[] = [];
  const getWeather = tool({
    name: 'get_weather',
    parameters: v.object({ city: v.string() }),
    run: ({ city }) => {
      calls.push(city);
      return city;
    },
  });
  const result = await clientFor(server)
    .chat()
    .model('gpt-4o')
    .tool(getWeather)
    .user('What is the weather in Paris?')
    .run();
  assert.equal(calls, ['Paris']);
  assert.is(result.completion.choices[0]?.message.content, 'Sunny in Paris');
  assert.is(result.steps.length, 2);
});

test.run();
