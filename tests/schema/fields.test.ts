import { test } from 'uvu';
import { type Expected, expectIssues, expectValid, withFields } from './support.js';

/*
 * One invalid value per row: the field, what is wrong with it, and the exact issue reported.
 * The valid bounds of every range are in valid-bodies.ts (checked against the official schema too).
 */
const cases: ReadonlyArray<readonly [string, Record<string, unknown>, Expected[]]> = [
  // sampling
  [
    'temperature above 2',
    { temperature: 2.01 },
    [{ path: 'temperature', message: 'temperature must be between 0 and 2' }],
  ],
  [
    'temperature below 0',
    { temperature: -0.1 },
    [{ path: 'temperature', message: 'temperature must be between 0 and 2' }],
  ],
  [
    'temperature as a string',
    { temperature: '1' },
    [{ path: 'temperature', message: 'temperature must be a number' }],
  ],
  [
    'temperature NaN',
    { temperature: Number.NaN },
    [{ path: 'temperature', message: 'temperature must be a number' }],
  ],
  ['top_p above 1', { top_p: 1.5 }, [{ path: 'top_p', message: 'top_p must be between 0 and 1' }]],
  ['top_p below 0', { top_p: -1 }, [{ path: 'top_p', message: 'top_p must be between 0 and 1' }]],
  [
    'frequency_penalty above 2',
    { frequency_penalty: 2.5 },
    [{ path: 'frequency_penalty', message: 'frequency_penalty must be between -2 and 2' }],
  ],
  [
    'frequency_penalty below -2',
    { frequency_penalty: -3 },
    [{ path: 'frequency_penalty', message: 'frequency_penalty must be between -2 and 2' }],
  ],
  [
    'presence_penalty above 2',
    { presence_penalty: 2.1 },
    [{ path: 'presence_penalty', message: 'presence_penalty must be between -2 and 2' }],
  ],
  [
    'presence_penalty below -2',
    { presence_penalty: -2.1 },
    [{ path: 'presence_penalty', message: 'presence_penalty must be between -2 and 2' }],
  ],
  [
    'seed not an integer',
    { seed: 1.5 },
    [{ path: 'seed', message: 'seed must be an integer in the 64-bit range (-2^63 to 2^63 - 1)' }],
  ],
  [
    'seed at 2^63, past int64',
    { seed: 2 ** 63 },
    [{ path: 'seed', message: 'seed must be an integer in the 64-bit range (-2^63 to 2^63 - 1)' }],
  ],
  [
    'seed beyond int64',
    { seed: -1e20 },
    [{ path: 'seed', message: 'seed must be an integer in the 64-bit range (-2^63 to 2^63 - 1)' }],
  ],
  [
    'top_logprobs null (not nullable in the official schema)',
    { logprobs: true, top_logprobs: null },
    [{ path: 'top_logprobs', message: 'top_logprobs must be an integer between 0 and 20' }],
  ],
  ['seed as a string', { seed: '42' }, [{ path: 'seed', message: 'seed must be an integer' }]],
  [
    'top_logprobs above 20',
    { logprobs: true, top_logprobs: 21 },
    [{ path: 'top_logprobs', message: 'top_logprobs must be an integer between 0 and 20' }],
  ],
  [
    'top_logprobs below 0',
    { logprobs: true, top_logprobs: -1 },
    [{ path: 'top_logprobs', message: 'top_logprobs must be an integer between 0 and 20' }],
  ],
  [
    'top_logprobs not an integer',
    { logprobs: true, top_logprobs: 2.5 },
    [{ path: 'top_logprobs', message: 'top_logprobs must be an integer between 0 and 20' }],
  ],
  [
    'logprobs as a string',
    { logprobs: 'yes' },
    [{ path: 'logprobs', message: 'logprobs must be true or false' }],
  ],
  [
    'stop with 5 strings',
    { stop: ['a', 'b', 'c', 'd', 'e'] },
    [{ path: 'stop', message: 'stop must hold 1 to 4 strings' }],
  ],
  [
    'stop empty',
    { stop: [] },
    [{ path: 'stop', message: 'stop must hold 1 to 4 strings (leave it out for none)' }],
  ],
  [
    'stop with a number',
    { stop: ['a', 1] },
    [{ path: 'stop.1', message: 'each stop sequence must be a string' }],
  ],
  [
    'stop as a number',
    { stop: 1 },
    [{ path: 'stop', message: 'stop must be a string or an array of 1 to 4 strings' }],
  ],
  [
    'logit_bias with a word key',
    { logit_bias: { hello: 1 } },
    [
      {
        path: 'logit_bias.hello',
        message: 'logit_bias keys must be token ids (digit strings such as "50256"), got "hello"',
      },
    ],
  ],
  [
    'logit_bias with a negative or padded key',
    { logit_bias: { '-1': 1, '007': 1 } },
    [
      {
        path: 'logit_bias.-1',
        message: 'logit_bias keys must be token ids (digit strings such as "50256"), got "-1"',
      },
      {
        path: 'logit_bias.007',
        message: 'logit_bias keys must be token ids (digit strings such as "50256"), got "007"',
      },
    ],
  ],
  [
    'logit_bias values out of range or fractional',
    { logit_bias: { '1': 101, '2': -101, '3': 0.5, '4': '5' } },
    [
      { path: 'logit_bias.1', message: 'logit_bias values must be an integer between -100 and 100' },
      { path: 'logit_bias.2', message: 'logit_bias values must be an integer between -100 and 100' },
      { path: 'logit_bias.3', message: 'logit_bias values must be an integer between -100 and 100' },
      { path: 'logit_bias.4', message: 'logit_bias values must be an integer between -100 and 100' },
    ],
  ],
  [
    'logit_bias as an array',
    { logit_bias: [1] },
    [{ path: 'logit_bias', message: 'logit_bias must be an object' }],
  ],
  // output
  ['n zero', { n: 0 }, [{ path: 'n', message: 'n must be a positive integer' }]],
  ['n fractional', { n: 1.5 }, [{ path: 'n', message: 'n must be a positive integer' }]],
  ['n above 128', { n: 129 }, [{ path: 'n', message: 'n must be at most 128' }]],
  [
    'max_tokens zero',
    { max_tokens: 0 },
    [{ path: 'max_tokens', message: 'max_tokens must be a positive integer' }],
  ],
  [
    'max_tokens fractional',
    { max_tokens: 10.5 },
    [{ path: 'max_tokens', message: 'max_tokens must be a positive integer' }],
  ],
  [
    'max_completion_tokens negative',
    { max_completion_tokens: -5 },
    [{ path: 'max_completion_tokens', message: 'max_completion_tokens must be a positive integer' }],
  ],
  [
    'max_completion_tokens as a string',
    { max_completion_tokens: '5' },
    [{ path: 'max_completion_tokens', message: 'max_completion_tokens must be a positive integer' }],
  ],
  [
    'modalities with video',
    { modalities: ['text', 'video'] },
    [{ path: 'modalities.1', message: "each modality must be one of 'text' or 'audio'" }],
  ],
  [
    'modalities as a string',
    { modalities: 'text' },
    [{ path: 'modalities', message: "modalities must be an array such as ['text', 'audio']" }],
  ],
  [
    'audio with an unknown format',
    { modalities: ['text', 'audio'], audio: { voice: 'alloy', format: 'ogg' } },
    [
      {
        path: 'audio.format',
        message: "audio.format must be one of 'wav', 'aac', 'mp3', 'flac', 'opus' or 'pcm16'",
      },
    ],
  ],
  [
    'audio without a voice',
    { modalities: ['text', 'audio'], audio: { format: 'wav' } },
    [{ path: 'audio.voice', message: 'voice is missing (audio needs it)' }],
  ],
  [
    'audio with a numeric voice',
    { modalities: ['text', 'audio'], audio: { voice: 7, format: 'wav' } },
    [
      {
        path: 'audio.voice',
        message: "audio.voice must be a voice name such as 'alloy' or a custom voice { id }",
      },
    ],
  ],
  [
    'audio custom voice with an extra key',
    { modalities: ['text', 'audio'], audio: { voice: { id: 'v', name: 'x' }, format: 'wav' } },
    [{ path: 'audio.voice.name', message: 'unknown field "name" (audio.voice takes id)' }],
  ],
  [
    'prediction of the wrong type',
    { prediction: { type: 'text', content: 'x' } },
    [{ path: 'prediction.type', message: "prediction.type must be 'content'" }],
  ],
  [
    'prediction with an image part',
    { prediction: { type: 'content', content: [{ type: 'image_url', image_url: { url: 'https://a' } }] } },
    [{ path: 'prediction.content.0.type', message: "type must be 'text'" }],
  ],
  [
    'reasoning_effort unknown',
    { reasoning_effort: 'extreme' },
    [
      {
        path: 'reasoning_effort',
        message:
          "reasoning_effort must be one of 'none', 'minimal', 'low', 'medium', 'high', 'xhigh' or 'max'",
      },
    ],
  ],
  [
    'verbosity unknown',
    { verbosity: 'chatty' },
    [{ path: 'verbosity', message: "verbosity must be one of 'low', 'medium' or 'high'" }],
  ],
  ['stream as a string', { stream: 'true' }, [{ path: 'stream', message: 'stream must be true or false' }]],
  [
    'stream_options with an unknown key',
    { stream: true, stream_options: { include_usage: true, usage: true } },
    [
      {
        path: 'stream_options.usage',
        message: 'unknown field "usage" (stream_options takes include_usage, include_obfuscation)',
      },
    ],
  ],
  [
    'stream_options.include_obfuscation not a boolean',
    { stream: true, stream_options: { include_obfuscation: 1 } },
    [
      {
        path: 'stream_options.include_obfuscation',
        message: 'stream_options.include_obfuscation must be true or false',
      },
    ],
  ],
  // response format
  [
    'response_format of an unknown type',
    { response_format: { type: 'yaml' } },
    [{ path: 'response_format.type', message: "type must be one of 'text', 'json_object' or 'json_schema'" }],
  ],
  [
    'response_format as a string',
    { response_format: 'json' },
    [{ path: 'response_format', message: 'response_format must be an object' }],
  ],
  [
    'json_schema without a name',
    { response_format: { type: 'json_schema', json_schema: { schema: {} } } },
    [{ path: 'response_format.json_schema.name', message: 'name is missing (json_schema needs it)' }],
  ],
  [
    'json_schema with a bad name',
    { response_format: { type: 'json_schema', json_schema: { name: 'my schema' } } },
    [
      {
        path: 'response_format.json_schema.name',
        message: 'json_schema.name must be 1 to 64 characters of a-z, A-Z, 0-9, _ or - (got "my schema")',
      },
    ],
  ],
  [
    'json_schema with a non-object schema',
    { response_format: { type: 'json_schema', json_schema: { name: 'x', schema: [] } } },
    [{ path: 'response_format.json_schema.schema', message: 'json_schema.schema must be an object' }],
  ],
  [
    'json_object with an extra key',
    { response_format: { type: 'json_object', schema: {} } },
    [
      {
        path: 'response_format.schema',
        message: 'unknown field "schema" (a json_object response format takes type)',
      },
    ],
  ],
  // platform
  ['store as a string', { store: 'yes' }, [{ path: 'store', message: 'store must be true or false' }]],
  [
    'metadata with 17 pairs',
    { metadata: Object.fromEntries(Array.from({ length: 17 }, (_, i) => [`k${i}`, 'v'])) },
    [{ path: 'metadata', message: 'metadata holds at most 16 pairs (got 17)' }],
  ],
  [
    'metadata key of 65 characters',
    { metadata: { ['k'.repeat(65)]: 'v' } },
    [
      {
        path: `metadata.${'k'.repeat(65)}`,
        message: 'metadata keys must be at most 64 characters (this one has 65)',
      },
    ],
  ],
  [
    'metadata value of 513 characters',
    { metadata: { note: 'v'.repeat(513) } },
    [{ path: 'metadata.note', message: 'metadata values must be at most 512 characters (this one has 513)' }],
  ],
  [
    'metadata value not a string',
    { metadata: { count: 3 } },
    [{ path: 'metadata.count', message: 'metadata values must be strings' }],
  ],
  [
    'service_tier unknown',
    { service_tier: 'turbo' },
    [
      {
        path: 'service_tier',
        message: "service_tier must be one of 'auto', 'default', 'flex', 'scale', 'priority' or 'fast'",
      },
    ],
  ],
  [
    'prompt_cache_key as a number',
    { prompt_cache_key: 7 },
    [{ path: 'prompt_cache_key', message: 'prompt_cache_key must be a string' }],
  ],
  [
    'prompt_cache_retention unknown',
    { prompt_cache_retention: '1h' },
    [
      {
        path: 'prompt_cache_retention',
        message: "prompt_cache_retention must be one of 'in_memory' or '24h'",
      },
    ],
  ],
  [
    'prompt_cache_options with an unknown ttl and key',
    { prompt_cache_options: { ttl: '1h', size: 1 } },
    [
      { path: 'prompt_cache_options.ttl', message: "prompt_cache_options.ttl must be '30m'" },
      {
        path: 'prompt_cache_options.size',
        message: 'unknown field "size" (prompt_cache_options takes ttl, mode)',
      },
    ],
  ],
  [
    'safety_identifier of 65 emoji',
    { safety_identifier: '\u{1F600}'.repeat(65) },
    [
      {
        path: 'safety_identifier',
        message: 'safety_identifier must be at most 64 characters (this one has 65; hash long ids)',
      },
    ],
  ],
  [
    'safety_identifier of 65 characters',
    { safety_identifier: 's'.repeat(65) },
    [
      {
        path: 'safety_identifier',
        message: 'safety_identifier must be at most 64 characters (this one has 65; hash long ids)',
      },
    ],
  ],
  ['user as a number', { user: 42 }, [{ path: 'user', message: 'user must be a string' }]],
  [
    'moderation without a model',
    { moderation: {} },
    [{ path: 'moderation.model', message: 'model is missing (moderation needs it)' }],
  ],
  [
    'moderation policy with an unknown mode',
    { moderation: { model: 'm', policy: { input: { mode: 'warn' } } } },
    [{ path: 'moderation.policy.input.mode', message: "mode must be one of 'score' or 'block'" }],
  ],
  [
    'web_search_options with an unknown size',
    { web_search_options: { search_context_size: 'huge' } },
    [
      {
        path: 'web_search_options.search_context_size',
        message: "search_context_size must be one of 'low', 'medium' or 'high'",
      },
    ],
  ],
  [
    'web_search_options location without type',
    { web_search_options: { user_location: { approximate: { city: 'Paris' } } } },
    [{ path: 'web_search_options.user_location.type', message: 'type is missing (user_location needs it)' }],
  ],
  [
    'web_search_options location with an unknown key',
    { web_search_options: { user_location: { type: 'approximate', approximate: { street: 'x' } } } },
    [
      {
        path: 'web_search_options.user_location.approximate.street',
        message: 'unknown field "street" (user_location.approximate takes city, country, region, timezone)',
      },
    ],
  ],
  // model
  [
    'model empty',
    { model: '' },
    [{ path: 'model', message: "model must not be empty (pass a model id such as 'gpt-4o')" }],
  ],
  ['model as a number', { model: 4 }, [{ path: 'model', message: 'model must be a string' }]],
  ['model null', { model: null }, [{ path: 'model', message: 'model must be a string' }]],
  // undefined is not JSON: the builder never writes it, so a body holding it was built by hand
  [
    'a field set to undefined',
    { temperature: undefined },
    [{ path: 'temperature', message: 'temperature must be a number' }],
  ],
];

for (const [name, patch, expected] of cases) {
  test(`invalid: ${name}`, () => expectIssues(withFields(patch), expected));
}

test('every problem is reported at once, in body order', () => {
  expectIssues(withFields({ temperature: 5, top_p: 2, n: 0 }), [
    { path: 'temperature', message: 'temperature must be between 0 and 2' },
    { path: 'top_p', message: 'top_p must be between 0 and 1' },
    { path: 'n', message: 'n must be a positive integer' },
  ]);
});

test('the body must be an object', () => {
  for (const body of [null, 'x', 42, [], undefined]) {
    expectIssues(body, [{ path: '', message: 'a chat completion request must be an object' }]);
  }
});

test('unknown top-level fields pass through (extra() fields for other providers)', () => {
  expectIssues(withFields({ top_k: 40, safe_prompt: true }), []);
});

test('a top-level __proto__ key is reported, not dropped', () => {
  expectIssues({ ...withFields({}), ...JSON.parse('{"__proto__":{"polluted":1}}') }, [
    {
      path: '__proto__',
      message: 'the key "__proto__" is not allowed (it could pollute object prototypes)',
    },
  ]);
  // `constructor` is an ordinary key: nothing merges input into an existing object.
  expectValid(withFields({ metadata: { constructor: 'x', prototype: 'y' } }));
});

test.run();
