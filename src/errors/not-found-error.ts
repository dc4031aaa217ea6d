import { APIError } from './api-error.js';

/** HTTP 404: the model or endpoint does not exist (check `baseURL` and the model id). */
export class NotFoundError extends APIError {
  override name = 'NotFoundError' as const;
}
