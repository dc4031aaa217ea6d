import { APIError } from './api-error.js';

/** HTTP 429: rate limit or quota reached; retried by default, honouring `retry-after`. */
export class RateLimitError extends APIError {
  override name = 'RateLimitError' as const;
}
