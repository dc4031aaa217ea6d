import { APIError } from './api-error.js';

/** HTTP 422: the body was well formed but could not be processed. */
export class UnprocessableEntityError extends APIError {
  override name = 'UnprocessableEntityError' as const;
}
