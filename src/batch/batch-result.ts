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
 * The value of a batch result for builders of type `TBuilder`. Today the completion as the API sent
 * it; the type parameter is kept so that it can follow `send()`'s parsed type once batch results are
 * parsed (see `parseBatchCompletion`).
 */
export type inferBatchValue<_TBuilder> = BatchCompletion;
