import { APIError } from '../errors/api-error.js';
import { APIConnectionError } from '../errors/connection-error.js';
import { RedirectError } from '../errors/redirect-error.js';
import type { NormalizedRetryDelay } from './retry-options.js';

/**
 * Whether a failed request may be sent again: decided here once, for the client's own retries and for
 * `fanOut()`'s. An API error by its status and the server's `x-should-retry` (a redirect never: see
 * RedirectError); a connection failure unless the client marked it final (`retryable: false`: a 2xx
 * whose body was lost, a stream cut after its first event, a request fetch could not even build),
 * since sending those again could run (and bill) the work twice or fail the same way.
 */
export function isRetryableError(error: unknown): boolean {
  if (error instanceof RedirectError) return false;
  if (error instanceof APIError) {
    return error.status !== undefined && isRetryableStatus(error.status, error.headers ?? new Headers());
  }
  return error instanceof APIConnectionError && error.retryable;
}

/**
 * Whether an error status is worth retrying. The server's `x-should-retry: true|false` decides when
 * present; otherwise 408 (request timeout), 409 (lock conflict), 429 (rate limit) and 5xx are.
 */
export function isRetryableStatus(status: number, headers: Headers): boolean {
  const verdict = headers.get('x-should-retry');
  if (verdict === 'true') return true;
  if (verdict === 'false') return false;
  return status === 408 || status === 409 || status === 429 || status >= 500;
}

/**
 * How long to wait before retry number `retry` (1 for the first). A server's `retry-after-ms`
 * (milliseconds) or `retry-after` (a decimal number of seconds or an HTTP date; anything else is ignored) wins when it is between 0 and
 * `maxRetryAfter`; one above that returns `undefined`: do not retry. Otherwise exponential backoff,
 * `min(initial * 2^(retry-1), max)`, less up to 25 % jitter so clients that failed together do not
 * come back together.
 */
export function retryDelay(
  retry: number,
  headers: Headers | undefined,
  delays: NormalizedRetryDelay,
  now: number = Date.now(),
): number | undefined {
  const asked = headers === undefined ? undefined : serverDelay(headers, now);
  if (asked !== undefined) return asked <= delays.maxRetryAfter ? asked : undefined;
  const backoff = Math.min(delays.initial * 2 ** (retry - 1), delays.max);
  return backoff * (1 - Math.random() * 0.25);
}

function serverDelay(headers: Headers, now: number): number | undefined {
  const ms = headers.get('retry-after-ms');
  if (ms !== null && seconds.test(ms.trim())) return Number(ms.trim());
  const after = headers.get('retry-after')?.trim();
  if (after === undefined) return undefined;
  // Only the two shapes RFC 9110 allows: `Number()` would read "0x10" as 16 and `Date.parse` "1 2" as
  // a date in 2001. Anything else is ignored in favour of the backoff.
  if (seconds.test(after)) return Number(after) * 1000;
  let date: number;
  if (gmtDate.test(after)) date = Date.parse(after);
  // asctime has no zone but means GMT: without one, Date.parse would read it as local time.
  else if (asctimeDate.test(after)) date = Date.parse(`${after} GMT`);
  else return undefined;
  // A date already past means "now".
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

// A non-negative decimal number (a fraction accepted, as servers send "1.5"); also for retry-after-ms.
const seconds = /^\d+(\.\d+)?$/;
// IMF-fixdate `Sun, 06 Nov 1994 08:49:37 GMT`, RFC 850 `Sunday, 06-Nov-94 08:49:37 GMT`, asctime
// `Sun Nov  6 08:49:37 1994`.
const day = '(Mon|Tue|Wed|Thu|Fri|Sat|Sun)';
const month = '(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)';
const time = '\\d\\d:\\d\\d:\\d\\d';
const gmtDate = new RegExp(
  `^(${day}, \\d\\d ${month} \\d{4} ${time}` +
    `|(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday), \\d\\d-${month}-\\d\\d ${time}) GMT$`,
);
const asctimeDate = new RegExp(`^${day} ${month} [ \\d]\\d ${time} \\d{4}$`);
