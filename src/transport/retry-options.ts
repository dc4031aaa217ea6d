/** What `onRetry` receives before the client waits and sends the same request again. */
export interface RetryEvent {
  /** The retry about to be made: 1 for the first retry. */
  readonly retry: number;
  /** How long the client waits before it (from `retry-after-ms`/`retry-after`, else the backoff). */
  readonly delayMs: number;
  /** Why: the `APIError` of a retryable status, or the `APIConnectionError`/`APITimeoutError`. */
  readonly error: Error;
}

/** Backoff between retries. Delay of retry n: `min(initial * 2^(n-1), max)`, less up to 25 % jitter. */
export interface RetryDelayOptions {
  /** Milliseconds before the first retry, before jitter. Default 500. */
  readonly initial?: number | undefined;
  /** Upper bound of the backoff delay in milliseconds. Default 8000. */
  readonly max?: number | undefined;
  /**
   * The longest `retry-after-ms`/`retry-after` the client will wait, in milliseconds. A server asking
   * for more is not retried: the error is thrown at once (its `headers` carry the server's answer).
   * Default 60000.
   */
  readonly maxRetryAfter?: number | undefined;
}

/** The backoff settings with their defaults filled in. */
export interface NormalizedRetryDelay {
  readonly initial: number;
  readonly max: number;
  readonly maxRetryAfter: number;
}
