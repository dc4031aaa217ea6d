import { isJsonObject } from '../schema/primitives.js';
import { assertStrictJsonSchema } from '../structured/strict-json-schema.js';
import type {
  CustomTool,
  CustomToolFormat,
  FunctionTool,
  JsonSchema,
  Tool,
  ToolChoice,
  ToolChoiceMode,
} from '../wire/request.js';
import { copyCallerData } from './copy-caller-data.js';

/** A function tool described by a JSON Schema. */
export interface FunctionToolInit<TName extends string = string> {
  /** `a-z A-Z 0-9 _ -`, at most 64 characters. */
  readonly name: TName;
  readonly description?: string;
  /** A JSON Schema object for the arguments; omitted means no arguments. */
  readonly parameters?: JsonSchema;
  /**
   * Structured-outputs mode: the model's arguments follow the schema exactly. Off unless set (the
   * API's default); when `true`, the schema must follow strict mode's rules, or `StrictSchemaError`.
   */
  readonly strict?: boolean;
  /** Never set: tells this init apart from a `tool()` object, which `.tool()` also takes. */
  readonly kind?: never;
}

/** A custom tool: free-form text input, optionally constrained by a grammar. */
export interface CustomToolInit<TName extends string = string> {
  readonly name: TName;
  readonly description?: string;
  readonly format?: CustomToolFormat;
}

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
