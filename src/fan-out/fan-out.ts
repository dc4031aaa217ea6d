import { normalizeRetryDelay } from '../client/client-options.js';
import { APIError } from '../errors/api-error.js';
import { APIUserAbortError } from '../errors/user-abort-error.js';
import type { ChatStream } from '../stream/chat-stream.js';
import { fanOutRetryEvent, startFanOutSpan } from '../telemetry/fan-out-span.js';
import { noScope, type SpanScope } from '../telemetry/span-scope.js';
import { withTraceParent } from '../telemetry/trace-parent.js';
import { newIdempotencyKey } from '../transport/idempotency-key.js';
import { checkOptionNames, type OptionNames, sendOptionNames } from '../transport/option-names.js';
import type { NormalizedRetryDelay, RetryDelayOptions } from '../transport/retry-options.js';
import { isRetryableError, retryDelay } from '../transport/retry-policy.js';
import type { SendOptions } from '../transport/send-options.js';
import type { ChatCompletion } from '../wire/response.js';
import { parseResetDuration } from './parse-reset-duration.js';
import { TokenPacer } from './token-pacer.js';

/** A stream `fanOut()` reads to its end: a `ChatStream`, a `ParsedChatStream`, anything with `final()`. */
export interface FinalizableStream {
  final(): PromiseLike<unknown>;
  readonly response?: PromiseLike<Response> | undefined;
}

/** Anything that sends itself: a complete `ChatBuilder` (streaming ones are read to their end). */
export interface Sendable {
  readonly send: (options?: SendOptions) => PromiseLike<unknown> | FinalizableStream;
}

/**
 * What a fan-out gives for builders of type `TBuilder`: what their `send()` resolves to, or for a
 * stream what its `final()` resolves to (`ChatCompletion`, or a `ParsedChatCompletion` with a schema).
 */
export type inferFanOutValue<TBuilder> = TBuilder extends {
  readonly send: (options?: SendOptions) => infer $R;
}
  ? $R extends ChatStream
    ? ChatCompletion
    : $R extends { final(): PromiseLike<infer $Final> }
      ? $Final
      : Awaited<$R>
  : never;

/** One request's outcome, at its input's index: the value, or the error `send()` ended with. */
export type FanOutResult<TValue> =
  | { readonly ok: true; readonly value: TValue }
  | { readonly ok: false; readonly error: Error };

/** What `onProgress` receives after each request ends and whenever the fan-out pauses. */
export interface FanOutProgress {
  readonly total: number;
  /** Requests with a result (value or error). */
  readonly done: number;
  readonly succeeded: number;
  readonly failed: number;
  /** Requests being sent now. */
  readonly inFlight: number;
  /** Retries made so far (after 429s and other retryable failures). */
  readonly retries: number;
  /** While new requests are held back (a 429, or no rate-limit budget left): until when (epoch ms). */
  readonly pausedUntil: number | undefined;
}

/** Options of `fanOut()`. */
export interface FanOutOptions {
  /** Requests in flight at once. Default 8. */
  readonly concurrency?: number | undefined;
  /**
   * Retries of a retryable failure (429, 408, 409, 5xx, connection errors, timeouts), per request.
   * The fan-out owns them (each `send()` runs with `maxRetries: 0`) so that a 429 can hold back every
   * request, not only the one that got it. Default 5.
   */
  readonly maxRetries?: number | undefined;
  /** Backoff between retries, as the client's `retryDelay` (same defaults). */
  readonly retryDelay?: RetryDelayOptions | undefined;
  /** Cancels everything: waits end at once, requests in flight are aborted, the rest never start. */
  readonly signal?: AbortSignal | undefined;
  /**
   * Called after each request ends and whenever the fan-out pauses. An exception it throws is
   * ignored: it neither fails a request nor stops the fan-out.
   */
  readonly onProgress?: ((progress: FanOutProgress) => void) | undefined;
  /**
   * With chatwright/tokens loaded, a request whose prompt plus output limit would overdraw the last
   * `x-ratelimit-remaining-tokens` waits for `x-ratelimit-reset-tokens` (token-pacer.ts). Default
   * true; without chatwright/tokens it has no effect.
   */
  readonly tokenPacing?: boolean | undefined;
  /** Options passed to every `send()` (timeout, headers, query). */
  readonly sendOptions?: Omit<SendOptions, 'signal' | 'maxRetries' | 'idempotencyKey'> | undefined;
}

/** The names of `FanOutOptions`, for `checkOptionNames()`. */
export const fanOutOptionNames: OptionNames<FanOutOptions> = {
  concurrency: true,
  maxRetries: true,
  retryDelay: true,
  signal: true,
  onProgress: true,
  sendOptions: true,
  tokenPacing: true,
};

/**
 * Sends many builders concurrently, at most `concurrency` at a time, and resolves with one result per
 * builder in input order, each `{ ok: true, value }` or `{ ok: false, error }`: it never rejects, so
 * one failure loses no other answer. Rate limits are shared across the fan-out:
 * - a 429 holds back every new request for the server's `retry-after-ms`/`retry-after` (else the
 *   backoff, growing while 429s follow each other), then the request is retried;
 * - when a response's `x-ratelimit-remaining-requests` is no more than the requests still in flight,
 *   or `x-ratelimit-remaining-tokens` is below what they are likely to use (the average `total_tokens`
 *   so far), new requests wait for `x-ratelimit-reset-requests`/`-tokens` (`6m0s`, `1s`, `20ms`).
 * No pause lasts longer than `retryDelay.maxRetryAfter` (default 60 s), whatever a header says.
 * Aborting `signal` ends it promptly: every request not finished gets an `APIUserAbortError`.
 *
 * @example
 * const preset = client.chat().model('gpt-4o-mini').system('Answer in one word.');
 * const results = await fanOut(questions.map((q) => preset.user(q)), {
 *   concurrency: 32,
 *   onProgress: (p) => console.log(`${p.done}/${p.total}`),
 * });
 * for (const result of results) console.log(result.ok ? result.value.choices[0]?.message.content : result.error.message);
 */
export async function fanOut<TBuilder extends Sendable>(
  builders: Iterable<TBuilder>,
  options: FanOutOptions = {},
): Promise<FanOutResult<inferFanOutValue<TBuilder>>[]> {
  const run = new FanOutRun<TBuilder>(Array.from(builders), options);
  return run.start();
}

class FanOutRun<TBuilder extends Sendable> {
  readonly #builders: readonly TBuilder[];
  readonly #options: FanOutOptions;
  readonly #results: FanOutResult<inferFanOutValue<TBuilder>>[];
  readonly #delays: NormalizedRetryDelay;
  readonly #concurrency: number;
  readonly #maxRetries: number;
  readonly #waits = new Set<() => void>();
  /**
   * One controller per request in flight, aborted from the fan-out's one listener on the caller's
   * signal: passing that signal to every send() would put `concurrency` listeners on it (Node warns
   * past ten).
   */
  readonly #inFlightControllers = new Set<AbortController>();
  #next = 0;
  #succeeded = 0;
  #failed = 0;
  #inFlight = 0;
  #retries = 0;
  #pausedUntil = 0;
  // Consecutive 429s across the fan-out: the shared backoff grows with them, a success resets it.
  #strikes = 0;
  #tokensUsed = 0;
  #tokenSamples = 0;
  readonly #pacer: TokenPacer | undefined;
  #span: SpanScope = noScope;

  constructor(builders: readonly TBuilder[], options: FanOutOptions) {
    checkOptionNames(options, fanOutOptionNames, 'fanOut()');
    checkOptionNames(options.sendOptions, sendOptionNames, 'fanOut() sendOptions');
    this.#builders = builders;
    this.#options = options;
    this.#results = new Array(builders.length);
    this.#maxRetries = options.maxRetries ?? 5;
    this.#delays = normalizeRetryDelay(options.retryDelay);
    this.#concurrency = options.concurrency ?? 8;
    this.#pacer = TokenPacer.create(options.tokenPacing);
    if (!Number.isInteger(this.#concurrency) || this.#concurrency < 1) {
      throw new RangeError(`concurrency must be a whole number from 1 (got ${this.#concurrency})`);
    }
    if (!Number.isInteger(this.#maxRetries) || this.#maxRetries < 0) {
      throw new RangeError(`maxRetries must be a whole number from 0 (got ${this.#maxRetries})`);
    }
  }

  async start(): Promise<FanOutResult<inferFanOutValue<TBuilder>>[]> {
    const signal = this.#options.signal;
    const onAbort = (): void => {
      for (const wake of this.#waits) wake();
      for (const controller of this.#inFlightControllers) controller.abort(signal?.reason);
    };
    this.#span = await startFanOutSpan(this.#builders.length, this.#concurrency);
    signal?.addEventListener('abort', onAbort, { once: true });
    try {
      const workers = Math.min(this.#concurrency, this.#builders.length);
      await Promise.all(Array.from({ length: workers }, () => this.#work()));
    } finally {
      signal?.removeEventListener('abort', onAbort);
      this.#span.set({
        'chatwright.fan_out.succeeded': this.#succeeded,
        'chatwright.fan_out.failed': this.#failed,
        'chatwright.fan_out.retries': this.#retries,
      });
      this.#span.end(signal?.aborted ? aborted(signal) : undefined);
    }
    return this.#results;
  }

  async #work(): Promise<void> {
    for (let index = this.#next++; index < this.#builders.length; index = this.#next++) {
      const result = await this.#one(this.#builders[index] as TBuilder);
      this.#results[index] = result;
      if (result.ok) this.#succeeded++;
      else this.#failed++;
      this.#report();
    }
  }

  async #one(builder: TBuilder): Promise<FanOutResult<inferFanOutValue<TBuilder>>> {
    const signal = this.#options.signal;
    // One key for every attempt: a retry after a lost answer is not run twice by the server.
    const idempotencyKey = newIdempotencyKey();
    const tokens = this.#pacer?.cost(builder);
    for (let attempt = 0; ; attempt++) {
      await this.#ready();
      const ticket = tokens === undefined ? undefined : await this.#paced(tokens);
      if (signal?.aborted) return { ok: false, error: aborted(signal) };
      this.#inFlight++;
      let failure: unknown;
      const controller = new AbortController();
      this.#inFlightControllers.add(controller);
      try {
        const { value, headers } = await sendOnce(
          builder,
          withTraceParent(
            {
              ...this.#options.sendOptions,
              signal: signal === undefined ? undefined : controller.signal,
              maxRetries: 0,
              idempotencyKey,
            },
            this.#span.context,
          ),
        );
        this.#inFlight--;
        this.#strikes = 0;
        const tokens = (value as { usage?: { total_tokens?: unknown } } | null)?.usage?.total_tokens;
        if (typeof tokens === 'number') {
          this.#tokensUsed += tokens;
          this.#tokenSamples++;
        }
        this.#observe(headers, ticket);
        return { ok: true, value: value as inferFanOutValue<TBuilder> };
      } catch (error) {
        this.#inFlight--;
        failure = error;
      } finally {
        this.#inFlightControllers.delete(controller);
      }
      const headers = failure instanceof APIError ? failure.headers : undefined;
      this.#observe(headers, ticket);
      const error = failure instanceof Error ? failure : new Error(String(failure), { cause: failure });
      if (signal?.aborted || error instanceof APIUserAbortError) return { ok: false, error };
      if (!isRetryableError(error) || attempt >= this.#maxRetries) return { ok: false, error };
      const rateLimited = error instanceof APIError && error.status === 429;
      const delay = retryDelay(rateLimited ? ++this.#strikes : attempt + 1, headers, this.#delays);
      // A server asking to wait longer than maxRetryAfter is not waited for, as in the client.
      if (delay === undefined) return { ok: false, error };
      this.#retries++;
      this.#span.event('chatwright.retry', fanOutRetryEvent(attempt + 1, delay, error));
      if (rateLimited) this.#pause(delay);
      else await this.#sleep(delay);
    }
  }

  /**
   * Waits until a request of `tokens` fits the token budget (token pacing); its pacing ticket. Each
   * request waits for its own window (a pause of the whole fan-out would hold back requests that fit
   * an earlier one: measured slower), at most `maxRetryAfter`, as every wait of the fan-out.
   */
  async #paced(tokens: number): Promise<number | undefined> {
    const pacer = this.#pacer as TokenPacer;
    for (;;) {
      const reserved = pacer.reserve(tokens, Date.now());
      if ('ticket' in reserved) return reserved.ticket;
      if (this.#options.signal?.aborted) return undefined;
      const cap = this.#delays.maxRetryAfter;
      await this.#sleep(Math.min(reserved.wait, cap));
      // A budget that resets later than maxRetryAfter is not waited for: the request goes unpaced,
      // and a 429 then has its own rules (as for the reset headers in #observe).
      if (reserved.wait > cap) return undefined;
    }
  }

  /** Reads the rate-limit headers of an answer and holds new requests back when the budget is spent. */
  #observe(headers: Headers | undefined, ticket: number | undefined): void {
    if (headers === undefined) return;
    if (ticket !== undefined) this.#pacer?.observe(headers, Date.now(), ticket);
    const requests = intHeader(headers, 'x-ratelimit-remaining-requests');
    if (requests !== undefined && requests <= this.#inFlight) {
      const reset = parseResetDuration(headers.get('x-ratelimit-reset-requests'));
      if (reset !== undefined) this.#pause(reset);
    }
    const tokens = intHeader(headers, 'x-ratelimit-remaining-tokens');
    if (tokens !== undefined) {
      const average = this.#tokenSamples === 0 ? 0 : this.#tokensUsed / this.#tokenSamples;
      if (tokens <= 0 || tokens < average * (this.#inFlight + 1)) {
        const reset = parseResetDuration(headers.get('x-ratelimit-reset-tokens'));
        if (reset !== undefined) this.#pause(reset);
      }
    }
  }

  /**
   * Holds new requests back for `ms`, at most `maxRetryAfter`: a reset header of two hours (or of
   * more than a timer can hold) must not stall the fan-out; a server still out of budget then answers
   * 429, which has its own rules.
   */
  #pause(ms: number): void {
    const until = Date.now() + Math.min(ms, this.#delays.maxRetryAfter);
    if (until <= this.#pausedUntil) return;
    this.#pausedUntil = until;
    this.#report();
  }

  /** Waits while the fan-out is paused (a pause may be extended while waiting). */
  async #ready(): Promise<void> {
    for (let left = this.#pausedUntil - Date.now(); left > 0; left = this.#pausedUntil - Date.now()) {
      if (this.#options.signal?.aborted) return;
      await this.#sleep(left);
    }
  }

  /** A timer that an abort ends at once; nothing is left pending either way. */
  #sleep(ms: number): Promise<void> {
    if (this.#options.signal?.aborted) return Promise.resolve();
    return new Promise((resolve) => {
      const wake = (): void => {
        clearTimeout(timer);
        this.#waits.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      this.#waits.add(wake);
    });
  }

  /** Calls onProgress; what it throws is ignored, so a faulty logger cannot fail or stop the fan-out. */
  #report(): void {
    const onProgress = this.#options.onProgress;
    if (onProgress === undefined) return;
    const paused = this.#pausedUntil > Date.now() ? this.#pausedUntil : undefined;
    try {
      onProgress({
        total: this.#builders.length,
        done: this.#succeeded + this.#failed,
        succeeded: this.#succeeded,
        failed: this.#failed,
        inFlight: this.#inFlight,
        retries: this.#retries,
        pausedUntil: paused,
      });
    } catch {
      // Ignored on purpose: fanOut() promises to never reject and to keep every result it got.
    }
  }
}

/** One send: a promise's value, or a stream read to its end; with the answer's headers. */
async function sendOnce(
  builder: Sendable,
  options: SendOptions,
): Promise<{ readonly value: unknown; readonly headers: Headers | undefined }> {
  const sent = builder.send(options);
  // Duck-typed, not `instanceof ChatStream`: a structured-output stream (ParsedChatStream) wraps one.
  if (isFinalizable(sent)) {
    const value = await sent.final();
    const response = await sent.response;
    return { value, headers: response instanceof Response ? response.headers : undefined };
  }
  const value = await sent;
  const response = (value as { readonly response?: unknown } | null)?.response;
  return { value, headers: response instanceof Response ? response.headers : undefined };
}

function isFinalizable(sent: PromiseLike<unknown> | FinalizableStream): sent is FinalizableStream {
  return typeof (sent as Partial<FinalizableStream>).final === 'function';
}

function intHeader(headers: Headers, name: string): number | undefined {
  const value = headers.get(name);
  if (value === null || value.trim() === '') return undefined;
  const number = Number(value);
  return Number.isFinite(number) ? number : undefined;
}

function aborted(signal: AbortSignal): APIUserAbortError {
  return new APIUserAbortError('Request was aborted.', { cause: signal.reason });
}
