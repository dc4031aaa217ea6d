import { APIError } from './api-error.js';

/** HTTP 500 or above: the server failed; retried by default. */
export class InternalServerError extends APIError {
  override name = 'InternalServerError' as const;
}
