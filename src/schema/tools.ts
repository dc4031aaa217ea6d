import * as v from 'valibot';
import { closedObject } from './closed-object.js';
import { flag, freeObject, identifier, oneOf, stringOr, tag, tagged, text } from './primitives.js';

/*
 * `tools`, `tool_choice`, `parallel_tool_calls` and the deprecated `functions` / `function_call`.
 * Whether a named choice matches an added tool is a cross-field rule (see preset-rules.ts).
 * @see https://platform.openai.com/docs/api-reference/chat/create#chat-create-tools
 */

const functionTool = closedObject('a function tool', {
  type: tag('type', 'function'),
  function: closedObject('function', {
    name: identifier('function.name'),
    description: v.exactOptional(text('function.description')),
    // A JSON Schema: its keys are JSON Schema's, not ours, so it is only checked to be JSON data.
    parameters: v.exactOptional(freeObject('function.parameters')),
    strict: v.exactOptional(v.nullable(flag('function.strict'))),
  }),
});

const customToolFormat = tagged(
  'type',
  'custom.format',
  ['text', 'grammar'],
  [
    closedObject('a text format', { type: tag('type', 'text') }),
    closedObject('a grammar format', {
      type: tag('type', 'grammar'),
      grammar: closedObject('grammar', {
        definition: text('grammar.definition'),
        syntax: oneOf('grammar.syntax', ['lark', 'regex']),
      }),
    }),
  ],
);

const customTool = closedObject('a custom tool', {
  type: tag('type', 'custom'),
  custom: closedObject('custom', {
    // Any string: the function-name pattern is documented for functions only, not for custom tools.
    name: text('custom.name'),
    description: v.exactOptional(text('custom.description')),
    format: v.exactOptional(customToolFormat),
  }),
});

/** `tools`: function and custom tools; present means at least one. */
export const toolsSchema = v.pipe(
  v.array(
    tagged('type', 'a tool', ['function', 'custom'], [functionTool, customTool]),
    'tools must be an array of tools',
  ),
  v.minLength(1, 'tools must not be empty (leave it out, or add a tool with .tool())'),
);

/** `tool_choice`: a mode, a named function or custom tool, or an allowed-tools subset. */
export const toolChoiceSchema = stringOr(
  v.picklist(
    ['none', 'auto', 'required'],
    "tool_choice must be 'none', 'auto' or 'required' (or an object naming a tool)",
  ),
  tagged(
    'type',
    'tool_choice',
    ['function', 'custom', 'allowed_tools'],
    [
      closedObject('a function tool choice', {
        type: tag('type', 'function'),
        function: closedObject('function', { name: text('function.name') }),
      }),
      closedObject('a custom tool choice', {
        type: tag('type', 'custom'),
        custom: closedObject('custom', { name: text('custom.name') }),
      }),
      closedObject('an allowed-tools choice', {
        type: tag('type', 'allowed_tools'),
        allowed_tools: closedObject('allowed_tools', {
          mode: oneOf('allowed_tools.mode', ['auto', 'required']),
          tools: v.array(freeObject('each allowed tool'), 'allowed_tools.tools must be an array of tools'),
        }),
      }),
    ],
    "tool_choice must be 'none', 'auto', 'required' or an object naming a tool",
  ),
);

/** `parallel_tool_calls`. */
export const parallelToolCallsSchema = flag('parallel_tool_calls');

/** `functions` (deprecated): 1 to 128 function definitions. */
export const functionsSchema = v.pipe(
  v.array(
    closedObject('a function', {
      name: identifier('name'),
      description: v.exactOptional(text('description')),
      parameters: v.exactOptional(freeObject('parameters')),
    }),
    'functions must be an array of functions',
  ),
  v.minLength(1, 'functions must not be empty (leave it out)'),
  v.maxLength(128, 'functions holds at most 128 functions'),
);

/** `function_call` (deprecated): `'none'`, `'auto'` or `{ name }`. */
export const functionCallSchema = stringOr(
  v.picklist(['none', 'auto'], "function_call must be 'none' or 'auto' (or { name })"),
  closedObject('function_call', { name: text('function_call.name') }),
);
