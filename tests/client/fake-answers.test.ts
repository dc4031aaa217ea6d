// The fake server's scripted answers beyond text: tool calls (sent and streamed), structured output
// and refusals, checked through the client (run(), streams, parsed output) and against the official
// response schemas.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import * as v from 'valibot';
import { tool } from '../../src/index.js';
import { answerBody, answerChunks, type FakeAnswer, replies } from '../../src/testing/index.js';
import { officialSchema } from '../support/conformance.js';
import { clientOf, withServer } from './support.js';

const weather = tool({
  name: 'get_weather',
  description: 'The weather in a city',
  parameters: v.object({ city: v.string() }),
  run: ({ city }) => `sunny in ${city}`,
});
const forecast = v.object({ city: v.string(), celsius: v.number() });

test('run() answers scripted tool calls and sends the results back; the loop ends on the text', async () => {
  await withServer(async (server) => {
    server.enqueue(
      replies.toolCalls([
        { name: 'get_weather', arguments: { city: 'Paris' } },
        { name: 'get_weather', arguments: { city: 'Oslo' }, id: 'call_oslo' },
      ]),
      replies.completion('Sunny in both.'),
    );
    const result = await clientOf(server).chat().model('gpt-4o').user('Weather?').tool(weather).run();
    assert.is(result.stopReason, 'done');
    assert.is(result.completion.choices[0]?.message.content, 'Sunny in both.');
    const second = server.requests[1]?.body as { messages: unknown[] };
    assert.equal(second.messages.slice(1), [
      {
        role: 'assistant',
        content: null,
        tool_calls: [
          {
            id: 'call_fake_1',
            type: 'function',
            function: { name: 'get_weather', arguments: '{"city":"Paris"}' },
          },
          {
            id: 'call_oslo',
            type: 'function',
            function: { name: 'get_weather', arguments: '{"city":"Oslo"}' },
          },
        ],
      },
      { role: 'tool', tool_call_id: 'call_fake_1', content: 'sunny in Paris' },
      { role: 'tool', tool_call_id: 'call_oslo', content: 'sunny in Oslo' },
    ]);
    assert.is(server.pending, 0);
  });
});

test('streamed tool calls assemble into the same message as sent ones, and drive a streamed run()', async () => {
  await withServer(async (server) => {
    const calls = [{ name: 'get_weather', arguments: { city: 'a city with a long name' } }];
    server.enqueue(replies.toolCalls(calls), replies.toolCalls(calls));
    const request = clientOf(server).chat().model('gpt-4o').user('Weather?').tool(weather);
    const sent = await request.send();
    const final = await request.stream().send().final();
    assert.equal(final.choices[0]?.message.tool_calls, sent.choices[0]?.message.tool_calls);
    assert.is(final.choices[0]?.finish_reason, 'tool_calls');
    const argumentChunks = answerChunks({ toolCalls: calls }).filter(
      (chunk) => chunk.choices[0]?.delta?.tool_calls?.[0]?.function?.arguments,
    );
    assert.ok(argumentChunks.length > 3, 'the arguments arrive in several pieces');

    server.enqueue(replies.toolCalls(calls), replies.completion('Sunny.'));
    const result = await request.stream().run();
    assert.is(result.completion.choices[0]?.message.content, 'Sunny.');
    assert.is(result.steps.length, 2);
  });
});

test('a structured answer is parsed, sent or streamed (with partial values on the way)', async () => {
  await withServer(async (server) => {
    const value = { city: 'Paris', celsius: 21.5 };
    const request = clientOf(server)
      .chat()
      .model('gpt-4o')
      .user('Forecast?')
      .jsonSchema(forecast, { name: 'forecast' });
    server.enqueue(replies.structured(value), replies.structured(value));
    const reply = await request.send();
    assert.equal(reply.choices[0]?.message.parsed, value);
    assert.is(reply.choices[0]?.message.content, JSON.stringify(value));
    const stream = request.stream().send();
    const partials: unknown[] = [];
    for await (const partial of stream.partials()) partials.push(partial);
    assert.ok(partials.length > 2, 'several partial values');
    assert.equal(partials.at(-1), value);
    assert.equal((await stream.final()).choices[0]?.message.parsed, value);
  });
});

test('a refusal has no content and no parsed value, sent or streamed', async () => {
  await withServer(async (server) => {
    const request = clientOf(server)
      .chat()
      .model('gpt-4o')
      .user('Forecast?')
      .jsonSchema(forecast, { name: 'forecast' });
    server.enqueue(replies.refusal('I cannot help with that.'), replies.refusal('I cannot help with that.'));
    for (const message of [
      (await request.send()).choices[0]?.message,
      (await request.stream().send().final()).choices[0]?.message,
    ]) {
      assert.is(message?.refusal, 'I cannot help with that.');
      assert.is(message?.content, null);
      assert.is(message?.parsed, null);
    }
  });
});

test('every scripted answer, sent and streamed, matches the official response schemas', () => {
  const completion = officialSchema('CreateChatCompletionResponse');
  const chunk = officialSchema('CreateChatCompletionStreamResponse');
  if (completion === undefined || chunk === undefined) return; // the corpus skip line is printed
  const answers: FakeAnswer[] = [
    { content: 'Hello there' },
    { json: { a: [1, 2], b: 'c' } },
    {
      toolCalls: [
        { name: 'f', arguments: { x: 1 } },
        { name: 'g', arguments: 'not json', id: 'call_g' },
      ],
    },
    { refusal: 'No.' },
  ];
  for (const answer of answers) {
    const body = answerBody(answer);
    assert.ok(completion(body), `${JSON.stringify(answer)}: ${JSON.stringify(completion.errors)}`);
    for (const event of answerChunks(answer, { includeUsage: true }))
      assert.ok(chunk(event), `${JSON.stringify(event)}: ${JSON.stringify(chunk.errors)}`);
  }
});

test.run();
