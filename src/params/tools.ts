import type { CustomToolInit, FunctionToolInit } from '../builder/chat-builder.js';
import { copyCallerData } from '../internal/copy-caller-data.js';
import { isJsonObject } from '../schema/primitives.js';
import { assertStrictJsonSchema } from '../structured/strict-json-schema.js';
import type { CustomTool, FunctionTool, Tool, ToolChoice, ToolChoiceMode } from '../wire/request.js';

/**
 * A function tool from a JSON Schema, sent as given. Not strict unless asked (the API's default);
 * with `strict: true` the schema must already follow strict mode's rules, or `StrictSchemaError`.
 */
export function functionTool(init: FunctionToolInit): FunctionTool {
  const fn: FunctionTool['function'] = { name: init.name };
  if (init.description !== undefined) fn.description = init.description;
  if (init.parameters !== undefined) fn.parameters = copyCallerData(init.parameters, 'parameters');
  if (init.strict === true && isJsonObject(fn.parameters)) assertStrictJsonSchema(fn.parameters, init.name);
  if (init.strict !== undefined) fn.strict = init.strict;
  return { type: 'function', function: fn };
}

export function customTool(init: CustomToolInit): CustomTool {
  const custom: CustomTool['custom'] = { name: init.name };
  if (init.description !== undefined) custom.description = init.description;
  if (init.format !== undefined) custom.format = copyCallerData(init.format, 'format');
  return { type: 'custom', custom };
}

const modes: ReadonlySet<string> = new Set<ToolChoiceMode>(['none', 'auto', 'required']);

/**
 * A `tool_choice` from a mode, a tool's name or a wire object. A bare name becomes the named choice
 * of the tool's kind (function or custom); modes win over a tool that happens to be called `auto`.
 * `tools` is called only for a bare name: reading the tools makes a builder's body, which a chain
 * should pay once, at its end.
 */
export function toolChoice(choice: unknown, tools: () => readonly Tool[] | undefined): ToolChoice {
  if (typeof choice !== 'string') return copyCallerData(choice, 'tool_choice') as ToolChoice;
  if (modes.has(choice)) return choice as ToolChoiceMode;
  const custom = tools()?.some((tool) => tool.type === 'custom' && tool.custom.name === choice);
  return custom
    ? { type: 'custom', custom: { name: choice } }
    : { type: 'function', function: { name: choice } };
}

/** The legacy `function_call` from a mode, a function's name or `{ name }`. */
export function functionCall(choice: unknown): unknown {
  if (typeof choice !== 'string') return copyCallerData(choice, 'function_call');
  return choice === 'none' || choice === 'auto' ? choice : { name: choice };
}
