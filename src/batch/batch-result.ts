import type { ChatBuilder, CompletionOf } from '../builder/chat-builder.js';
import type { ChatwrightError } from '../errors/chatwright-error.js';
import type { ChatCompletion } from '../wire/response.js';

/** A completion from a batch's output file, with the line's `request_id` (not enumerable, as from `send()`). */
export type BatchCompletion = ChatCompletion & {
  /** The `request_id` the output line carries: the number to quote to OpenAI support. */
  readonly requestId: string | undefined;
};

/**
 * What a batch's request ended as, under its custom id: the completion, or the error: an `APIError`
 * of the line's status (as `send()` throws), a `BatchItemError` (expired, cancelled, refused, missing).
 */
export type BatchResult<TValue = BatchCompletion> =
  | { readonly customId: string; readonly ok: true; readonly value: TValue }
  | { readonly customId: string; readonly ok: false; readonly error: ChatwrightError };

/**
 * The value of a batch result for builders of type `TBuilder`: what their `send()` resolves to
 * (parsed output and typed tool calls included), less the HTTP response a batch line does not have.
 */
export type inferBatchValue<TBuilder> =
  TBuilder extends ChatBuilder<infer TState> ? Omit<CompletionOf<TState>, 'response'> : BatchCompletion;
