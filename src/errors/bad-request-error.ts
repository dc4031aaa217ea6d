import { APIError } from './api-error.js';

/** HTTP 400: the API rejected the request (an unsupported parameter or value). */
export class BadRequestError extends APIError {
  override name = 'BadRequestError' as const;
}
