import { ChatwrightError } from '../errors/chatwright-error.js';
import type { ChatTool, ToolRunContext } from '../structured/chat-tool.js';
import { compileSchema } from '../structured/compile-schema.js';
import type { inferOutput, StandardSchema } from '../structured/standard-schema.js';
import type { FunctionTool } from '../wire/request.js';

/** Options of {@link tool}. */
export interface ToolOptions<TName extends string, TSchema extends StandardSchema, TResult> {
  /** `a-z A-Z 0-9 _ -`, at most 64 characters; what the model calls the tool by. */
  readonly name: TName;
  /** What the tool does and when to call it: the model reads this. */
  readonly description?: string;
  /** The arguments: a valibot schema, or any Standard Schema with a JSON Schema converter (zod 4). */
  readonly parameters: TSchema;
  /**
   * Structured-outputs mode: the model's arguments follow the schema exactly. Default `true`; a
   * schema that cannot be made strict is refused here with a `StrictSchemaError`.
   */
  readonly strict?: boolean;
  /**
   * Runs the tool in the tool loop (`builder.run()`), with the parsed arguments; the result is sent
   * back to the model (strings as they are, anything else as JSON). Without it, the loop stops and
   * hands the calls to the caller.
   */
  readonly run?: (args: inferOutput<TSchema>, context: ToolRunContext) => TResult | Promise<TResult>;
  /**
   * Milliseconds `run` may take in the tool loop; past them its signal is aborted, the loop stops
   * awaiting it, and it fails with `ToolTimeoutError`. Default: `run()`'s `toolTimeout`, else none.
   */
  readonly timeout?: number;
}

// Deliberately without the side-effect-free annotation (bundlers honour it even in a comment, so
// its name is not spelled here): it throws StrictSchemaError, and a bundler drops an annotated call whose result is
// unused, error and all (tests/bundle/production-build.test.ts).
/**
 * Makes a function tool from a schema. The JSON Schema sent to the model is derived from the schema
 * (strict by default), the model's arguments are parsed with it, and the tool's name and argument
 * type follow it into the builder: `toolChoice()` accepts the name, and the calls in a response are
 * typed by it.
 *
 * @example
 * import * as v from 'valibot';
 * const weather = tool({
 *   name: 'get_weather',
 *   description: 'The current weather in a city',
 *   parameters: v.object({ city: v.string(), unit: v.optional(v.picklist(['c', 'f'])) }),
 *   run: async ({ city, unit }) => ({ city, temperature: 21, unit: unit ?? 'c' }),
 * });
 * const reply = await chat().model('gpt-4o').tool(weather).user('Weather in Paris?').run();
 */
export function tool<const TName extends string, TSchema extends StandardSchema, TResult = unknown>(
  options: ToolOptions<TName, TSchema, TResult>,
): ChatTool<TName, inferOutput<TSchema>, Awaited<TResult>> {
  const strict = options.strict ?? true;
  const schema = compileSchema(
    options.parameters as StandardSchema<unknown, inferOutput<TSchema>>,
    options.name,
    strict,
  );
  const fn: FunctionTool['function'] = { name: options.name };
  if (options.description !== undefined) fn.description = options.description;
  fn.parameters = schema.jsonSchema;
  fn.strict = strict;
  const definition: FunctionTool = Object.freeze({ type: 'function', function: Object.freeze(fn) });
  return Object.freeze({
    kind: 'chatwright.tool',
    name: options.name,
    definition,
    schema,
    run: options.run as ChatTool<TName, inferOutput<TSchema>, Awaited<TResult>>['run'],
    timeout: options.timeout === undefined ? undefined : checkToolTimeout(options.timeout, 'timeout'),
  });
}

// setTimeout fires at once past 2^31-1 ms: a longer limit would be none.
const maxToolTimeout = 2_147_483_647;

/** Checks a tool timeout (`tool({ timeout })`, `run({ toolTimeout })`): milliseconds from 1. */
export function checkToolTimeout(value: number, option: string): number {
  if (typeof value !== 'number' || !(value > 0) || value > maxToolTimeout) {
    throw new ChatwrightError(
      `${option} must be a number of milliseconds from 1 to ${maxToolTimeout}, got ${String(value)}.`,
    );
  }
  return value;
}

/** Whether a value is a tool made by {@link tool} (rather than a plain `{ name, parameters }` init). */
export function isChatTool(value: unknown): value is ChatTool {
  return (
    typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'chatwright.tool'
  );
}

/** The text a tool's result is sent back as: strings as they are, anything else as JSON. */
export function toolResultText(result: unknown): string {
  if (typeof result === 'string') return result;
  return JSON.stringify(result) ?? 'null';
}
