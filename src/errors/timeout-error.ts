import { APIConnectionError } from './connection-error.js';

/** The request or stream took longer than its `timeout`. */
export class APITimeoutError extends APIConnectionError {
  override name = 'APITimeoutError' as const;
}
