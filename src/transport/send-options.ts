/** Per-request options of `send()`. Each overrides the client's setting for this request only. */
export interface SendOptions {
  /** Aborts the request or stream; it then fails with `APIUserAbortError`. */
  readonly signal?: AbortSignal | undefined;
  /** Milliseconds before the request fails with `APITimeoutError`. */
  readonly timeout?: number | undefined;
  /** How many times to retry a retryable failure. */
  readonly maxRetries?: number | undefined;
  /** Extra headers for this request (a `null` value removes a client default header). */
  readonly headers?: Readonly<Record<string, string | null>> | undefined;
  /** Extra query parameters for this request (Azure's `api-version`, for one). */
  readonly query?: Readonly<Record<string, string>> | undefined;
  /** The idempotency key sent on every attempt; a fresh one per `send()` when absent. */
  readonly idempotencyKey?: string | undefined;
}
