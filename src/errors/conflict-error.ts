import { APIError } from './api-error.js';

/** HTTP 409: a conflict with the state of a resource; retried by default. */
export class ConflictError extends APIError {
  override name = 'ConflictError' as const;
}
