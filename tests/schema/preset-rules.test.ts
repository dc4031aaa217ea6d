import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { validatePreset } from '../../src/schema/validate-preset.js';
import { type Expected, expectIssues, expectPresetIssues, expectValid, withFields } from './support.js';

const weather = { type: 'function', function: { name: 'get_weather' } };
const sql = { type: 'custom', custom: { name: 'run_sql' } };

/** Broken preset rules: each holds in a preset (validatePreset) and in a full request (validateRequest). */
const broken: ReadonlyArray<readonly [string, Record<string, unknown>, Expected[]]> = [
  [
    'top_logprobs without logprobs',
    { top_logprobs: 5 },
    [{ path: 'top_logprobs', message: 'top_logprobs needs logprobs: true (call .logprobs() first)' }],
  ],
  [
    'top_logprobs with logprobs: false',
    { logprobs: false, top_logprobs: 0 },
    [{ path: 'top_logprobs', message: 'top_logprobs needs logprobs: true (call .logprobs() first)' }],
  ],
  [
    'stream_options without stream',
    { stream_options: { include_usage: true } },
    [{ path: 'stream_options', message: 'stream_options needs stream: true (call .stream() first)' }],
  ],
  [
    'stream_options with stream: false',
    { stream: false, stream_options: {} },
    [{ path: 'stream_options', message: 'stream_options needs stream: true (call .stream() first)' }],
  ],
  [
    'tool_choice without tools',
    { tool_choice: 'auto' },
    [{ path: 'tool_choice', message: 'tool_choice needs at least one tool (add one with .tool() first)' }],
  ],
  [
    "tool_choice 'none' without tools",
    { tool_choice: 'none' },
    [{ path: 'tool_choice', message: 'tool_choice needs at least one tool (add one with .tool() first)' }],
  ],
  [
    'parallel_tool_calls without tools',
    { parallel_tool_calls: false },
    [
      {
        path: 'parallel_tool_calls',
        message: 'parallel_tool_calls needs at least one tool (add one with .tool() first)',
      },
    ],
  ],
  [
    'tool_choice naming a function that was not added',
    { tools: [weather], tool_choice: { type: 'function', function: { name: 'get_time' } } },
    [
      {
        path: 'tool_choice.function.name',
        message:
          'tool_choice names "get_time" but no function tool of that name was added (add it with .tool())',
      },
    ],
  ],
  [
    'tool_choice naming a custom tool as a function',
    { tools: [sql], tool_choice: { type: 'function', function: { name: 'run_sql' } } },
    [
      {
        path: 'tool_choice.function.name',
        message:
          'tool_choice names "run_sql" but no function tool of that name was added (add it with .tool())',
      },
    ],
  ],
  [
    'tool_choice naming a function tool as custom',
    { tools: [weather], tool_choice: { type: 'custom', custom: { name: 'get_weather' } } },
    [
      {
        path: 'tool_choice.custom.name',
        message:
          'tool_choice names "get_weather" but no custom tool of that name was added (add it with .customTool())',
      },
    ],
  ],
  [
    'allowed_tools listing a tool that was not added',
    {
      tools: [weather, sql],
      tool_choice: {
        type: 'allowed_tools',
        allowed_tools: {
          mode: 'required',
          tools: [
            { type: 'function', function: { name: 'get_weather' } },
            { type: 'custom', custom: { name: 'ls' } },
          ],
        },
      },
    },
    [
      {
        path: 'tool_choice.allowed_tools.tools.1.custom.name',
        message:
          'allowed_tools lists "ls" but no custom tool of that name was added (add it with .customTool())',
      },
    ],
  ],
  [
    'two tools with one name',
    {
      tools: [
        weather,
        { type: 'function', function: { name: 'x' } },
        { type: 'custom', custom: { name: 'get_weather' } },
      ],
    },
    [
      {
        path: 'tools.2.custom.name',
        message: 'tool name "get_weather" is already used by tools.0 (tool names must be unique)',
      },
    ],
  ],
  [
    'two functions with one name',
    { functions: [{ name: 'f' }, { name: 'f' }] },
    [
      {
        path: 'functions.1.name',
        message: 'function name "f" is already used by functions.0 (function names must be unique)',
      },
    ],
  ],
  [
    'function_call without functions',
    { function_call: 'auto' },
    [{ path: 'function_call', message: 'function_call needs functions (add them with .functions() first)' }],
  ],
  [
    'function_call naming a function that was not added',
    { functions: [{ name: 'lookup' }], function_call: { name: 'search' } },
    [
      {
        path: 'function_call.name',
        message:
          'function_call names "search" but no function of that name was added (add it with .functions())',
      },
    ],
  ],
  [
    'functions mixed with tools',
    { functions: [{ name: 'lookup' }], tools: [weather] },
    [{ path: 'functions', message: 'functions cannot be mixed with tools (use .tool() for every function)' }],
  ],
  [
    'max_tokens with max_completion_tokens',
    { max_tokens: 100, max_completion_tokens: 200 },
    [
      {
        path: 'max_tokens',
        message: 'max_tokens and max_completion_tokens are both set (keep only maxCompletionTokens())',
      },
    ],
  ],
];

for (const [name, patch, expected] of broken) {
  test(`preset rule: ${name}`, () => {
    expectPresetIssues(patch, expected);
    expectIssues(withFields(patch), expected);
  });
}

/** The same rules, kept: each body is valid for us and for the official schema. */
const kept: ReadonlyArray<readonly [string, Record<string, unknown>]> = [
  ['top_logprobs with logprobs', { logprobs: true, top_logprobs: 5 }],
  ['stream_options with stream', { stream: true, stream_options: { include_usage: true } }],
  ['tool_choice with a tool', { tools: [weather], tool_choice: 'auto' }],
  ['parallel_tool_calls with a tool', { tools: [sql], parallel_tool_calls: true }],
  [
    'a named tool that was added',
    { tools: [weather, sql], tool_choice: { type: 'custom', custom: { name: 'run_sql' } } },
  ],
  ['a named function that was added', { functions: [{ name: 'lookup' }], function_call: { name: 'lookup' } }],
  [
    'allowed_tools entries that are not name references',
    {
      tools: [weather],
      tool_choice: { type: 'allowed_tools', allowed_tools: { mode: 'auto', tools: [{ type: 'mcp' }] } },
    },
  ],
  ['max_tokens with a null max_completion_tokens', { max_tokens: 100, max_completion_tokens: null }],
  ['top_logprobs left out while logprobs is false', { logprobs: false }],
];

for (const [name, patch] of kept) {
  test(`preset rule kept: ${name}`, () => {
    expectValid(withFields(patch));
    assert.ok(validatePreset(patch).success);
  });
}

test('a rule stays silent when a field it reads is already wrong', () => {
  // tools[0] is malformed: "get_weather is not among the tools" would be noise on top of the real issue.
  expectPresetIssues(
    {
      tools: [{ type: 'function', function: { name: 'get weather' } }],
      tool_choice: { type: 'function', function: { name: 'get_weather' } },
    },
    [
      {
        path: 'tools.0.function.name',
        message: 'function.name must be 1 to 64 characters of a-z, A-Z, 0-9, _ or - (got "get weather")',
      },
    ],
  );
  expectPresetIssues({ top_logprobs: 50 }, [
    { path: 'top_logprobs', message: 'top_logprobs must be an integer between 0 and 20' },
  ]);
});

test('rules that only need presence still run next to malformed fields', () => {
  expectPresetIssues({ max_tokens: 0, max_completion_tokens: 10 }, [
    { path: 'max_tokens', message: 'max_tokens must be a positive integer' },
    {
      path: 'max_tokens',
      message: 'max_tokens and max_completion_tokens are both set (keep only maxCompletionTokens())',
    },
  ]);
});

test('several broken rules are all reported', () => {
  expectPresetIssues({ top_logprobs: 1, stream_options: {}, parallel_tool_calls: true }, [
    { path: 'top_logprobs', message: 'top_logprobs needs logprobs: true (call .logprobs() first)' },
    { path: 'stream_options', message: 'stream_options needs stream: true (call .stream() first)' },
    {
      path: 'parallel_tool_calls',
      message: 'parallel_tool_calls needs at least one tool (add one with .tool() first)',
    },
  ]);
});

test('a preset needs neither model nor messages, nor audio with its modality', () => {
  expectPresetIssues({}, []);
  expectPresetIssues({ temperature: 0.2, messages: [] }, []);
  expectPresetIssues({ modalities: ['text', 'audio'] }, []);
  expectPresetIssues({ audio: { voice: 'alloy', format: 'mp3' } }, []);
});

test('a preset still checks every field it has', () => {
  expectPresetIssues({ model: '', temperature: 3 }, [
    { path: 'model', message: "model must not be empty (pass a model id such as 'gpt-4o')" },
    { path: 'temperature', message: 'temperature must be between 0 and 2' },
  ]);
  expectPresetIssues([], [{ path: '', message: 'a chat completion request must be an object' }]);
});

test.run();
