import type { ParsedChatStream } from '../structured/parsed-chat-stream.js';
import type { ParsedChatCompletion, ParsedToolCall } from '../structured/parsed-completion.js';
import { type OptionNames, sendOptionNames } from '../transport/option-names.js';
import type { SendOptions } from '../transport/send-options.js';
import type { ChatMessage, ToolMessage } from '../wire/request.js';
import type { ChatCompletionMessageFunctionToolCall } from '../wire/response.js';

/** What the tool loop sends back when a tool throws: the error as text the model can read, or rethrow. */
export type ToolErrorHandling =
  | 'report'
  | 'throw'
  | ((error: unknown, toolCall: ChatCompletionMessageFunctionToolCall) => string);

/**
 * Options of `builder.run()`: the send options of every request, and the loop's own. An
 * `idempotencyKey` gets the step's index appended (`key-0`, `key-1`...): each step is a new request.
 */
export interface RunOptions<TParsed = unknown, TCall = ParsedToolCall> extends SendOptions {
  /** How many requests at most (each answer with tool calls costs one more). Default `10`. */
  readonly maxSteps?: number;
  /**
   * A tool that throws: `'report'` (default) sends `Error: <message>` back as its result, so the model
   * can recover; `'throw'` stops the loop with the error; a function makes the text. Arguments that
   * fail the tool's schema are reported the same way (`'throw'` throws the `ToolArgumentsError`).
   */
  readonly toolErrors?: ToolErrorHandling;
  /**
   * Milliseconds each tool call may take, for tools that set no `timeout` of their own; past them the
   * tool's signal is aborted and it fails with `ToolTimeoutError` (handled as `toolErrors` says).
   * Default: none.
   */
  readonly toolTimeout?: number;
  /** Called after each step, once its tools have run. Awaited. */
  readonly onStep?: (step: RunStep<TParsed, TCall>) => void | Promise<void>;
  /**
   * With `.stream()`: called with each step's stream before the loop reads it, to show it as it
   * arrives. Read it inside the hook (the loop awaits the hook, then the stream's `final()`).
   */
  readonly onStream?: (stream: ParsedChatStream<TParsed, TCall>, step: number) => void | Promise<void>;
}

/** The names of `RunOptions`, for `checkOptionNames()`. */
export const runOptionNames: OptionNames<RunOptions> = {
  ...sendOptionNames,
  maxSteps: true,
  toolErrors: true,
  toolTimeout: true,
  onStep: true,
  onStream: true,
};

/** One request of the tool loop and the tool results it led to. */
export interface RunStep<TParsed = unknown, TCall = ParsedToolCall> {
  /** 0 for the first request. */
  readonly index: number;
  readonly completion: ParsedChatCompletion<TParsed, TCall>;
  /** The calls of the first choice (empty on the final answer). */
  readonly toolCalls: readonly TCall[];
  /** The tool messages sent back for them, in the order of the calls. */
  readonly toolMessages: readonly ToolMessage[];
}

/** Why the tool loop stopped. */
export type RunStopReason =
  /** The model answered without calling a tool. */
  | 'done'
  /** `maxSteps` requests were made and the model still called tools: see `pendingToolCalls`. */
  | 'max_steps'
  /**
   * The model called a tool of the request that has no `run` (or was not made by `tool()`): see
   * `pendingToolCalls`. A call to a tool the request does not have is answered with an error instead.
   */
  | 'tool_without_run';

/** What `builder.run()` resolves to. */
export interface RunResult<TParsed = unknown, TCall = ParsedToolCall> {
  /** The last completion: the final answer when `stopReason` is `'done'`. */
  readonly completion: ParsedChatCompletion<TParsed, TCall>;
  /** The whole conversation: the request's messages, then every assistant message and tool result. */
  readonly messages: readonly ChatMessage[];
  readonly steps: readonly RunStep<TParsed, TCall>[];
  readonly stopReason: RunStopReason;
  /** The calls the loop did not answer (empty when `stopReason` is `'done'`). */
  readonly pendingToolCalls: readonly TCall[];
}
