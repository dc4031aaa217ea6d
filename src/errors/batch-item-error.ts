import { ChatwrightError } from './chatwright-error.js';

/**
 * A request of a batch that ended without an HTTP response: the line's `error` in the error file
 * (`code` as the API sent it, such as `batch_expired`), or a request the batch never ran. chatwright's
 * own codes: `batch_failed` (the batch was refused; `message` carries the API's reason),
 * `batch_cancelled`, `batch_expired`, `missing_result` (no line for this custom id in either file),
 * `result_file_unreadable` (the output or error file that would answer it could not be downloaded or
 * its download broke; `cause` says why) and `invalid_response` (its line's response is not a chat
 * completion; `cause` says why).
 * A request that did get an error status is an `APIError` of that status instead, as from `send()`.
 *
 * @example
 * for await (const result of job.results()) {
 *   if (!result.ok && result.error instanceof BatchItemError && result.error.code === 'batch_expired') retry.push(result.customId);
 * }
 */
export class BatchItemError extends ChatwrightError {
  override name = 'BatchItemError' as const;
  readonly customId: string;
  readonly code: string;
  /** The batch the request was part of. */
  readonly batchId: string;

  constructor(init: {
    readonly customId: string;
    readonly code: string;
    readonly message: string;
    readonly batchId: string;
    readonly cause?: unknown;
  }) {
    super(
      `${init.customId}: ${init.code}: ${init.message}`,
      init.cause === undefined ? undefined : { cause: init.cause },
    );
    this.customId = init.customId;
    this.code = init.code;
    this.batchId = init.batchId;
  }
}
