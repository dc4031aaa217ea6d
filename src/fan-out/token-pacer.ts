import { tokenHooks } from '../internal/token-hooks.js';
import { parseResetDuration } from './parse-reset-duration.js';

/*
 * Pacing a fan-out by tokens, when chatwright/tokens is loaded: each request's cost is what the API's
 * rate limiter charges when it arrives (its prompt tokens plus the output it allows), and a request
 * whose cost would overdraw the `x-ratelimit-remaining-tokens` last reported is held until that
 * budget's `x-ratelimit-reset-tokens`. Requests started since the last report are charged against it,
 * as the server charges them.
 */
export class TokenPacer {
  readonly #promptTokens: (body: { readonly [field: string]: unknown }) => number;
  /** The budget the server last reported, or `undefined` before any report and after its reset. */
  #remaining: number | undefined;
  #resetAt = 0;
  /** Tokens of the requests started since that report. */
  #spent = 0;

  private constructor(promptTokens: (body: { readonly [field: string]: unknown }) => number) {
    this.#promptTokens = promptTokens;
  }

  /** A pacer when chatwright/tokens is loaded (and pacing is not turned off); else `undefined`. */
  static create(enabled: boolean | undefined): TokenPacer | undefined {
    const hooks = tokenHooks();
    if (enabled === false || hooks === undefined) return undefined;
    return new TokenPacer((body) => hooks.promptTokens(body));
  }

  /** What the rate limiter will charge for a request: its prompt plus its output limit. */
  cost(request: unknown): number | undefined {
    const toJSON = (request as { toJSON?: unknown } | null)?.toJSON;
    if (typeof toJSON !== 'function') return undefined;
    const body = toJSON.call(request) as { readonly [field: string]: unknown };
    const output = body.max_completion_tokens ?? body.max_tokens;
    return this.#promptTokens(body) + (typeof output === 'number' ? output : 0);
  }

  /** Takes in a response's token budget. */
  observe(headers: Headers, now: number): void {
    const value = headers.get('x-ratelimit-remaining-tokens');
    const remaining = value === null || value.trim() === '' ? Number.NaN : Number(value);
    const reset = parseResetDuration(headers.get('x-ratelimit-reset-tokens'));
    if (!Number.isFinite(remaining) || reset === undefined) return;
    this.#remaining = remaining;
    this.#resetAt = now + reset;
    this.#spent = 0;
  }

  /**
   * Charges a request of `tokens` and returns 0 when it can start now; else how long to wait (the
   * time to the budget's reset), charging nothing. Past the reset the budget is unknown again, so a
   * request larger than a whole budget still goes, once.
   */
  reserve(tokens: number, now: number): number {
    if (this.#remaining !== undefined && now >= this.#resetAt) this.#remaining = undefined;
    if (this.#remaining === undefined || this.#spent + tokens <= this.#remaining) {
      this.#spent += tokens;
      return 0;
    }
    return this.#resetAt - now;
  }
}
