import { cutText } from '../internal/cut-text.js';
import { ChatwrightError } from './chatwright-error.js';

// How much of the API's message the error's own message quotes.
const maxMessageChars = 500;

/** The `error` object of an API error body: `{ "error": { message, type, code, param } }`. */
export interface APIErrorBody {
  readonly message?: string;
  readonly type?: string | null;
  readonly code?: string | number | null;
  readonly param?: string | null;
}

/** What an API error is made from; `status` is absent for an error sent inside a stream. */
export interface APIErrorInit {
  readonly status?: number | undefined;
  readonly error?: APIErrorBody | undefined;
  readonly requestId?: string | undefined;
  readonly headers?: Headers | undefined;
  /** The error body's text as it came (up to 64 KiB), when there was one. */
  readonly body?: string | undefined;
  readonly cause?: unknown;
}

/**
 * The API answered with an error: an HTTP status of 400 or more, or an `error` object inside a stream.
 * Subclasses name each status so callers can `instanceof` them; every one carries the API's
 * `type`, `code` and `param`, and the `x-request-id` to quote to support.
 */
export class APIError extends ChatwrightError {
  override name: string = 'APIError';
  /** The HTTP status, or `undefined` for an error event inside a stream. */
  readonly status: number | undefined;
  readonly type: string | undefined;
  readonly code: string | undefined;
  readonly param: string | undefined;
  /** The `x-request-id` response header, when the server sent one. */
  readonly requestId: string | undefined;
  /** The response headers (never the request's, so no credential can be among them). */
  readonly headers: Headers | undefined;
  /** The `error` object exactly as the API sent it. */
  readonly error: APIErrorBody | undefined;
  /**
   * The response body's text as it came, up to its first 64 KiB (the rest is not read): a proxy's
   * HTML page, say, whose start only is quoted in `message`.
   */
  readonly body: string | undefined;

  constructor(init: APIErrorInit) {
    super(describe(init), init.cause === undefined ? undefined : { cause: init.cause });
    this.status = init.status;
    this.error = init.error;
    this.type = init.error?.type ?? undefined;
    this.code = init.error?.code == null ? undefined : String(init.error.code);
    this.param = init.error?.param ?? undefined;
    this.requestId = init.requestId;
    this.headers = init.headers;
    this.body = init.body;
  }
}

function describe(init: APIErrorInit): string {
  const status = init.status === undefined ? 'stream error' : String(init.status);
  const message =
    init.error?.message ?? (init.status === undefined ? 'the stream reported an error' : 'no error body');
  const request = init.requestId ? ` (request ${init.requestId})` : '';
  // The whole text stays on `error.message` and `body`; a log line needs its start only.
  return `${status}: ${cutText(String(message), maxMessageChars)}${request}`;
}
