import { APITimeoutError } from '../errors/timeout-error.js';
import { bodyReadError, Exchange, type ExchangeRequest } from '../transport/exchange.js';
import { guardedBody } from '../transport/guarded-body.js';
import { IdleWatch } from '../transport/idle-watch.js';
import { parseJsonObject } from '../transport/parse-json-object.js';
import type { ClientDispatcher } from './client-dispatcher.js';

/** One call to an endpoint other than Chat Completions. */
export interface ApiCall {
  readonly method: 'GET' | 'POST' | 'DELETE';
  /** After the base URL, such as `/batches` or `/files/file-abc/content`. */
  readonly path: string;
  /** A JSON string, or a multipart form (an upload). */
  readonly body?: string | FormData;
  readonly signal?: AbortSignal | undefined;
  /** Retries of this call; the client's `maxRetries` when absent. */
  readonly maxRetries?: number | undefined;
  /** The idempotency key of every attempt; a fresh one when absent. */
  readonly idempotencyKey?: string | undefined;
  /** Query parameters of this call (a list's `after` and `limit`). */
  readonly query?: Readonly<Record<string, string>> | undefined;
  /** See `ExchangeRequest.settle`: ends the call after a failed attempt when it resolves `true`. */
  readonly settle?: ExchangeRequest['settle'];
}

/**
 * Sends `call` through the client's transport (its key, headers, timeout, retries, error classes)
 * and returns the parsed JSON object of a 2xx answer.
 *
 * The transport only knows how to POST a string (all a completion needs). Rather than widen it, the
 * call adapts at its `fetch` seam: the method and body are swapped in on the last step, after ky has
 * composed the URL and headers. A multipart body drops our `content-type` so that `fetch` writes the
 * boundary. A `FormData` with a file-backed `Blob` can be sent again, so retries work for uploads too.
 */
export async function callJson(
  dispatcher: ClientDispatcher,
  call: ApiCall,
): Promise<Record<string, unknown>> {
  const exchange = exchangeOf(dispatcher, call);
  try {
    const { response, text } = await exchange.send(true);
    return parseJsonObject(response, text ?? '');
  } finally {
    exchange.release();
  }
}

/**
 * Like `callJson`, but hands back the 2xx response with its body unread (a file download): the
 * timeout stops at the headers and the caller streams the body. Pass a signal to stop the download.
 */
export async function callRaw(dispatcher: ClientDispatcher, call: ApiCall): Promise<Response> {
  const exchange = exchangeOf(dispatcher, call);
  try {
    const { response } = await exchange.send(false);
    const attempt = exchange.signal;
    const limit = exchange.timeout;
    // The body is read after this returns: the timeout watches each wait for the server from here,
    // as a stream's does, and a failure is named like any other failure of the call.
    const watch = new IdleWatch(limit, () =>
      exchange.abort(new APITimeoutError(`The download sent nothing for ${limit} ms.`)),
    );
    return guardedBody(response, {
      watch,
      done: () => watch.stop(),
      error: (error) => bodyReadError(error, call.signal, attempt),
    });
  } finally {
    // The body outlives the exchange: the caller's signal reaches it through fetch (see exchangeOf).
    exchange.release();
  }
}

function exchangeOf(dispatcher: ClientDispatcher, call: ApiCall): Exchange {
  const json = typeof call.body === 'string' ? call.body : '';
  const base = dispatcher.apiRequest(call.path, json, {
    signal: call.signal,
    maxRetries: call.maxRetries,
    idempotencyKey: call.idempotencyKey,
    query: call.query,
  });
  const form = call.body instanceof FormData ? call.body : undefined;
  return new Exchange({
    ...base,
    settle: call.settle,
    fetch: (input, init) => {
      const headers = new Headers(init?.headers);
      if (call.method !== 'POST' || form !== undefined) headers.delete('content-type');
      const send = base.fetch ?? globalThis.fetch;
      return send(input, {
        ...init,
        method: call.method,
        headers,
        body: call.method === 'POST' ? (form ?? json) : null,
        // The caller's signal joins the attempt's, so it still stops a download after send() returned.
        signal:
          call.signal === undefined || init?.signal == null
            ? (init?.signal ?? null)
            : AbortSignal.any([init.signal, call.signal]),
      });
    },
  });
}
