import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { ChatStream } from '../../src/stream/chat-stream.js';
import type { ChatCompletion } from '../../src/wire/response.js';
import { corpusMissing, sharedDir } from '../support/shared-corpus.js';
import { responseOf, sourceOf, splitBytes, sseOf, streamOf } from './support.js';

// Expected values below were read by hand from the fixture files, not computed.

async function finalOf(file: string): Promise<ChatCompletion> {
  const raw = readFileSync(join(sharedDir as string, 'fixtures', file));
  const bytes = file.endsWith('.jsonl')
    ? new TextEncoder().encode(
        sseOf(
          raw
            .toString('utf8')
            .split('\n')
            .filter((line) => line.trim() !== '')
            .map((line) => JSON.parse(line)),
        ),
      )
    : raw;
  return new ChatStream(sourceOf(responseOf(splitBytes(bytes, [61, 3])))).final();
}

const skip = corpusMissing('fixtures replay');

test('parallel tool calls: merged by index, arguments concatenated, usage from the last chunk', async () => {
  if (skip) return;
  const completion = await finalOf('openai-python/stream_parse_multiple_pydantic_tools.sse');
  assert.equal(completion, {
    id: 'chatcmpl-ABfwAwrNePHUgBBezonVC6MX3zd63',
    object: 'chat.completion',
    created: 1727346178,
    model: 'gpt-4o-2024-08-06',
    choices: [
      {
        index: 0,
        message: {
          role: 'assistant',
          content: null,
          refusal: null,
          tool_calls: [
            {
              id: 'call_JMW1whyEaYG438VE1OIflxA2',
              type: 'function',
              function: {
                name: 'GetWeatherArgs',
                arguments: '{"city": "Edinburgh", "country": "GB", "units": "c"}',
              },
            },
            {
              id: 'call_DNYTawLBoN8fj3KN6qU9N1Ou',
              type: 'function',
              function: { name: 'get_stock_price', arguments: '{"ticker": "AAPL", "exchange": "NASDAQ"}' },
            },
          ],
        },
        finish_reason: 'tool_calls',
        logprobs: null,
      },
    ],
    usage: {
      prompt_tokens: 149,
      completion_tokens: 60,
      total_tokens: 209,
      completion_tokens_details: { reasoning_tokens: 0 },
    },
    system_fingerprint: 'fp_5050236cbd',
  });
});

test('n = 3: each choice keeps its own content', async () => {
  if (skip) return;
  const completion = await finalOf('openai-python/stream_parse_pydantic_model_multiple_choices.sse');
  assert.equal(
    completion.choices.map((choice) => [choice.index, choice.message.content, choice.finish_reason]),
    [
      [0, '{"city":"San Francisco","temperature":65,"units":"f"}', 'stop'],
      [1, '{"city":"San Francisco","temperature":61,"units":"f"}', 'stop'],
      [2, '{"city":"San Francisco","temperature":59,"units":"f"}', 'stop'],
    ],
  );
  assert.equal(completion.usage, {
    prompt_tokens: 79,
    completion_tokens: 42,
    total_tokens: 121,
    completion_tokens_details: { reasoning_tokens: 0 },
  });
});

test('refusal text and refusal logprobs are concatenated', async () => {
  if (skip) return;
  const completion = await finalOf('openai-python/stream_refusal_logprobs_events.sse');
  const choice = completion.choices[0];
  assert.is(choice?.message.content, null);
  assert.is(choice?.message.refusal, "I'm very sorry, but I can't assist with that.");
  assert.is(choice?.logprobs?.content, null);
  assert.equal(
    choice?.logprobs?.refusal?.map((token) => token.token),
    ["I'm", ' very', ' sorry', ',', ' but', ' I', " can't", ' assist', ' with', ' that', '.'],
  );
  assert.is(choice?.finish_reason, 'stop');
});

test('Azure: empty first chunk, prompt filter results, a choice without delta', async () => {
  if (skip) return;
  const completion = await finalOf('dd-trace-py/azure_chat_completion_streamed.sse');
  assert.is(completion.id, 'chatcmpl-BuBnK8LTKUtp70pLip5ZGv7HUzYPj');
  assert.is(completion.model, 'gpt-4o-mini-2024-07-18');
  assert.is(completion.created, 1752731406);
  assert.is(completion.system_fingerprint, 'fp_efad92c60b');
  assert.is(completion.usage, undefined);
  assert.is(
    completion.choices[0]?.message.content,
    "I'm unable to provide real-time weather updates. To find the current weather in New York City, " +
      'I recommend checking a reliable weather website or app for the most accurate and up-to-date information.',
  );
  assert.is(completion.choices[0]?.finish_reason, 'stop');
  assert.equal(completion.choices[0]?.content_filter_results, {
    hate: { filtered: false, severity: 'safe' },
    self_harm: { filtered: false, severity: 'safe' },
    sexual: { filtered: false, severity: 'safe' },
    violence: { filtered: false, severity: 'safe' },
  });
  assert.equal(completion.prompt_filter_results, [
    {
      prompt_index: 0,
      content_filter_results: {
        hate: { filtered: false, severity: 'safe' },
        jailbreak: { filtered: false, detected: false },
        self_harm: { filtered: false, severity: 'safe' },
        sexual: { filtered: false, severity: 'safe' },
        violence: { filtered: false, severity: 'safe' },
      },
    },
  ]);
});

test('a compatible server repeating type and an empty name on later deltas keeps the first name', async () => {
  if (skip) return;
  const completion = await finalOf('compat/vercel-ai_mistral-incremental-tool-call.chunks.jsonl');
  assert.equal(completion.choices[0]?.message, {
    role: 'assistant',
    content: '',
    refusal: null,
    tool_calls: [
      {
        id: 'chatcmpl-tool-9f149c74c42f265b',
        type: 'function',
        function: { name: 'webSearchTool', arguments: '{"query": "current Berlin weather"}' },
      },
    ],
  });
  assert.equal(completion.usage, {
    prompt_tokens: 171,
    total_tokens: 185,
    completion_tokens: 14,
    prompt_tokens_details: { cached_tokens: 128 },
  });
});

// Synthetic streams for what the corpus lacks: legacy function_call, custom tools and audio.

const base = { id: 'chatcmpl-x', object: 'chat.completion.chunk', created: 1, model: 'gpt-4o' };

test('a legacy function_call is merged like a tool call', async () => {
  const { stream } = streamOf(
    sseOf([
      {
        ...base,
        choices: [
          {
            index: 0,
            delta: {
              role: 'assistant',
              content: null,
              function_call: { name: 'get_weather', arguments: '' },
            },
            finish_reason: null,
          },
        ],
      },
      {
        ...base,
        choices: [{ index: 0, delta: { function_call: { arguments: '{"city":' } }, finish_reason: null }],
      },
      {
        ...base,
        choices: [{ index: 0, delta: { function_call: { arguments: '"Paris"}' } }, finish_reason: null }],
      },
      { ...base, choices: [{ index: 0, delta: {}, finish_reason: 'function_call' }] },
    ]),
  );
  const completion = await stream.final();
  assert.equal(completion.choices[0]?.message.function_call, {
    name: 'get_weather',
    arguments: '{"city":"Paris"}',
  });
  assert.is(completion.choices[0]?.finish_reason, 'function_call');
});

test('custom tool input and audio pieces are concatenated', async () => {
  const { stream } = streamOf(
    sseOf([
      {
        ...base,
        choices: [
          {
            index: 0,
            delta: {
              tool_calls: [
                { index: 0, id: 'call_c', type: 'custom', custom: { name: 'sql', input: 'SELECT ' } },
              ],
            },
            finish_reason: null,
          },
        ],
      },
      {
        ...base,
        choices: [
          { index: 0, delta: { tool_calls: [{ index: 0, custom: { input: '1' } }] }, finish_reason: null },
        ],
      },
      {
        ...base,
        choices: [
          {
            index: 1,
            delta: { audio: { id: 'audio_1', data: 'AAA', transcript: 'Hel' } },
            finish_reason: null,
          },
        ],
      },
      {
        ...base,
        choices: [
          {
            index: 1,
            delta: { audio: { data: 'BBB', transcript: 'lo', expires_at: 99 } },
            finish_reason: 'stop',
          },
        ],
      },
    ]),
  );
  const completion = await stream.final();
  assert.equal(completion.choices[0]?.message.tool_calls, [
    { id: 'call_c', type: 'custom', custom: { name: 'sql', input: 'SELECT 1' } },
  ]);
  assert.equal(completion.choices[1]?.message.audio, {
    id: 'audio_1',
    expires_at: 99,
    data: 'AAABBB',
    transcript: 'Hello',
  });
});

test('final() does not change the chunks handed out (logprobs arrays are copied, not extended)', async () => {
  const token = (text: string) => ({ token: text, logprob: -1, bytes: null, top_logprobs: [] });
  const chunks = [
    {
      ...base,
      choices: [
        {
          index: 0,
          delta: { content: 'a' },
          logprobs: { content: [token('a')], refusal: null },
          finish_reason: null,
        },
      ],
    },
    {
      ...base,
      choices: [
        {
          index: 0,
          delta: { content: 'b' },
          logprobs: { content: [token('b')], refusal: null },
          finish_reason: 'stop',
        },
      ],
    },
  ];
  const { stream } = streamOf(sseOf(chunks));
  const seen = [];
  for await (const chunk of stream) seen.push(chunk);
  const completion = await stream.final();
  assert.equal(completion.choices[0]?.logprobs, { content: [token('a'), token('b')], refusal: null });
  assert.equal(seen, chunks);
});

test('tool calls without index (Gemini): a new id opens the next call, a delta without id continues the last', async () => {
  const call = (part: Record<string, unknown>) => ({
    ...base,
    choices: [{ index: 0, delta: { tool_calls: [part] }, finish_reason: null }],
  });
  const { stream } = streamOf(
    sseOf([
      call({ id: 'call_a', type: 'function', function: { name: 'weather', arguments: '{"city":' } }),
      call({ function: { arguments: '"Paris"}' } }),
      call({ id: 'call_b', type: 'function', function: { name: 'time', arguments: '{"tz":"CET"}' } }),
      call({ id: 'call_b', function: { arguments: '' } }),
      // A known id goes back to its call (looked up by id, whatever the number of calls so far).
      call({ id: 'call_a', function: { arguments: ' ' } }),
      {
        ...base,
        choices: [
          {
            index: 0,
            delta: {
              tool_calls: [
                { id: 'call_c', type: 'function', function: { name: 'news', arguments: '{}' } },
                { id: 'call_d', type: 'function', function: { name: 'stocks', arguments: '{}' } },
              ],
            },
            finish_reason: 'tool_calls',
          },
        ],
      },
    ]),
  );
  const completion = await stream.final();
  assert.equal(completion.choices[0]?.message.tool_calls, [
    { id: 'call_a', type: 'function', function: { name: 'weather', arguments: '{"city":"Paris"} ' } },
    { id: 'call_b', type: 'function', function: { name: 'time', arguments: '{"tz":"CET"}' } },
    { id: 'call_c', type: 'function', function: { name: 'news', arguments: '{}' } },
    { id: 'call_d', type: 'function', function: { name: 'stocks', arguments: '{}' } },
  ]);
});

test('choice indexes that are negative, fractional or huge are kept, in ascending order, at once', async () => {
  const choice = (index: number, content: string) => ({
    ...base,
    choices: [{ index, delta: { content }, finish_reason: 'stop' }],
  });
  const { stream } = streamOf(
    sseOf([choice(50_000_000, 'huge'), choice(-1, 'negative'), choice(0.5, 'half'), choice(0, 'zero')]),
  );
  const completion = await stream.final();
  assert.equal(
    completion.choices.map((c) => [c.index, c.message.content]),
    [
      [-1, 'negative'],
      [0, 'zero'],
      [0.5, 'half'],
      [50_000_000, 'huge'],
    ],
  );
});

test('a huge tool call index makes one call, not a sparse array', async () => {
  const { stream } = streamOf(
    sseOf([
      {
        ...base,
        choices: [
          {
            index: 0,
            delta: {
              tool_calls: [
                {
                  index: 50_000_000,
                  id: 'call_z',
                  type: 'function',
                  function: { name: 'f', arguments: '{}' },
                },
              ],
            },
            finish_reason: 'tool_calls',
          },
        ],
      },
    ]),
  );
  const completion = await stream.final();
  assert.equal(completion.choices[0]?.message.tool_calls, [
    { id: 'call_z', type: 'function', function: { name: 'f', arguments: '{}' } },
  ]);
});

test.run();
