import { APIError } from './api-error.js';

/** HTTP 403: the key may not use this model, region or resource. */
export class PermissionDeniedError extends APIError {
  override name = 'PermissionDeniedError' as const;
}
