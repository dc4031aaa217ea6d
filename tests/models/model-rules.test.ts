// The model rules, message by message: each rule on a model that refuses (the exact sentence and
// path) and on one that accepts (valid for chatwright and OpenAI's official schema).
import { test } from 'uvu';
import { bodyFor, expectIssues, expectValid, user, weather } from './support.js';

const reasoningGuide =
  '[source: OpenAI reasoning guide (limitations); community compatibility matrix thread 1110750; the AI SDK strips them with a warning]';
const effortNoneSource =
  '[source: vercel/ai issue #10932; AI SDK model catalog (sampling: reasoning-effort-none)]';
const o1MiniSource = '[source: community compatibility matrix thread 1110750]';
const predictionGuide =
  '[source: OpenAI predicted-outputs guide; Azure OpenAI "Predicted outputs: unsupported features"]';

test('temperature and top_p: refused by reasoning models, the default 1 accepted', () => {
  expectIssues(bodyFor('o3', { temperature: 0.2, top_p: 0.5 }), [
    {
      path: 'temperature',
      message: `o3 does not accept temperature (reasoning models take only the default sampling; remove .temperature()) ${reasoningGuide}`,
    },
    {
      path: 'top_p',
      message: `o3 does not accept top_p (reasoning models take only the default sampling; remove .topP()) ${reasoningGuide}`,
    },
  ]);
  expectValid(bodyFor('o3', { temperature: 1, top_p: 1 }));
  expectValid(bodyFor('o3', { temperature: null, top_p: null }));
  expectValid(bodyFor('gpt-4o', { temperature: 0.2, top_p: 0.5 }));
});

test('temperature on a search model: refused', () => {
  expectIssues(bodyFor('gpt-4o-mini-search-preview', { temperature: 0 }), [
    {
      path: 'temperature',
      message:
        'gpt-4o-mini-search-preview does not accept temperature (gpt-4o-search models take only the default sampling; remove .temperature()) [source: LiteLLM web-search docs; AI SDK catalog (the search-preview models reject temperature; top_p shares the capability here, unverified)]',
    },
  ]);
});

test("sampling on gpt-5.1 and later: only with reasoning_effort 'none', which is their default", () => {
  expectIssues(bodyFor('gpt-5.1', { temperature: 0.2, reasoning_effort: 'low' }), [
    {
      path: 'temperature',
      message: `gpt-5.1 accepts temperature only with reasoning_effort 'none' (reasoning_effort is 'low'; call .reasoningEffort('none') or remove .temperature()) ${effortNoneSource}`,
    },
  ]);
  expectIssues(bodyFor('gpt-5.6-sol', { top_p: 0.3, reasoning_effort: 'max' }), [
    {
      path: 'top_p',
      message: `gpt-5.6-sol accepts top_p only with reasoning_effort 'none' (reasoning_effort is 'max'; call .reasoningEffort('none') or remove .topP()) ${effortNoneSource}`,
    },
  ]);
  expectValid(bodyFor('gpt-5.1', { temperature: 0.2, top_p: 0.3, reasoning_effort: 'none' }));
  expectValid(bodyFor('gpt-5.2', { temperature: 0.2 }));
  expectValid(bodyFor('gpt-5.4-nano', { temperature: 0.2, reasoning_effort: null }));
  expectValid(bodyFor('gpt-5.2-chat-latest', { temperature: 0.2 }));
});

test('logprobs and top_logprobs: refused by reasoning models, with effort none on gpt-5.1+', () => {
  expectIssues(bodyFor('o1', { logprobs: true, top_logprobs: 2 }), [
    {
      path: 'logprobs',
      message: `o1 does not accept logprobs (reasoning models take no logprobs; remove .logprobs()) ${reasoningGuide}`,
    },
    {
      path: 'top_logprobs',
      message: `o1 does not accept top_logprobs (reasoning models take no logprobs; remove .topLogprobs()) ${reasoningGuide}`,
    },
  ]);
  expectIssues(bodyFor('gpt-5.5', { logprobs: true, reasoning_effort: 'high' }), [
    {
      path: 'logprobs',
      message: `gpt-5.5 accepts logprobs only with reasoning_effort 'none' (reasoning_effort is 'high'; call .reasoningEffort('none') or remove .logprobs()) ${effortNoneSource}`,
    },
  ]);
  expectValid(bodyFor('o1', { logprobs: false }));
  expectValid(bodyFor('gpt-5.5', { logprobs: true, top_logprobs: 3 }));
  expectValid(bodyFor('gpt-3.5-turbo', { logprobs: true, top_logprobs: 20 }));
});

test('penalties and logit_bias: refused by reasoning models, whatever the value', () => {
  expectIssues(
    bodyFor('gpt-5-mini', { presence_penalty: 0, frequency_penalty: 1, logit_bias: { '50256': -100 } }),
    [
      {
        path: 'presence_penalty',
        message: `gpt-5-mini does not accept presence_penalty (reasoning models take no penalties; remove .presencePenalty()) ${reasoningGuide}`,
      },
      {
        path: 'frequency_penalty',
        message: `gpt-5-mini does not accept frequency_penalty (reasoning models take no penalties; remove .frequencyPenalty()) ${reasoningGuide}`,
      },
      {
        path: 'logit_bias',
        message: `gpt-5-mini does not accept logit_bias (reasoning models take no logit_bias; remove .logitBias()) ${reasoningGuide}`,
      },
    ],
  );
  // gpt-5.1+ gets sampling back with effort none, not the penalties.
  expectIssues(bodyFor('gpt-5.1', { presence_penalty: 1, reasoning_effort: 'none' }), [
    {
      path: 'presence_penalty',
      message: `gpt-5.1 does not accept presence_penalty (reasoning models take no penalties; remove .presencePenalty()) ${reasoningGuide}`,
    },
  ]);
  expectValid(bodyFor('gpt-4-turbo', { presence_penalty: 1, frequency_penalty: -1, logit_bias: { '1': 5 } }));
});

test('max_tokens: refused by o-series and gpt-5 models, with the fix', () => {
  expectIssues(bodyFor('o3-mini', { max_tokens: 100 }), [
    {
      path: 'max_tokens',
      message:
        'o3-mini does not accept max_tokens (it takes max_completion_tokens instead; use .maxCompletionTokens(), or let adaptToModel() rewrite it) [source: create-params docstring ("not compatible with o-series models"); langchainjs #8039, #8641]',
    },
  ]);
  expectValid(bodyFor('o3-mini', { max_completion_tokens: 100 }));
  expectValid(bodyFor('gpt-4.1-nano', { max_tokens: 100 }));
});

test('stop: refused by o3 and o4-mini, accepted by gpt-5 (only user reports say otherwise)', () => {
  expectIssues(bodyFor('o4-mini-2025-04-16', { stop: ['END'] }), [
    {
      path: 'stop',
      message:
        'o4-mini-2025-04-16 does not accept stop (this reasoning model takes no stop sequences; remove .stop()) [source: create-params docstring (stop is not supported with o3 and o4-mini)]',
    },
  ]);
  expectValid(bodyFor('gpt-5', { stop: 'END' }));
  expectValid(bodyFor('o1', { stop: 'END' }));
});

test('parallel_tool_calls: refused by o1, o3-mini, o3 and o4-mini, whatever its value', () => {
  expectIssues(bodyFor('o3-mini', { tools: [weather], parallel_tool_calls: false }), [
    {
      path: 'parallel_tool_calls',
      message:
        'o3-mini does not accept parallel_tool_calls (this reasoning model refuses it, whatever its value; remove .parallelToolCalls()) [source: langchain #29704, fast-agent #279, tensorzero #2805]',
    },
  ]);
  expectValid(bodyFor('o3-mini', { tools: [weather] }));
  expectValid(bodyFor('gpt-5-nano', { tools: [weather], parallel_tool_calls: false }));
});

test('reasoning_effort: refused by models without reasoning, checked against the accepted values', () => {
  const efforts =
    '[source: create-params docstring; AI SDK getGpt5ReasoningEfforts; community thread 1371738]';
  expectIssues(bodyFor('gpt-4o', { reasoning_effort: 'low' }), [
    {
      path: 'reasoning_effort',
      message:
        'gpt-4o is not a reasoning model (remove .reasoningEffort()) [source: create-params docstring (reasoning_effort is for reasoning models only)]',
    },
  ]);
  expectIssues(bodyFor('gpt-5', { reasoning_effort: 'none' }), [
    {
      path: 'reasoning_effort',
      message: `gpt-5 does not accept reasoning_effort 'none' (it accepts 'minimal', 'low', 'medium', 'high'; change .reasoningEffort()) ${efforts}`,
    },
  ]);
  expectIssues(bodyFor('o3', { reasoning_effort: 'minimal' }), [
    {
      path: 'reasoning_effort',
      message: `o3 does not accept reasoning_effort 'minimal' (it accepts 'low', 'medium', 'high'; change .reasoningEffort()) ${efforts}`,
    },
  ]);
  expectIssues(bodyFor('gpt-5.2', { reasoning_effort: 'max' }), [
    {
      path: 'reasoning_effort',
      message: `gpt-5.2 does not accept reasoning_effort 'max' (it accepts 'none', 'low', 'medium', 'high', 'xhigh'; change .reasoningEffort()) ${efforts}`,
    },
  ]);
  expectIssues(bodyFor('gpt-5.1-codex', { reasoning_effort: 'none' }), [
    {
      path: 'reasoning_effort',
      message:
        "gpt-5.1-codex does not accept reasoning_effort 'none' (it accepts 'low', 'medium', 'high'; change .reasoningEffort()) [source: openai/codex issue #6647 (the API: 'none' is not supported with gpt-5.1-codex; low, medium and high are)]",
    },
  ]);
  expectValid(bodyFor('gpt-5', { reasoning_effort: 'minimal' }));
  expectValid(bodyFor('gpt-5.6-terra', { reasoning_effort: 'max' }));
  expectValid(bodyFor('gpt-4o', { reasoning_effort: null }));
});

test('o1-mini and o1-preview: no system or developer messages, no tools, no json_schema', () => {
  expectIssues(
    bodyFor('o1-preview', {
      messages: [{ role: 'system', content: 'Be terse.' }, user, { role: 'developer', content: 'Really.' }],
      tools: [weather],
      response_format: { type: 'json_schema', json_schema: { name: 'answer' } },
    }),
    [
      {
        path: 'messages.0.role',
        message: `o1-preview does not accept system messages (put the instructions in the first user message instead of .system()) ${o1MiniSource}`,
      },
      {
        path: 'messages.2.role',
        message: `o1-preview does not accept developer messages (put the instructions in the first user message instead of .developer()) ${o1MiniSource}`,
      },
      {
        path: 'tools',
        message: `o1-preview does not accept tools (it cannot call tools; remove .tool()) ${o1MiniSource}`,
      },
      {
        path: 'response_format.type',
        message: `o1-preview does not accept response_format json_schema (no structured outputs; remove .jsonSchema(), or use .jsonObject()) ${o1MiniSource}`,
      },
    ],
  );
  expectIssues(bodyFor('o1-mini', { functions: [{ name: 'lookup' }] }), [
    {
      path: 'functions',
      message: `o1-mini does not accept functions (it cannot call tools; remove .functions()) ${o1MiniSource}`,
    },
  ]);
  expectValid(bodyFor('o1-mini', { response_format: { type: 'json_object' } }));
  expectValid(
    bodyFor('o1', {
      messages: [{ role: 'developer', content: 'Be terse.' }, user],
      tools: [weather],
      response_format: { type: 'json_schema', json_schema: { name: 'answer' } },
    }),
  );
});

test('audio output: only on the audio-preview models', () => {
  const audio = { voice: 'alloy', format: 'wav' };
  const source =
    '[source: create-params docstring; community thread 970884 (gpt-4o(-mini)-audio-preview only)]';
  expectIssues(bodyFor('gpt-4o', { modalities: ['text', 'audio'], audio }), [
    {
      path: 'modalities',
      message: `gpt-4o cannot output audio (remove 'audio' from .modalities(), or use an audio model such as gpt-4o-audio-preview) ${source}`,
    },
  ]);
  // audio without its modality on a model without audio: both rules speak, the send rule first.
  expectIssues(bodyFor('gpt-5', { audio }), [
    { path: 'audio', message: "audio needs 'audio' in modalities (call .modalities(['text', 'audio']))" },
    {
      path: 'audio',
      message: `gpt-5 cannot output audio (remove .audio(), or use an audio model such as gpt-4o-audio-preview) ${source}`,
    },
  ]);
  expectValid(bodyFor('gpt-4o-mini-audio-preview', { modalities: ['text', 'audio'], audio }));
  expectValid(bodyFor('gpt-4o', { modalities: ['text'] }));
});

test('web_search_options: only on the search models', () => {
  expectIssues(bodyFor('gpt-4.1', { web_search_options: {} }), [
    {
      path: 'web_search_options',
      message:
        'gpt-4.1 does not search the web (remove .webSearch(), or use a search model such as gpt-4o-search-preview) [source: LiteLLM web-search docs; AI SDK catalog (search-preview models and gpt-5-search-api only)]',
    },
  ]);
  expectValid(
    bodyFor('gpt-4o-search-preview-2025-03-11', { web_search_options: { search_context_size: 'low' } }),
  );
});

test('prediction: only on gpt-4o, gpt-4o-mini and gpt-4.1 models', () => {
  const prediction = { type: 'content', content: 'const x = 1;' };
  expectIssues(bodyFor('gpt-5', { prediction }), [
    {
      path: 'prediction',
      message:
        'gpt-5 does not support predicted outputs (remove .prediction(), or use gpt-4o, gpt-4o-mini or the gpt-4.1 models) [source: OpenAI predicted-outputs guide (gpt-4o, gpt-4o-mini, gpt-4.1, gpt-4.1-mini, gpt-4.1-nano only)]',
    },
  ]);
  expectValid(bodyFor('gpt-4o-mini', { prediction, n: 1, presence_penalty: 0, frequency_penalty: -1 }));
  expectValid(bodyFor('gpt-4.1-mini', { prediction, max_tokens: 200, logprobs: false }));
});

test('prediction: not with tools, audio, n > 1, logprobs, positive penalties, max_completion_tokens', () => {
  const prediction = { type: 'content', content: 'const x = 1;' };
  const conflict = (field: string, what: string, method: string) => ({
    path: field,
    message: `gpt-4o does not accept ${what} together with prediction (predicted outputs exclude it; remove ${method} or .prediction()) ${predictionGuide}`,
  });
  expectIssues(
    bodyFor('gpt-4o', {
      prediction,
      tools: [weather],
      n: 2,
      logprobs: true,
      presence_penalty: 0.5,
      frequency_penalty: 0.1,
      max_completion_tokens: 100,
    }),
    [
      conflict('tools', 'tools', '.tool()'),
      conflict('n', 'n > 1', '.n()'),
      conflict('logprobs', 'logprobs', '.logprobs()'),
      conflict('presence_penalty', 'presence_penalty > 0', '.presencePenalty()'),
      conflict('frequency_penalty', 'frequency_penalty > 0', '.frequencyPenalty()'),
      conflict('max_completion_tokens', 'max_completion_tokens', '.maxCompletionTokens()'),
    ],
  );
  expectIssues(bodyFor('gpt-4o', { prediction, functions: [{ name: 'lookup' }] }), [
    conflict('functions', 'functions', '.functions()'),
  ]);
  // audio output on gpt-4o is refused twice: by the model, and by predicted outputs.
  expectIssues(
    bodyFor('gpt-4o', { prediction, modalities: ['text', 'audio'], audio: { voice: 'ash', format: 'mp3' } }),
    [
      {
        path: 'modalities',
        message:
          "gpt-4o cannot output audio (remove 'audio' from .modalities(), or use an audio model such as gpt-4o-audio-preview) [source: create-params docstring; community thread 970884 (gpt-4o(-mini)-audio-preview only)]",
      },
      conflict('modalities', 'audio output', ".modalities(['text'])"),
    ],
  );
});

test("service_tier 'flex': only on o3, o4-mini and gpt-5 and later", () => {
  expectIssues(bodyFor('o3-mini', { service_tier: 'flex' }), [
    {
      path: 'service_tier',
      message:
        "o3-mini does not offer service_tier 'flex' (use another tier, or a model with flex processing such as o3, o4-mini or gpt-5) [source: AI SDK catalog and warnings; openai-node docstrings (o3, o4-mini, gpt-5 and later; the AI SDK leaves out the chat-latest models)]",
    },
  ]);
  expectValid(bodyFor('o3-mini', { service_tier: 'priority' }));
  expectValid(bodyFor('o4-mini', { service_tier: 'flex' }));
  expectValid(bodyFor('gpt-5.4', { service_tier: 'flex' }));
});

test("prompt_cache_retention '24h': only on newer gpt-5.x models", () => {
  expectIssues(bodyFor('gpt-5', { prompt_cache_retention: '24h' }), [
    {
      path: 'prompt_cache_retention',
      message:
        "gpt-5 does not offer prompt_cache_retention '24h' (leave it out for the default in-memory caching, or use a newer gpt-5.x model) [source: AI SDK catalog and warnings; openai-node docstrings (newer gpt-5.x models)]",
    },
  ]);
  expectValid(bodyFor('gpt-5', { prompt_cache_retention: null }));
  expectValid(bodyFor('gpt-5.1', { prompt_cache_retention: '24h' }));
});

test('a model outside the catalog gets no model rules (fine-tunes, other providers)', () => {
  const everything = {
    messages: [{ role: 'system', content: 'Be terse.' }, user],
    temperature: 0.2,
    logprobs: true,
    presence_penalty: 1,
    max_tokens: 50,
    stop: 'END',
    reasoning_effort: 'max',
    modalities: ['text', 'audio'],
    audio: { voice: 'alloy', format: 'wav' },
    web_search_options: {},
    service_tier: 'flex',
    prompt_cache_retention: '24h',
  };
  for (const model of [
    'ft:gpt-4o-mini:acme::abc123',
    'llama-3.1-70b-instruct',
    'o3-preview-next',
    'GPT-4O',
  ]) {
    expectValid(bodyFor(model, everything));
  }
});

test('a field with its own issue is reported once, by its field check', () => {
  expectIssues(bodyFor('o3', { temperature: 5 }), [
    { path: 'temperature', message: 'temperature must be between 0 and 2' },
  ]);
  expectIssues({ model: 7, messages: [user], temperature: 0.5 }, [
    { path: 'model', message: 'model must be a string' },
  ]);
});

test.run();
