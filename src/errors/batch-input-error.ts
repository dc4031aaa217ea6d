import { ChatwrightError } from './chatwright-error.js';
import type { ValidationIssue } from './validation-error.js';

/** Why an input was refused before anything was uploaded. */
export type BatchInputProblem =
  | 'invalid_custom_id'
  | 'duplicate_custom_id'
  | 'invalid_request'
  | 'line_too_large'
  | 'invalid_limits'
  | 'invalid_prefix';

/**
 * A batch input was refused before anything was uploaded: a custom id that is empty or used twice,
 * a request that does not validate (`issues` says where), a line larger than a whole file may be,
 * limits above the API's, a file name prefix that would leave its directory.
 *
 * @example
 * try { await writeBatchFiles(items, { directory }); }
 * catch (error) { if (error instanceof BatchInputError) console.log(error.problem, error.customId); }
 */
export class BatchInputError extends ChatwrightError {
  override name = 'BatchInputError' as const;
  readonly problem: BatchInputProblem;
  /** The custom id of the offending item, when there is one. */
  readonly customId: string | undefined;
  /** For `invalid_request`: every validation issue, with its path in the request body. */
  readonly issues: readonly ValidationIssue[];

  constructor(
    problem: BatchInputProblem,
    message: string,
    init: {
      readonly customId?: string;
      readonly issues?: readonly ValidationIssue[];
      readonly cause?: unknown;
    } = {},
  ) {
    super(message, init.cause === undefined ? undefined : { cause: init.cause });
    this.problem = problem;
    this.customId = init.customId;
    this.issues = Object.freeze([...(init.issues ?? [])]);
  }
}
