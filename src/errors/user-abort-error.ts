import { ChatwrightError } from './chatwright-error.js';

/** The caller aborted the request or stream through its `AbortSignal` (or `stream.abort()`). */
export class APIUserAbortError extends ChatwrightError {
  override name = 'APIUserAbortError' as const;

  constructor(message = 'Request was aborted.', options?: { cause?: unknown }) {
    super(message, options);
  }
}
