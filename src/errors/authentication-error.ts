import { APIError } from './api-error.js';

/** HTTP 401: the API key is missing, wrong or revoked. */
export class AuthenticationError extends APIError {
  override name = 'AuthenticationError' as const;
}
