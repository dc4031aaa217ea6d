import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { audioPart, chat, filePart, imagePart, textPart } from '../../src/index.js';
import { expectWire } from '../support/wire.js';

// A model outside the catalog accepts every parameter, so this file tests how each method writes the
// wire body apart from the model rules (tests/models/ and tests/types/models.types.ts cover those).
const base = chat().model('acme-chat-1').user('Hi');
const baseWire = { model: 'acme-chat-1', messages: [{ role: 'user', content: 'Hi' }] };

test('model and a user message make the smallest request', () => {
  expectWire(base, baseWire);
});

test('every scalar field writes its snake_case wire field', () => {
  const cases: Array<
    [
      string,
      (b: typeof base) => { toJSON(): unknown; validate(): { success: boolean } },
      Record<string, unknown>,
    ]
  > = [
    ['temperature', (b) => b.temperature(0.2), { temperature: 0.2 }],
    ['topP', (b) => b.topP(0.9), { top_p: 0.9 }],
    ['frequencyPenalty', (b) => b.frequencyPenalty(-1.5), { frequency_penalty: -1.5 }],
    ['presencePenalty', (b) => b.presencePenalty(2), { presence_penalty: 2 }],
    ['logitBias', (b) => b.logitBias({ '50256': -100, '11': 5 }), { logit_bias: { '50256': -100, '11': 5 } }],
    ['seed', (b) => b.seed(42), { seed: 42 }],
    ['n', (b) => b.n(3), { n: 3 }],
    ['stop (one)', (b) => b.stop('END'), { stop: 'END' }],
    ['stop (many)', (b) => b.stop(['\n\n', 'END']), { stop: ['\n\n', 'END'] }],
    ['logprobs', (b) => b.logprobs(), { logprobs: true }],
    ['logprobs(false)', (b) => b.logprobs(false), { logprobs: false }],
    ['topLogprobs', (b) => b.logprobs().topLogprobs(5), { logprobs: true, top_logprobs: 5 }],
    ['maxCompletionTokens', (b) => b.maxCompletionTokens(1024), { max_completion_tokens: 1024 }],
    ['maxTokens', (b) => b.maxTokens(256), { max_tokens: 256 }],
    ['verbosity', (b) => b.verbosity('low'), { verbosity: 'low' }],
    ['reasoningEffort', (b) => b.reasoningEffort('high'), { reasoning_effort: 'high' }],
    ['store', (b) => b.store(), { store: true }],
    ['store(false)', (b) => b.store(false), { store: false }],
    ['metadata', (b) => b.metadata({ team: 'billing' }), { metadata: { team: 'billing' } }],
    ['serviceTier', (b) => b.serviceTier('flex'), { service_tier: 'flex' }],
    ['promptCacheKey', (b) => b.promptCacheKey('support-v2'), { prompt_cache_key: 'support-v2' }],
    ['promptCacheRetention', (b) => b.promptCacheRetention('24h'), { prompt_cache_retention: '24h' }],
    [
      'promptCacheOptions',
      (b) => b.promptCacheOptions({ mode: 'explicit', ttl: '30m' }),
      { prompt_cache_options: { mode: 'explicit', ttl: '30m' } },
    ],
    ['safetyIdentifier', (b) => b.safetyIdentifier('user-7f3a'), { safety_identifier: 'user-7f3a' }],
    ['endUserId (deprecated user field)', (b) => b.endUserId('user-42'), { user: 'user-42' }],
    [
      'moderation',
      (b) => b.moderation({ model: 'omni-moderation-latest' }),
      { moderation: { model: 'omni-moderation-latest' } },
    ],
    ['stream', (b) => b.stream(), { stream: true }],
    ['stream(false)', (b) => b.stream(false), { stream: false }],
    [
      'streamOptions',
      (b) => b.stream().streamOptions({ include_usage: true }),
      { stream: true, stream_options: { include_usage: true } },
    ],
    ['webSearch()', (b) => b.webSearch(), { web_search_options: {} }],
    [
      'webSearch(options)',
      (b) =>
        b.webSearch({
          search_context_size: 'low',
          user_location: { type: 'approximate', approximate: { city: 'Paris', country: 'FR' } },
        }),
      {
        web_search_options: {
          search_context_size: 'low',
          user_location: { type: 'approximate', approximate: { city: 'Paris', country: 'FR' } },
        },
      },
    ],
    [
      'prediction (string)',
      (b) => b.prediction('const x = 1;'),
      { prediction: { type: 'content', content: 'const x = 1;' } },
    ],
    [
      'prediction (parts)',
      (b) => b.prediction([textPart('const x = 1;')]),
      { prediction: { type: 'content', content: [{ type: 'text', text: 'const x = 1;' }] } },
    ],
    ['jsonObject', (b) => b.jsonObject(), { response_format: { type: 'json_object' } }],
    ['textFormat', (b) => b.textFormat(), { response_format: { type: 'text' } }],
    [
      'responseFormat',
      (b) => b.responseFormat({ type: 'json_object' }),
      { response_format: { type: 'json_object' } },
    ],
    [
      'modalities + audio',
      (b) => b.modalities(['text', 'audio']).audio({ voice: 'alloy', format: 'wav' }),
      { modalities: ['text', 'audio'], audio: { voice: 'alloy', format: 'wav' } },
    ],
  ];
  for (const [name, build, fields] of cases) {
    try {
      expectWire(build(base), { ...baseWire, ...fields });
    } catch (error) {
      throw new Error(`${name}: ${(error as Error).message}`);
    }
  }
});

test('jsonSchema() writes a strict json_schema response format by default', () => {
  const schema = {
    type: 'object',
    properties: { city: { type: 'string' } },
    required: ['city'],
    additionalProperties: false,
  };
  expectWire(base.jsonSchema(schema, { name: 'place', description: 'A place' }), {
    ...baseWire,
    response_format: {
      type: 'json_schema',
      json_schema: { name: 'place', schema, strict: true, description: 'A place' },
    },
  });
  expectWire(base.jsonSchema(schema, { name: 'place', strict: false }), {
    ...baseWire,
    response_format: { type: 'json_schema', json_schema: { name: 'place', schema, strict: false } },
  });
});

test('messages of every role, in order', () => {
  const builder = chat()
    .model('gpt-4o')
    .system('You are terse.', { name: 'policy' })
    .developer('Answer in French.')
    .user('Hi', { name: 'ana' })
    .assistant('Bonjour.')
    .assistant({
      content: null,
      tool_calls: [
        { id: 'call_1', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Paris"}' } },
      ],
    })
    .toolResult('call_1', '{"celsius":21}')
    .messages([{ role: 'user', content: 'Merci' }]);
  expectWire(builder, {
    model: 'gpt-4o',
    messages: [
      { role: 'system', content: 'You are terse.', name: 'policy' },
      { role: 'developer', content: 'Answer in French.' },
      { role: 'user', content: 'Hi', name: 'ana' },
      { role: 'assistant', content: 'Bonjour.' },
      {
        content: null,
        tool_calls: [
          {
            id: 'call_1',
            type: 'function',
            function: { name: 'get_weather', arguments: '{"city":"Paris"}' },
          },
        ],
        role: 'assistant',
      },
      { role: 'tool', content: '{"celsius":21}', tool_call_id: 'call_1' },
      { role: 'user', content: 'Merci' },
    ],
  });
});

test('user() takes content parts of every kind', () => {
  const builder = chat()
    .model('gpt-4o')
    .user([
      textPart('Compare these'),
      imagePart('https://example.com/a.png', { detail: 'low' }),
      imagePart('https://example.com/b.png'),
      audioPart('UklGRg==', 'wav'),
      filePart({ fileId: 'file-abc123' }),
      filePart({ fileData: 'data:application/pdf;base64,JVBERi0=', filename: 'invoice.pdf' }),
    ]);
  expectWire(builder, {
    model: 'gpt-4o',
    messages: [
      {
        role: 'user',
        content: [
          { type: 'text', text: 'Compare these' },
          { type: 'image_url', image_url: { url: 'https://example.com/a.png', detail: 'low' } },
          { type: 'image_url', image_url: { url: 'https://example.com/b.png' } },
          { type: 'input_audio', input_audio: { data: 'UklGRg==', format: 'wav' } },
          { type: 'file', file: { file_id: 'file-abc123' } },
          {
            type: 'file',
            file: { file_data: 'data:application/pdf;base64,JVBERi0=', filename: 'invoice.pdf' },
          },
        ],
      },
    ],
  });
});

test('system and tool messages take text parts', () => {
  expectWire(
    chat()
      .model('gpt-4o')
      .system([textPart('Be brief.')])
      .user('Hi'),
    {
      model: 'gpt-4o',
      messages: [
        { role: 'system', content: [{ type: 'text', text: 'Be brief.' }] },
        { role: 'user', content: 'Hi' },
      ],
    },
  );
});

test('tools: function tools from JSON Schema, custom tools, and tool_choice by name or object', () => {
  const parameters = {
    type: 'object',
    properties: { city: { type: 'string' } },
    required: ['city'],
    additionalProperties: false,
  };
  const builder = base
    .tool({ name: 'get_weather', description: 'Weather now', parameters, strict: true })
    .tool({ name: 'get_time' })
    .customTool({
      name: 'run_sql',
      description: 'Runs SQL',
      format: { type: 'grammar', grammar: { syntax: 'lark', definition: 'start: "SELECT"' } },
    });
  const tools = [
    {
      type: 'function',
      function: { name: 'get_weather', description: 'Weather now', parameters, strict: true },
    },
    { type: 'function', function: { name: 'get_time' } },
    {
      type: 'custom',
      custom: {
        name: 'run_sql',
        description: 'Runs SQL',
        format: { type: 'grammar', grammar: { syntax: 'lark', definition: 'start: "SELECT"' } },
      },
    },
  ];
  expectWire(builder, { ...baseWire, tools });
  expectWire(builder.toolChoice('get_weather'), {
    ...baseWire,
    tools,
    tool_choice: { type: 'function', function: { name: 'get_weather' } },
  });
  expectWire(builder.toolChoice('run_sql'), {
    ...baseWire,
    tools,
    tool_choice: { type: 'custom', custom: { name: 'run_sql' } },
  });
  expectWire(builder.toolChoice('required'), { ...baseWire, tools, tool_choice: 'required' });
  expectWire(builder.toolChoice({ type: 'function', function: { name: 'get_time' } }), {
    ...baseWire,
    tools,
    tool_choice: { type: 'function', function: { name: 'get_time' } },
  });
  expectWire(builder.parallelToolCalls(), { ...baseWire, tools, parallel_tool_calls: true });
  expectWire(builder.parallelToolCalls(false), { ...baseWire, tools, parallel_tool_calls: false });
});

test('deprecated functions, function_call and function results', () => {
  const builder = base
    .functions([{ name: 'lookup', parameters: { type: 'object', properties: {} } }])
    .functions([{ name: 'cancel' }]);
  const functions = [{ name: 'lookup', parameters: { type: 'object', properties: {} } }, { name: 'cancel' }];
  expectWire(builder.functionCall('lookup'), { ...baseWire, functions, function_call: { name: 'lookup' } });
  expectWire(builder.functionCall('auto'), { ...baseWire, functions, function_call: 'auto' });
  expectWire(builder.functionCall({ name: 'cancel' }).functionResult('cancel', 'done'), {
    model: 'acme-chat-1',
    messages: [...baseWire.messages, { role: 'function', content: 'done', name: 'cancel' }],
    functions,
    function_call: { name: 'cancel' },
  });
});

test('extra() adds provider fields beside the known ones', () => {
  const builder = base.extra({ keep_alive: '5m' }).extra({ options: { num_ctx: 4096 } });
  assert.equal(builder.toJSON(), { keep_alive: '5m', options: { num_ctx: 4096 }, ...baseWire });
  assert.ok(builder.validate().success);
});

test('setting a field again replaces it', () => {
  expectWire(base.temperature(1).temperature(0.5), { ...baseWire, temperature: 0.5 });
});

test.run();
