import type { ChatMessage, FunctionTool } from '../wire/request.js';
import type { ChatCompletionMessageFunctionToolCall } from '../wire/response.js';
import type { CompiledSchema } from './compile-schema.js';

/** What a tool's `run` receives besides its arguments. */
export interface ToolRunContext {
  /** The call being answered (its id, name and raw arguments). */
  readonly toolCall: ChatCompletionMessageFunctionToolCall;
  /** The conversation so far, the assistant message with this call included. */
  readonly messages: readonly ChatMessage[];
  /**
   * Aborted when the tool should stop: the caller aborted the loop, the tool's timeout passed (the
   * reason is a `ToolTimeoutError`), or, under `toolErrors: 'throw'`, a sibling tool failed. Pass it
   * on to fetches and the like; the loop stops awaiting the tool either way.
   */
  readonly signal: AbortSignal;
}

/**
 * A function tool made from a schema by `tool()`: its wire definition (computed and checked once),
 * how to parse its arguments, and what runs it. Frozen; share it between builders and presets.
 */
export interface ChatTool<TName extends string = string, TArgs = unknown, TResult = unknown> {
  readonly kind: 'chatwright.tool';
  readonly name: TName;
  /** The wire `tools[]` entry. */
  readonly definition: FunctionTool;
  /** The compiled schema of the arguments. */
  readonly schema: CompiledSchema<TArgs>;
  readonly run: ((args: TArgs, context: ToolRunContext) => TResult | Promise<TResult>) | undefined;
  /** Milliseconds `run` may take in the tool loop; `undefined`: the loop's `toolTimeout`, else none. */
  readonly timeout?: number | undefined;
  /** Type-level only: never set at runtime. */
  readonly '~types'?: { readonly args: TArgs; readonly result: TResult };
}
