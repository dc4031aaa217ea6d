import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import * as v from 'valibot';
import { submitBatch } from '../../src/batch/index.js';
import { AuthenticationError, fanOut, tool } from '../../src/index.js';
import { completionBody, replies } from '../../src/testing/index.js';
import { clientOf, expectError, KEY, rejection, withServer } from '../client/support.js';
import { assertNoSecrets, endedSpans, isChildOf, names, spanNamed, traced } from './support.js';
import { toolCallReply } from './tool-call-reply.js';

const test = suite('parent spans');
traced(test);

const weather = tool({
  name: 'get_weather',
  parameters: v.object({ city: v.string() }),
  run: ({ city }) => (city === 'Atlantis' ? Promise.reject(new Error('no such city')) : `Sunny in ${city}`),
});

test('run(): an invoke_agent span with a chat span per step and an execute_tool span per tool run', async () => {
  await withServer(async (server) => {
    server.enqueue(
      toolCallReply('call_1', 'get_weather', '{"city":"Paris"}'),
      toolCallReply('call_2', 'get_weather', '{"city":"Atlantis"}'),
      replies.completion('Sunny in Paris; Atlantis is unknown.'),
    );
    const client = clientOf(server, { telemetry: { captureContent: true } });
    const result = await client
      .chat()
      .model('gpt-4o')
      .name('weather-agent')
      .tool(weather)
      .user('Weather?')
      .run();
    assert.is(result.stopReason, 'done');

    const run = spanNamed('invoke_agent weather-agent');
    assert.is(run.attributes['gen_ai.operation.name'], 'invoke_agent');
    assert.is(run.attributes['gen_ai.agent.name'], 'weather-agent');
    assert.is(run.attributes['chatwright.run.steps'], 3);
    assert.is(run.attributes['chatwright.run.stop_reason'], 'done');
    const chats = endedSpans().filter((span) => span.name === 'chat gpt-4o');
    assert.is(chats.length, 3);
    for (const chat of chats) {
      assert.ok(isChildOf(chat, run), 'each step is a child of the run');
      assert.is(chat.attributes['chatwright.preset.name'], 'weather-agent');
    }
    const tools = endedSpans().filter((span) => span.name === 'execute_tool get_weather');
    assert.equal(
      tools.map((span) => [
        span.attributes['gen_ai.tool.call.id'],
        span.attributes['gen_ai.tool.call.arguments'],
        span.attributes['error.type'],
      ]),
      [
        ['call_1', '{"city":"Paris"}', undefined],
        ['call_2', '{"city":"Atlantis"}', 'Error'],
      ],
    );
    assert.is(tools[0]?.attributes['gen_ai.tool.call.result'], 'Sunny in Paris');
    assert.is(tools[0]?.kind, SpanKind.INTERNAL);
    assert.is(tools[1]?.status.code, SpanStatusCode.ERROR);
    for (const span of tools) {
      assert.ok(isChildOf(span, run), 'each tool run is a child of the run');
      assert.is(span.attributes['gen_ai.tool.type'], 'function');
    }
  });
});

test('run() without a name or captureContent: no agent name, no tool arguments or results', async () => {
  await withServer(async (server) => {
    server.enqueue(toolCallReply('call_1', 'get_weather', '{"city":"Paris"}'), replies.completion('Sunny.'));
    await clientOf(server).chat().model('gpt-4o').tool(weather).user('Weather?').run();
    const run = spanNamed('invoke_agent');
    assert.is(run.attributes['gen_ai.agent.name'], undefined);
    const used = spanNamed('execute_tool get_weather');
    assert.is(used.attributes['gen_ai.tool.call.arguments'], undefined);
    assert.is(used.attributes['gen_ai.tool.call.result'], undefined);
  });
});

test('a failed run() ends its span with error.type only: no message that could quote a secret', async () => {
  await withServer(async (server) => {
    server.enqueue(replies.error(401, `Incorrect API key provided: ${KEY}`));
    const error = await rejection(
      clientOf(server).chat().model('gpt-4o').tool(weather).user('Weather?').run(),
    );
    expectError(error, AuthenticationError);
    const run = spanNamed('invoke_agent');
    assert.is(run.attributes['error.type'], 'AuthenticationError');
    assert.equal(run.status, { code: SpanStatusCode.ERROR });
    assert.ok(isChildOf(spanNamed('chat gpt-4o'), run));
    assertNoSecrets([KEY]);
  });
});

test('fanOut(): one span, parent of every request span, with its own retries as events', async () => {
  await withServer(async (server) => {
    server.enqueue(replies.error(429, 'slow down', { headers: { 'retry-after-ms': '5' } }));
    const preset = clientOf(server).chat().model('gpt-4o-mini').name('triage');
    const results = await fanOut(
      ['a', 'b', 'c'].map((q) => preset.user(q)),
      { concurrency: 2 },
    );
    assert.ok(results.every((result) => result.ok));

    const span = spanNamed('chatwright.fan_out');
    assert.equal(
      [
        span.attributes['chatwright.fan_out.total'],
        span.attributes['chatwright.fan_out.succeeded'],
        span.attributes['chatwright.fan_out.failed'],
        span.attributes['chatwright.fan_out.retries'],
      ],
      [3, 3, 0, 1],
    );
    assert.equal(
      span.events.map((event) => [
        event.name,
        event.attributes?.['error.type'],
        event.attributes?.['http.response.status_code'],
      ]),
      [['chatwright.retry', 'RateLimitError', 429]],
    );
    const chats = endedSpans().filter((s) => s.name === 'chat gpt-4o-mini');
    // Three answers and the 429: each attempt of the fan-out is its own request.
    assert.is(chats.length, 4);
    assert.ok(chats.every((chat) => isChildOf(chat, span)));
    assert.is(chats.filter((chat) => chat.attributes['error.type'] === 'RateLimitError').length, 1);
  });
});

test('a batch job: a submit span with its write, upload and create phases; poll and download under it', async () => {
  await withServer(async (server) => {
    const client = clientOf(server);
    const preset = client.chat().model('gpt-4o-mini');
    server.enqueueBatch({
      polls: 1,
      answer: (line) => ({ body: completionBody(`answer ${line.custom_id}`) }),
    });
    const items = ['a', 'b'].map((id) => ({ customId: id, builder: preset.user(id) }));
    const job = await submitBatch(client, items);
    await job.wait({ pollIntervalMs: 1 });
    let results = 0;
    for await (const _result of job.results()) results++;
    assert.is(results, 2);

    const submit = spanNamed('chatwright.batch.submit');
    assert.equal(submit.attributes['chatwright.batch.ids'], [job.parts[0]?.batch.id]);
    assert.is(submit.attributes['chatwright.batch.requests'], 2);
    for (const phase of ['write', 'upload', 'create', 'poll', 'download']) {
      const span = spanNamed(`chatwright.batch.${phase}`);
      assert.ok(isChildOf(span, submit), `${phase} is a child of the job`);
      assert.is(span.status.code, SpanStatusCode.UNSET);
    }
    assert.is(spanNamed('chatwright.batch.write').attributes['chatwright.batch.requests'], 2);
    assert.is(spanNamed('chatwright.batch.create').attributes['chatwright.batch.id'], job.parts[0]?.batch.id);
    assert.is(spanNamed('chatwright.batch.poll').events.length, 2);
    assert.is(spanNamed('chatwright.batch.download').attributes['chatwright.batch.results'], 2);
    assert.ok(names().every((name) => name.startsWith('chatwright.batch.')));
  });
});

test.run();
