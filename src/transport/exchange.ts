import { apiErrorFromStatus } from '../errors/api-error-from-status.js';
import type { ChatwrightError } from '../errors/chatwright-error.js';
import { APIConnectionError } from '../errors/connection-error.js';
import { APITimeoutError } from '../errors/timeout-error.js';
import { APIUserAbortError } from '../errors/user-abort-error.js';
import type { FetchFunction } from './fetch-function.js';
import { isNetworkError, post, unwrapNetworkError } from './http.js';
import { readErrorBody } from './read-error-body.js';
import { isRedirect, redirectError } from './redirect.js';
import type { NormalizedRetryDelay, RetryEvent } from './retry-options.js';
import { isRetryableError, retryDelay } from './retry-policy.js';

/** Everything one `send()` needs, resolved by the client: one value, no callbacks into the client. */
export interface ExchangeRequest {
  readonly fetch: FetchFunction | undefined;
  readonly url: string;
  readonly body: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly searchParams: Readonly<Record<string, string>> | undefined;
  readonly timeout: number;
  readonly maxRetries: number;
  readonly retryDelay: NormalizedRetryDelay;
  readonly onRetry: ((event: RetryEvent) => void) | undefined;
  readonly signal: AbortSignal | undefined;
  /**
   * Runs after each failed attempt, before retrying is decided. Resolving `true` ends the exchange
   * with that attempt's error, because the caller resolved the failure some other way (a batch
   * create whose lost answer it found in `GET /batches`). Absent for completions.
   */
  readonly settle?: ((error: ChatwrightError) => Promise<boolean>) | undefined;
}

/** The accepted answer: a 2xx response, and its body text when it was read under the timer. */
export interface ExchangeResult {
  readonly response: Response;
  readonly text: string | undefined;
}

type AttemptOutcome =
  | { readonly ok: true; readonly result: ExchangeResult }
  | {
      readonly ok: false;
      readonly error: ChatwrightError;
      readonly headers?: Headers;
    };

/**
 * One `send()`: its attempts, the timer of each, the backoff between them, and the abort that ends
 * them all. Each attempt gets its own AbortController because a timed-out attempt's signal is spent
 * while the retry still needs a live one. Nothing is left behind: every timer is cleared when its
 * wait ends, and the listener on the caller's signal is removed when the exchange is released.
 */
export class Exchange {
  readonly #request: ExchangeRequest;
  #controller: AbortController | undefined;
  #aborted: { readonly reason: unknown } | undefined;
  #wake: (() => void) | undefined;
  readonly #onUserAbort: (() => void) | undefined;

  constructor(request: ExchangeRequest) {
    this.#request = request;
    const signal = request.signal;
    if (signal === undefined) return;
    if (signal.aborted) {
      this.#aborted = { reason: signal.reason };
      return;
    }
    this.#onUserAbort = () => this.abort(signal.reason);
    signal.addEventListener('abort', this.#onUserAbort, { once: true });
  }

  /**
   * Ends the exchange: the attempt in flight is aborted with `reason` (a body being read fails with
   * it), a backoff wait ends at once, and no further attempt starts.
   */
  abort(reason?: unknown): void {
    if (this.#aborted !== undefined) return;
    this.#aborted = { reason };
    this.#controller?.abort(reason);
    this.#wake?.();
  }

  /** Milliseconds per attempt; also how long a body read later may wait for the server. */
  get timeout(): number {
    return this.#request.timeout;
  }

  /** The signal of the current (after `send()` resolves: the accepted) attempt. */
  get signal(): AbortSignal | undefined {
    return this.#controller?.signal;
  }

  /** Stops listening to the caller's signal: call once the response (and its body) is done with. */
  release(): void {
    if (this.#onUserAbort !== undefined)
      this.#request.signal?.removeEventListener('abort', this.#onUserAbort);
  }

  /**
   * Sends until a 2xx answer, a final error, or the retries run out. With `readBody`, the body text is
   * read inside the attempt's timeout (a non-streaming completion); without, the timer stops at the
   * response headers and the body is the caller's to read (a stream, never retried after this).
   */
  async send(readBody: boolean): Promise<ExchangeResult> {
    const { maxRetries } = this.#request;
    for (let retry = 0; ; retry++) {
      this.#throwIfAborted();
      const outcome = await this.#attempt(readBody);
      if (outcome.ok) {
        // Aborted in the instant the headers arrived: the body is already doomed, do not hand it out.
        if (this.#aborted !== undefined && !readBody) {
          outcome.result.response.body?.cancel().catch(() => {});
          this.#throwIfAborted();
        }
        return outcome.result;
      }
      if (this.#request.settle !== undefined && (await this.#request.settle(outcome.error)))
        throw outcome.error;
      if (!isRetryableError(outcome.error) || retry >= maxRetries) throw outcome.error;
      const delayMs = retryDelay(retry + 1, outcome.headers, this.#request.retryDelay);
      if (delayMs === undefined) throw outcome.error;
      this.#request.onRetry?.({ retry: retry + 1, delayMs, error: outcome.error });
      // An abort before the wait starts (from onRetry itself, say) must not wait for the delay.
      this.#throwIfAborted();
      await this.#sleep(delayMs);
    }
  }

  #throwIfAborted(): void {
    if (this.#aborted !== undefined) throw userAbort(this.#aborted.reason);
  }

  async #attempt(readBody: boolean): Promise<AttemptOutcome> {
    const { fetch, url, body, headers, searchParams, timeout } = this.#request;
    const controller = new AbortController();
    this.#controller = controller;
    const timer = setTimeout(() => {
      controller.abort(new APITimeoutError(`Request timed out after ${timeout} ms.`));
    }, timeout);
    try {
      let response: Response;
      try {
        response = await post({ url, body, headers, searchParams, signal: controller.signal, fetch });
      } catch (error) {
        if (!isNetworkFailure(error, controller)) {
          // Not the network: the request could not be built (a header fetch refuses, a bug in a custom
          // fetch). Sending it again fails the same way, and such an error's message may quote a header
          // value (an API key): neither its message nor the error itself is kept.
          this.#throwIfAborted();
          const name = error instanceof Error ? error.name : typeof error;
          return {
            ok: false,
            error: new APIConnectionError(
              `Connection error: the request could not be sent (fetch threw a ${name} that is not a ` +
                'network failure; its message is not shown, as it may quote a header value).',
              { retryable: false },
            ),
          };
        }
        return { ok: false, error: this.#failure(controller, error) };
      }
      // A 3xx is final: following it, or trying again, could only send the credentials elsewhere.
      if (isRedirect(response)) return { ok: false, error: redirectError(response, url) };
      if (!response.ok) {
        let text: string;
        try {
          text = await readErrorBody(response);
        } catch (error) {
          return { ok: false, error: this.#failure(controller, error) };
        }
        const error = apiErrorFromStatus(response.status, parseErrorBody(text), response.headers, text);
        return {
          ok: false,
          error,
          headers: response.headers,
        };
      }
      if (!readBody) return { ok: true, result: { response, text: undefined } };
      try {
        return { ok: true, result: { response, text: await response.text() } };
      } catch (error) {
        // The server answered 2xx and has done (and billed) the work: a body lost on the way is not
        // sent again.
        return { ok: false, error: this.#failure(controller, error, false) };
      }
    } finally {
      clearTimeout(timer);
    }
  }

  /**
   * Names why an attempt failed: the timer fired, or the connection failed (both retryable). An abort
   * by the caller is thrown instead of returned, because nothing may retry it.
   */
  #failure(controller: AbortController, error: unknown, retryable = true): ChatwrightError {
    if (this.#aborted !== undefined) throw userAbort(this.#aborted.reason);
    const reason: unknown = controller.signal.aborted ? controller.signal.reason : undefined;
    if (reason instanceof APITimeoutError) {
      // `retryable: false` tells fanOut and callers what the client decided: do not send it again.
      return retryable ? reason : new APITimeoutError(reason.message, { retryable: false });
    }
    const cause = unwrapNetworkError(error);
    return new APIConnectionError(`Connection error: ${innermostMessage(cause)}`, { cause, retryable });
  }

  #sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.#wake = undefined;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.#wake = done;
    });
  }
}

/**
 * Whether post() failed on the network: ky's NetworkError (a fetch TypeError it recognises), or the
 * attempt's own abort (its timer, the caller). Anything else happened before a byte was sent.
 */
function isNetworkFailure(error: unknown, controller: AbortController): boolean {
  return isNetworkError(error) || controller.signal.aborted;
}

function userAbort(reason: unknown): APIUserAbortError {
  return new APIUserAbortError('Request was aborted.', { cause: reason });
}

function parseErrorBody(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** The most specific message in a cause chain: undici says "fetch failed", its cause says why. */
export function innermostMessage(error: unknown): string {
  let message = 'the request failed';
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current instanceof Error; depth++) {
    if (current.message) message = current.message;
    current = current.cause;
  }
  return message;
}

/**
 * The typed error of a body read that failed after `send()` returned (a download): the caller's
 * abort, the attempt's timer (its `APITimeoutError`), or the connection, never fetch's own
 * `TypeError: terminated` nor a raw abort reason.
 */
export function bodyReadError(
  error: unknown,
  callerSignal: AbortSignal | undefined,
  attemptSignal: AbortSignal | undefined,
): ChatwrightError {
  if (callerSignal?.aborted) return userAbort(callerSignal.reason);
  const reason: unknown = attemptSignal?.aborted ? attemptSignal.reason : undefined;
  if (reason instanceof APITimeoutError) return reason;
  if (reason !== undefined) return userAbort(reason);
  return new APIConnectionError(
    `Connection error: the body was cut while it was read (${innermostMessage(error)}).`,
    {
      cause: unwrapNetworkError(error),
    },
  );
}
