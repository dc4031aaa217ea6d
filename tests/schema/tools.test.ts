import { test } from 'uvu';
import { type Expected, expectIssues, expectValid, withFields } from './support.js';

const NAME_RULE = 'must be 1 to 64 characters of a-z, A-Z, 0-9, _ or -';
const fn = (name: string, extra: Record<string, unknown> = {}) => ({
  type: 'function',
  function: { name, ...extra },
});

/** Field shapes of tools, tool_choice and the deprecated functions; the cross-field rules are in preset-rules.test.ts. */
const cases: ReadonlyArray<readonly [string, Record<string, unknown>, Expected[]]> = [
  [
    'tools empty',
    { tools: [] },
    [{ path: 'tools', message: 'tools must not be empty (leave it out, or add a tool with .tool())' }],
  ],
  ['tools as an object', { tools: fn('a') }, [{ path: 'tools', message: 'tools must be an array of tools' }]],
  [
    'a tool of an unknown type',
    { tools: [{ type: 'web_search' }] },
    [{ path: 'tools.0.type', message: "type must be one of 'function' or 'custom'" }],
  ],
  [
    'a function name with a space',
    { tools: [fn('get weather')] },
    [{ path: 'tools.0.function.name', message: `function.name ${NAME_RULE} (got "get weather")` }],
  ],
  [
    'a function name of 65 characters',
    { tools: [fn('a'.repeat(65))] },
    [{ path: 'tools.0.function.name', message: `function.name ${NAME_RULE} (got "${'a'.repeat(65)}")` }],
  ],
  [
    'an empty function name',
    { tools: [fn('')] },
    [{ path: 'tools.0.function.name', message: `function.name ${NAME_RULE} (got "")` }],
  ],
  [
    'a function without a name',
    { tools: [{ type: 'function', function: {} }] },
    [{ path: 'tools.0.function.name', message: 'name is missing (function needs it)' }],
  ],
  [
    'function parameters that are not an object',
    { tools: [fn('a', { parameters: 'string' })] },
    [{ path: 'tools.0.function.parameters', message: 'function.parameters must be an object' }],
  ],
  [
    'function strict not a boolean',
    { tools: [fn('a', { strict: 'yes' })] },
    [{ path: 'tools.0.function.strict', message: 'function.strict must be true or false' }],
  ],
  [
    'a function tool written the flat (Responses API) way',
    { tools: [{ type: 'function', name: 'a', parameters: {} }] },
    [
      { path: 'tools.0.function', message: 'function is missing (a function tool needs it)' },
      { path: 'tools.0.name', message: 'unknown field "name" (a function tool takes type, function)' },
      {
        path: 'tools.0.parameters',
        message: 'unknown field "parameters" (a function tool takes type, function)',
      },
    ],
  ],
  [
    'a custom tool whose name is not a string',
    { tools: [{ type: 'custom', custom: { name: 7 } }] },
    [{ path: 'tools.0.custom.name', message: 'custom.name must be a string' }],
  ],
  [
    'a custom tool with an unknown grammar syntax',
    {
      tools: [
        {
          type: 'custom',
          custom: { name: 'g', format: { type: 'grammar', grammar: { syntax: 'ebnf', definition: 'x' } } },
        },
      ],
    },
    [
      {
        path: 'tools.0.custom.format.grammar.syntax',
        message: "grammar.syntax must be one of 'lark' or 'regex'",
      },
    ],
  ],
  [
    'a custom tool format of an unknown type',
    { tools: [{ type: 'custom', custom: { name: 'g', format: { type: 'json' } } }] },
    [{ path: 'tools.0.custom.format.type', message: "type must be one of 'text' or 'grammar'" }],
  ],
  [
    'a text format with an extra key (closed in the official schema)',
    { tools: [{ type: 'custom', custom: { name: 'g', format: { type: 'text', grammar: {} } } }] },
    [
      {
        path: 'tools.0.custom.format.grammar',
        message: 'unknown field "grammar" (a text format takes type)',
      },
    ],
  ],
  [
    'tool_choice an unknown mode',
    { tools: [fn('a')], tool_choice: 'any' },
    [
      {
        path: 'tool_choice',
        message: "tool_choice must be 'none', 'auto' or 'required' (or an object naming a tool)",
      },
    ],
  ],
  [
    'tool_choice a number',
    { tools: [fn('a')], tool_choice: 1 },
    [
      {
        path: 'tool_choice',
        message: "tool_choice must be 'none', 'auto', 'required' or an object naming a tool",
      },
    ],
  ],
  [
    'tool_choice naming a function the old way',
    { tools: [fn('a')], tool_choice: { name: 'a' } },
    [
      {
        path: 'tool_choice.type',
        message: "type is missing (tool_choice needs type: 'function', 'custom' or 'allowed_tools')",
      },
    ],
  ],
  [
    'tool_choice allowed_tools with an unknown mode',
    { tools: [fn('a')], tool_choice: { type: 'allowed_tools', allowed_tools: { mode: 'none', tools: [] } } },
    [
      {
        path: 'tool_choice.allowed_tools.mode',
        message: "allowed_tools.mode must be one of 'auto' or 'required'",
      },
    ],
  ],
  [
    'tool_choice allowed_tools with a non-object entry',
    {
      tools: [fn('a')],
      tool_choice: { type: 'allowed_tools', allowed_tools: { mode: 'auto', tools: ['a'] } },
    },
    [{ path: 'tool_choice.allowed_tools.tools.0', message: 'each allowed tool must be an object' }],
  ],
  [
    'parallel_tool_calls not a boolean',
    { tools: [fn('a')], parallel_tool_calls: 'no' },
    [{ path: 'parallel_tool_calls', message: 'parallel_tool_calls must be true or false' }],
  ],
  [
    'functions empty',
    { functions: [] },
    [{ path: 'functions', message: 'functions must not be empty (leave it out)' }],
  ],
  [
    'functions over 128',
    { functions: Array.from({ length: 129 }, (_, i) => ({ name: `f${i}` })) },
    [{ path: 'functions', message: 'functions holds at most 128 functions' }],
  ],
  [
    'a function with a bad name',
    { functions: [{ name: 'a b' }] },
    [{ path: 'functions.0.name', message: `name ${NAME_RULE} (got "a b")` }],
  ],
  [
    'a function with an unknown key',
    { functions: [{ name: 'a', strict: true }] },
    [
      {
        path: 'functions.0.strict',
        message: 'unknown field "strict" (a function takes name, description, parameters)',
      },
    ],
  ],
  [
    'function_call an unknown mode',
    { functions: [{ name: 'a' }], function_call: 'required' },
    [{ path: 'function_call', message: "function_call must be 'none' or 'auto' (or { name })" }],
  ],
  [
    'function_call without a name',
    { functions: [{ name: 'a' }], function_call: {} },
    [{ path: 'function_call.name', message: 'name is missing (function_call needs it)' }],
  ],
];

for (const [name, patch, expected] of cases) {
  test(`invalid: ${name}`, () => expectIssues(withFields(patch), expected));
}

test('names may use every allowed character, up to 64', () => {
  expectValid(withFields({ tools: [fn('Az09_-'), fn('a'.repeat(64))] }));
});

test('JSON Schemas are free-form: any keys, including ones our schemas would refuse', () => {
  const parameters = {
    type: 'object',
    properties: { role: { type: 'string', enum: ['a'] } },
    $defs: {},
    'x-custom': 1,
  };
  expectValid(withFields({ tools: [fn('f', { parameters })] }));
  expectValid(
    withFields({ response_format: { type: 'json_schema', json_schema: { name: 'r', schema: parameters } } }),
  );
});

test.run();
