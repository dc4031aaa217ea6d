import { ChatwrightError } from './chatwright-error.js';

/**
 * No usable HTTP answer: the connection failed, was refused or was cut. Retried by default, unless
 * `retryable` is false: the client never retries those, and neither does `fanOut()`.
 *
 * @example
 * try { await chat().model('gpt-4o').user('Hi').send(); }
 * catch (error) { if (error instanceof APIConnectionError && error.retryable) scheduleRetry(); }
 */
export class APIConnectionError extends ChatwrightError {
  override name: string = 'APIConnectionError';
  /**
   * False when sending again could do the work twice or cannot help: the server answered 2xx (and
   * billed the work) but the body was lost, a stream failed after its first event, or the request
   * could not even be built. True for a failure before any answer, and for a timeout.
   */
  readonly retryable: boolean;

  constructor(message: string, options?: { cause?: unknown; retryable?: boolean | undefined }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.retryable = options?.retryable ?? true;
  }
}
