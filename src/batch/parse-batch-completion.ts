import type { ChatCompletion } from '../wire/response.js';
import type { BatchSource } from './to-batch-line.js';

/** Turns one completion of a batch into its result value. */
export type BatchCompletionParser = (completion: ChatCompletion) => unknown;

/**
 * The parser of a builder's batch results, or `undefined` when the completion is the result as it
 * came. This is the one seam between batches and structured outputs: a builder with a response schema
 * or schema tools should return a parser that does what its `send()` does (`message.parsed`,
 * `parsed_arguments`, the same errors). Return the same function for builders of one preset: the
 * batch keeps one reference per custom id until its results are read.
 *
 * @example
 * const parse = parseBatchCompletion(builder); // undefined: results are the raw completions
 */
export function parseBatchCompletion(_builder: BatchSource): BatchCompletionParser | undefined {
  return undefined;
}
