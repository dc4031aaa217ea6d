import type { NormalizedRetryDelay } from '../client/client-options.js';

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
 * (milliseconds) or `retry-after` (seconds or an HTTP date) wins when it is between 0 and
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
  if (ms !== null) {
    const value = Number.parseFloat(ms);
    if (Number.isFinite(value) && value >= 0) return value;
  }
  const after = headers.get('retry-after');
  if (after === null) return undefined;
  const seconds = Number(after.trim());
  if (after.trim() !== '' && Number.isFinite(seconds)) return seconds >= 0 ? seconds * 1000 : undefined;
  const date = Date.parse(after);
  // A date already past means "now"; an unparsable header is ignored in favour of the backoff.
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
