import type { ChatCompletionRequest } from '../../src/wire/request.js';

/** The smallest complete request; other bodies add to it. */
export const minimal: ChatCompletionRequest = {
  model: 'gpt-4o',
  messages: [{ role: 'user', content: 'Hi' }],
};

const weather = {
  type: 'function',
  function: {
    name: 'get_weather',
    description: 'Current weather in a city',
    parameters: {
      type: 'object',
      properties: { city: { type: 'string' } },
      required: ['city'],
      additionalProperties: false,
    },
    strict: true,
  },
} as const;

const sql = {
  type: 'custom',
  custom: {
    name: 'run_sql',
    description: 'Runs one SQL query',
    format: { type: 'grammar', grammar: { syntax: 'lark', definition: 'start: "SELECT" /.+/' } },
  },
} as const;

/**
 * Valid request bodies, together covering every field and every shape of the wire types. Each must
 * pass both our `validateRequest` and OpenAI's official JSON Schema.
 */
export const validBodies: ReadonlyArray<readonly [string, ChatCompletionRequest]> = [
  ['minimal', minimal],
  [
    'every message role and content shape',
    {
      model: 'gpt-4o',
      messages: [
        { role: 'developer', content: 'Be terse.', name: 'policy' },
        { role: 'system', content: [{ type: 'text', text: 'You are helpful.' }], name: 'setup' },
        {
          role: 'user',
          name: 'ada',
          content: [
            { type: 'text', text: 'What is in these?', prompt_cache_breakpoint: { mode: 'explicit' } },
            { type: 'image_url', image_url: { url: 'https://example.com/cat.png', detail: 'low' } },
            { type: 'image_url', image_url: { url: 'data:image/png;base64,iVBORw0KGgo=' } },
            { type: 'input_audio', input_audio: { data: 'UklGRg==', format: 'wav' } },
            { type: 'file', file: { file_id: 'file-abc123' } },
            { type: 'file', file: { file_data: 'data:application/pdf;base64,JVBERi0=', filename: 'a.pdf' } },
          ],
        },
        {
          role: 'assistant',
          content: null,
          tool_calls: [
            {
              id: 'call_1',
              type: 'function',
              function: { name: 'get_weather', arguments: '{"city":"Paris"}' },
            },
            { id: 'call_2', type: 'custom', custom: { name: 'run_sql', input: 'SELECT 1' } },
          ],
        },
        { role: 'tool', tool_call_id: 'call_1', content: '{"temp":21}' },
        { role: 'tool', tool_call_id: 'call_2', content: [{ type: 'text', text: '1' }] },
        { role: 'assistant', content: [{ type: 'text', text: 'It is 21 C.' }], name: 'bot', refusal: null },
        { role: 'assistant', content: [{ type: 'refusal', refusal: 'I cannot help with that.' }] },
        { role: 'assistant', content: 'Sure.', audio: { id: 'audio_1' } },
        // A previous audio answer referred to by id alone, and a refusal without content.
        { role: 'assistant', audio: { id: 'audio_2' } },
        { role: 'assistant', content: null, refusal: 'I cannot help with that.' },
        { role: 'assistant', content: null, function_call: { name: 'lookup', arguments: '{}' } },
        { role: 'function', name: 'lookup', content: null },
        { role: 'function', name: 'lookup', content: '42' },
      ],
      tools: [weather, sql],
    },
  ],
  [
    'sampling at its bounds',
    {
      ...minimal,
      temperature: 2,
      top_p: 0,
      frequency_penalty: -2,
      presence_penalty: 2,
      seed: -42,
      stop: ['\n\n', 'END', '###', 'STOP'],
      logit_bias: { '50256': -100, '0': 100, '1234': 0 },
      logprobs: true,
      top_logprobs: 20,
      n: 128,
    },
  ],
  [
    'sampling at the other bounds',
    {
      ...minimal,
      temperature: 0,
      top_p: 1,
      frequency_penalty: 2,
      presence_penalty: -2,
      stop: 'END',
      logprobs: true,
      top_logprobs: 0,
      n: 1,
    },
  ],
  [
    // null is "not set" wherever the official schema takes it (docs/reference-differences.md)
    'nulls where the wire allows them',
    {
      ...minimal,
      audio: null,
      frequency_penalty: null,
      logit_bias: null,
      logprobs: null,
      max_completion_tokens: null,
      max_tokens: null,
      metadata: null,
      modalities: null,
      moderation: null,
      n: null,
      prediction: null,
      presence_penalty: null,
      prompt_cache_key: null,
      prompt_cache_retention: null,
      reasoning_effort: null,
      safety_identifier: null,
      seed: null,
      service_tier: null,
      stop: null,
      store: null,
      stream: null,
      stream_options: null,
      temperature: null,
      top_p: null,
      verbosity: null,
    },
  ],
  ['max_completion_tokens', { ...minimal, max_completion_tokens: 1 }],
  ['max_tokens (deprecated)', { ...minimal, max_tokens: 4096 }],
  [
    'audio output',
    {
      ...minimal,
      model: 'gpt-4o-audio-preview',
      modalities: ['text', 'audio'],
      audio: { voice: 'alloy', format: 'wav' },
    },
  ],
  [
    'audio output, custom voice',
    {
      ...minimal,
      model: 'gpt-4o-audio-preview',
      modalities: ['audio'],
      audio: { voice: { id: 'voice_123' }, format: 'pcm16' },
    },
  ],
  [
    'audio output, a voice newer than the list',
    {
      ...minimal,
      model: 'gpt-4o-audio-preview',
      modalities: ['text', 'audio'],
      audio: { voice: 'juniper', format: 'opus' },
    },
  ],
  ['text modality only', { ...minimal, modalities: ['text'] }],
  ['prediction as a string', { ...minimal, prediction: { type: 'content', content: 'const x = 1;' } }],
  [
    'prediction as text parts',
    { ...minimal, prediction: { type: 'content', content: [{ type: 'text', text: 'a' }] } },
  ],
  [
    'reasoning and verbosity',
    { ...minimal, model: 'gpt-5.6-sol', reasoning_effort: 'max', verbosity: 'low', service_tier: 'fast' },
  ],
  ...(['none', 'minimal', 'low', 'medium', 'high', 'xhigh'] as const).map(
    (effort) =>
      [
        `reasoning_effort ${effort}`,
        { ...minimal, model: effort === 'minimal' ? 'gpt-5' : 'gpt-5.6-sol', reasoning_effort: effort },
      ] as const,
  ),
  ...(['auto', 'default', 'flex', 'scale', 'priority'] as const).map(
    (tier) => [`service_tier ${tier}`, { ...minimal, model: 'o3', service_tier: tier }] as const,
  ),
  ['response_format text', { ...minimal, response_format: { type: 'text' } }],
  ['response_format json_object', { ...minimal, response_format: { type: 'json_object' } }],
  [
    'response_format json_schema',
    {
      ...minimal,
      response_format: {
        type: 'json_schema',
        json_schema: {
          name: 'place',
          description: 'A place',
          schema: {
            type: 'object',
            properties: { city: { type: 'string' } },
            required: ['city'],
            additionalProperties: false,
          },
          strict: true,
        },
      },
    },
  ],
  [
    'response_format json_schema, name only',
    { ...minimal, response_format: { type: 'json_schema', json_schema: { name: 'x', strict: null } } },
  ],
  [
    'tools with every tool_choice mode',
    { ...minimal, tools: [weather], tool_choice: 'required', parallel_tool_calls: false },
  ],
  ['tool_choice none', { ...minimal, tools: [weather], tool_choice: 'none' }],
  ['tool_choice auto', { ...minimal, tools: [weather, sql], tool_choice: 'auto', parallel_tool_calls: true }],
  [
    'tool_choice naming a function tool',
    { ...minimal, tools: [weather], tool_choice: { type: 'function', function: { name: 'get_weather' } } },
  ],
  [
    'tool_choice naming a custom tool',
    { ...minimal, tools: [weather, sql], tool_choice: { type: 'custom', custom: { name: 'run_sql' } } },
  ],
  [
    'tool_choice allowed_tools',
    {
      ...minimal,
      tools: [weather, sql],
      tool_choice: {
        type: 'allowed_tools',
        allowed_tools: { mode: 'auto', tools: [{ type: 'function', function: { name: 'get_weather' } }] },
      },
    },
  ],
  [
    'custom tools: bare, text and regex formats',
    {
      ...minimal,
      tools: [
        { type: 'custom', custom: { name: 'free' } },
        { type: 'custom', custom: { name: 'plain', format: { type: 'text' } } },
        {
          type: 'custom',
          custom: {
            name: 'digits',
            format: { type: 'grammar', grammar: { syntax: 'regex', definition: '\\d+' } },
          },
        },
      ],
    },
  ],
  [
    'a function tool with only a name',
    { ...minimal, tools: [{ type: 'function', function: { name: 'ping', strict: null } }] },
  ],
  [
    'functions and function_call (deprecated)',
    {
      ...minimal,
      functions: [
        { name: 'lookup', description: 'Looks up a word', parameters: { type: 'object', properties: {} } },
        { name: 'other-fn_2' },
      ],
      function_call: { name: 'lookup' },
    },
  ],
  ['function_call auto', { ...minimal, functions: [{ name: 'lookup' }], function_call: 'auto' }],
  ['function_call none', { ...minimal, functions: [{ name: 'lookup' }], function_call: 'none' }],
  [
    'web search',
    {
      ...minimal,
      model: 'gpt-4o-search-preview',
      web_search_options: {
        search_context_size: 'high',
        user_location: {
          type: 'approximate',
          approximate: { city: 'Paris', country: 'FR', region: 'IDF', timezone: 'Europe/Paris' },
        },
      },
    },
  ],
  ['web search, defaults', { ...minimal, model: 'gpt-4o-search-preview', web_search_options: {} }],
  [
    'web search, no location',
    { ...minimal, model: 'gpt-4o-search-preview', web_search_options: { user_location: null } },
  ],
  [
    'streaming',
    { ...minimal, stream: true, stream_options: { include_usage: true, include_obfuscation: false } },
  ],
  ['streaming without options', { ...minimal, stream: true }],
  ['not streaming', { ...minimal, stream: false }],
  [
    'platform fields',
    {
      ...minimal,
      model: 'gpt-5.1',
      store: true,
      metadata: { team: 'billing', ['k'.repeat(64)]: 'v'.repeat(512) },
      prompt_cache_key: 'support-v2',
      prompt_cache_retention: '24h',
      prompt_cache_options: { ttl: '30m', mode: 'explicit' },
      safety_identifier: 's'.repeat(64),
      user: 'user-123',
    },
  ],
  [
    'metadata with 16 pairs',
    { ...minimal, metadata: Object.fromEntries(Array.from({ length: 16 }, (_, i) => [`k${i}`, `v${i}`])) },
  ],
  ['empty metadata and prompt cache options', { ...minimal, metadata: {}, prompt_cache_options: {} }],
  ['moderation', { ...minimal, moderation: { model: 'omni-moderation-latest' } }],
  [
    'moderation with a policy',
    {
      ...minimal,
      moderation: {
        model: 'omni-moderation-latest',
        policy: { input: { mode: 'block' }, output: { mode: 'score' } },
      },
    },
  ],
  ['moderation with null policy parts', { ...minimal, moderation: { model: 'm', policy: { input: null } } }],
  ['moderation with a null policy', { ...minimal, moderation: { model: 'm', policy: null } }],
  ['null sampling fields on a reasoning model', { ...minimal, model: 'o3', temperature: null, top_p: null }],
  ['seed at the ends of the 64-bit range', { ...minimal, seed: -(2 ** 63) }],
  ['seed at the largest safe integer', { ...minimal, seed: Number.MAX_SAFE_INTEGER }],
  // Lengths count characters (code points), as JSON Schema and the API do: an emoji is one.
  [
    'a safety_identifier of 64 emoji',
    { ...minimal, safety_identifier: '\u{1F600}'.repeat(64), metadata: { ['\u{1F600}'.repeat(64)]: 'x' } },
  ],
  ['moderation with an empty model', { ...minimal, moderation: { model: '' } }],
  [
    'a file part with a filename only',
    { ...minimal, messages: [{ role: 'user', content: [{ type: 'file', file: { filename: 'a.pdf' } }] }] },
  ],
  ['a custom tool named freely', { ...minimal, tools: [{ type: 'custom', custom: { name: 'sql.run v2' } }] }],
  [
    'image urls: percent-encoded, IPv6 host, mailto-like scheme',
    {
      ...minimal,
      messages: [
        {
          role: 'user',
          content: [
            { type: 'image_url', image_url: { url: 'https://example.com/a%20b.png?size=2#top' } },
            { type: 'image_url', image_url: { url: 'http://[::1]:8080/cat.png' } },
            { type: 'image_url', image_url: { url: 'data:,' } },
          ],
        },
      ],
    },
  ],
];
