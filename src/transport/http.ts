import ky, { NetworkError } from 'ky';
import type { FetchFunction } from './fetch-function.js';

/**
 * The one place ky is configured. ky's own policies are switched off on purpose:
 * - `retry: 0`: ky does not retry POST, and our policy (x-should-retry, retry-after-ms, the
 *   idempotency key, never retrying a stream once accepted) lives in `exchange.ts`;
 * - `timeout: false`: ky's 10 s default would cut long completions; our timer covers the whole body;
 * - `throwHttpErrors: false`: an error status becomes our typed `APIError`, not ky's `HTTPError`
 *   (whose `request` property would carry the Authorization header into logs).
 * Passed to the root `ky` on each call rather than through `ky.create()`: an instance deep-merges its
 * defaults into every call's options, a cost paid per request for nothing.
 */
const kyPolicy = { retry: 0, timeout: false, throwHttpErrors: false } as const;

/** One attempt's HTTP call. */
export interface HttpCall {
  readonly url: string;
  readonly body: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly searchParams: Readonly<Record<string, string>> | undefined;
  readonly signal: AbortSignal;
  /** The caller's `fetch`; the global one when undefined (looked up per call, so late polyfills count). */
  readonly fetch: FetchFunction | undefined;
}

/**
 * POSTs through ky: ky composes the request (URL with its query, method, headers) and hands it to the
 * `fetch` below, which sends ky's URL and headers with the body string. The body is given to that
 * last step only, and ky's Request object is not passed on, because each costs on Node 20 (measured
 * in bench/round-trip.bench.ts): a Request with a string body wraps it in a ReadableStream (about
 * 15 us), and `fetch(request)` clones that stream again (about 100 us). The signal, likewise, goes
 * straight to `fetch`: through ky it would be merged with ky's own by `AbortSignal.any` (about 30 us).
 */
export function post(call: HttpCall): Promise<Response> {
  return ky.post(call.url, {
    ...kyPolicy,
    headers: call.headers,
    ...(call.searchParams === undefined ? {} : { searchParams: call.searchParams }),
    fetch: (input) => {
      const request = input instanceof Request ? input : undefined;
      return (call.fetch ?? globalThis.fetch)(request?.url ?? String(input), {
        method: 'POST',
        headers: request?.headers ?? call.headers,
        body: call.body,
        signal: call.signal,
        // Never followed: a redirect would carry the credentials and the body to another address.
        redirect: 'manual',
      });
    },
  });
}

/**
 * What a failed fetch really failed with. ky wraps network failures in a `NetworkError` that holds
 * the `Request` (and so its Authorization header): keep only the underlying cause.
 */
export function unwrapNetworkError(error: unknown): unknown {
  return error instanceof NetworkError ? error.cause : error;
}

/** Whether post() failed because the network did (ky recognised fetch's network TypeError). */
export function isNetworkError(error: unknown): boolean {
  return error instanceof NetworkError;
}
