import { tokenHooks } from '../client/token-hooks.js';
import { parseResetDuration } from './parse-reset-duration.js';

/*
 * Pacing a fan-out by tokens, when chatwright/tokens is loaded: each request's cost is what the API's
 * rate limiter charges when it arrives (its prompt tokens plus the output it allows), and a request
 * whose cost would overdraw the `x-ratelimit-remaining-tokens` last reported is held until that
 * budget's `x-ratelimit-reset-tokens`. A report may predate requests started while it travelled: every
 * request started after the one that carried it is charged against it (a request the server had
 * already charged is then counted twice, which errs on the side of waiting, never of a 429).
 */
export class TokenPacer {
  readonly #promptTokens: (body: { readonly [field: string]: unknown }) => number;
  /** The budget the server last reported, or `undefined` before any report and after its reset. */
  #remaining: number | undefined;
  #resetAt = 0;
  /** The requests started and not yet known to be in a report: their ticket and tokens. */
  #pending: Array<{ readonly ticket: number; readonly tokens: number }> = [];
  #tickets = 0;
  /** The ticket of the request whose answer carried the budget in use. */
  #reportedBy = -1;

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

  /** Takes in the token budget of the answer to the request holding `ticket`. */
  observe(headers: Headers, now: number, ticket: number): void {
    // An answer to an older request than the one that gave the budget in use tells less.
    if (ticket < this.#reportedBy) return;
    const value = headers.get('x-ratelimit-remaining-tokens');
    const remaining = value === null || value.trim() === '' ? Number.NaN : Number(value);
    const reset = parseResetDuration(headers.get('x-ratelimit-reset-tokens'));
    if (!Number.isFinite(remaining) || reset === undefined) return;
    this.#remaining = remaining;
    this.#resetAt = now + reset;
    this.#reportedBy = ticket;
    // The requests up to this one are in the report (or answered): only later ones still count.
    this.#pending = this.#pending.filter((request) => request.ticket > ticket);
  }

  /**
   * Charges a request of `tokens` when it can start now and returns its ticket (for `observe`);
   * otherwise returns how long to wait (to the budget's reset) as `{ wait }`, charging nothing. Past
   * the reset the budget is unknown again, so a request larger than a whole budget still goes, once.
   */
  reserve(tokens: number, now: number): { readonly ticket: number } | { readonly wait: number } {
    if (this.#remaining !== undefined && now >= this.#resetAt) this.#remaining = undefined;
    if (this.#remaining !== undefined) {
      let spent = tokens;
      for (const request of this.#pending) spent += request.tokens;
      if (spent > this.#remaining) return { wait: this.#resetAt - now };
    }
    const ticket = this.#tickets++;
    this.#pending.push({ ticket, tokens });
    return { ticket };
  }
}
