import { ClientOptionsError } from '../errors/client-options-error.js';
import { cutText } from '../internal/cut-text.js';
import type { Logger, LogLevel } from '../telemetry/log-options.js';
import {
  normalizeObservability,
  type ObservationSettings,
  type RequestEvent,
  type ResponseEvent,
  type TelemetryOptions,
} from '../telemetry/telemetry-options.js';
import type { FetchFunction } from '../transport/fetch-function.js';
import { checkOptionNames, type OptionNames, retryDelayNames } from '../transport/option-names.js';
import type { NormalizedRetryDelay, RetryDelayOptions, RetryEvent } from '../transport/retry-options.js';

/**
 * Options of `createClient()`. Every one is optional (`undefined` counts as not given); the defaults are
 * in `clientDefaults`.
 * `apiKey`, `baseURL`, `organization` and `project` not given here are read from `OPENAI_API_KEY`,
 * `OPENAI_BASE_URL`, `OPENAI_ORG_ID` and `OPENAI_PROJECT_ID` each time a request is sent.
 */
export interface ClientOptions {
  /** Sent as `Authorization: Bearer <apiKey>`. `null` sends no key (local servers that need none). */
  readonly apiKey?: string | null | undefined;
  /** Where requests go: `https://api.openai.com/v1` or any OpenAI-compatible server. */
  readonly baseURL?: string | undefined;
  /** Sent as `OpenAI-Organization`; `null` sends none even if `OPENAI_ORG_ID` is set. */
  readonly organization?: string | null | undefined;
  /** Sent as `OpenAI-Project`; `null` sends none even if `OPENAI_PROJECT_ID` is set. */
  readonly project?: string | null | undefined;
  /** Headers added to every request; a `null` value removes one of ours (`Idempotency-Key`, say). */
  readonly defaultHeaders?: Readonly<Record<string, string | null>> | undefined;
  /** Query parameters added to every request (Azure's `api-version`, for one). */
  readonly defaultQuery?: Readonly<Record<string, string>> | undefined;
  /** A `fetch` to send through (a proxy agent, instrumentation, a test double). Default: global `fetch`. */
  readonly fetch?: FetchFunction | undefined;
  /** Milliseconds per attempt before `APITimeoutError`. Default 600000 (10 minutes), as the official SDK. */
  readonly timeout?: number | undefined;
  /** Retries of a retryable failure (408, 409, 429, 5xx, connection errors, timeouts). Default 2. */
  readonly maxRetries?: number | undefined;
  /** Backoff between retries. */
  readonly retryDelay?: RetryDelayOptions | undefined;
  /** Called before each retry: for logs and metrics. */
  readonly onRetry?: ((event: RetryEvent) => void) | undefined;
  /** Allow an API key in a browser, where every visitor can read it. Default false. */
  readonly dangerouslyAllowBrowser?: boolean | undefined;
  /**
   * Token-aware checks, which need `chatwright/tokens` imported (it holds the tokenizer).
   * `checkContextWindow` (default false): before each send, a request whose prompt plus
   * `max_completion_tokens` exceeds the model's context window fails with a `ValidationError`.
   */
  readonly tokens?: { readonly checkContextWindow?: boolean | undefined } | undefined;
  /**
   * OpenTelemetry spans (recorded when `@opentelemetry/api` is installed and a tracer provider is
   * registered): whether prompts and answers are recorded (`captureContent`, default false) and the
   * provider name. See docs/observability.md.
   */
  readonly telemetry?: TelemetryOptions | undefined;
  /**
   * Called with each Chat Completions request about to be sent, after validation (headers redacted).
   * What it throws is ignored: a hook never fails a request.
   */
  readonly onRequest?: ((event: RequestEvent) => void) | undefined;
  /**
   * Called once a Chat Completions request is answered (a stream: when it ends) with the status,
   * headers, request id, duration and usage. What it throws is ignored: a hook never fails a request.
   */
  readonly onResponse?: ((event: ResponseEvent) => void) | undefined;
  /**
   * One log line per Chat Completions request and retry: `'error'` (failures), `'warn'` (and retries),
   * `'info'` (and every answer), `'debug'` (and each request with its headers redacted). Default: the
   * `CHATWRIGHT_LOG` environment variable, else `'off'`.
   */
  readonly logLevel?: LogLevel | undefined;
  /** Where log lines go. Default `console`. What it throws is ignored. */
  readonly logger?: Logger | undefined;
}

/** The names of `ClientOptions`, for `checkOptionNames()`. */
export const clientOptionNames: OptionNames<ClientOptions> = {
  apiKey: true,
  baseURL: true,
  organization: true,
  project: true,
  defaultHeaders: true,
  defaultQuery: true,
  fetch: true,
  timeout: true,
  maxRetries: true,
  retryDelay: true,
  onRetry: true,
  dangerouslyAllowBrowser: true,
  tokens: true,
  telemetry: true,
  onRequest: true,
  onResponse: true,
  logLevel: true,
  logger: true,
};

/** The defaults of every client option, in one place. */
export const clientDefaults = /* @__PURE__ */ Object.freeze({
  baseURL: 'https://api.openai.com/v1',
  timeout: 600_000,
  maxRetries: 2,
  retryDelay: /* @__PURE__ */ Object.freeze({ initial: 500, max: 8_000, maxRetryAfter: 60_000 }),
  dangerouslyAllowBrowser: false,
});

/** The environment variables a client reads at send time for options it was not given. */
export const clientEnv = /* @__PURE__ */ Object.freeze({
  apiKey: 'OPENAI_API_KEY',
  baseURL: 'OPENAI_BASE_URL',
  organization: 'OPENAI_ORG_ID',
  project: 'OPENAI_PROJECT_ID',
});

/** A client's options after validation and defaults: what the transport works from. */
export interface NormalizedClientOptions {
  /** `undefined`: read the environment variable at send time. */
  readonly apiKey: string | null | undefined;
  readonly baseURL: string | undefined;
  readonly organization: string | null | undefined;
  readonly project: string | null | undefined;
  readonly defaultHeaders: Readonly<Record<string, string | null>>;
  readonly defaultQuery: Readonly<Record<string, string>> | undefined;
  readonly fetch: FetchFunction | undefined;
  readonly timeout: number;
  readonly maxRetries: number;
  readonly retryDelay: NormalizedRetryDelay;
  readonly onRetry: ((event: RetryEvent) => void) | undefined;
  readonly dangerouslyAllowBrowser: boolean;
  readonly checkContextWindow: boolean;
  /** Telemetry, hooks and logging, settled once. */
  readonly observability: ObservationSettings;
}

// setTimeout fires at once for any delay above 2^31-1 ms, which would make a long timeout no timeout.
const maxTimerDelay = 2_147_483_647;

/** Backoff delays checked, defaults filled in (for a client, and for `fanOut()`'s own 429 backoff). */
export function normalizeRetryDelay(delays: RetryDelayOptions = {}): NormalizedRetryDelay {
  checkOptionNames(delays, retryDelayNames, 'retryDelay');
  return {
    initial: checkDelay(delays.initial ?? clientDefaults.retryDelay.initial, 'retryDelay.initial'),
    max: checkDelay(delays.max ?? clientDefaults.retryDelay.max, 'retryDelay.max'),
    maxRetryAfter: checkDelay(
      delays.maxRetryAfter ?? clientDefaults.retryDelay.maxRetryAfter,
      'retryDelay.maxRetryAfter',
    ),
  };
}

/** Validates user options once and fills in the defaults. Throws `ClientOptionsError`. */
export function normalizeClientOptions(options: ClientOptions = {}): NormalizedClientOptions {
  checkOptionNames(options, clientOptionNames, 'createClient()');
  checkOptionNames(options.tokens, { checkContextWindow: true }, 'createClient({ tokens })');
  if (
    options.tokens?.checkContextWindow !== undefined &&
    typeof options.tokens.checkContextWindow !== 'boolean'
  ) {
    throw new ClientOptionsError(
      'tokens.checkContextWindow',
      'tokens.checkContextWindow must be true or false',
    );
  }
  const normalized: NormalizedClientOptions = {
    apiKey: options.apiKey,
    baseURL: options.baseURL,
    organization: options.organization,
    project: options.project,
    defaultHeaders: { ...options.defaultHeaders },
    defaultQuery: options.defaultQuery && { ...options.defaultQuery },
    fetch: options.fetch,
    timeout: checkTimeout(options.timeout ?? clientDefaults.timeout, 'timeout'),
    maxRetries: checkMaxRetries(options.maxRetries ?? clientDefaults.maxRetries, 'maxRetries'),
    retryDelay: normalizeRetryDelay(options.retryDelay),
    onRetry: options.onRetry,
    dangerouslyAllowBrowser: options.dangerouslyAllowBrowser ?? clientDefaults.dangerouslyAllowBrowser,
    checkContextWindow: options.tokens?.checkContextWindow === true,
    observability: normalizeObservability(options),
  };
  if (options.baseURL !== undefined) apiBaseURL(options.baseURL, 'baseURL');
  // Checked here too (the client checks again per send) so a bad value fails at createClient().
  if (typeof normalized.apiKey === 'string') checkHeaderValue(normalized.apiKey, 'apiKey', 'authorization');
  if (typeof normalized.organization === 'string') {
    checkHeaderValue(normalized.organization, 'organization', 'openai-organization');
  }
  if (typeof normalized.project === 'string')
    checkHeaderValue(normalized.project, 'project', 'openai-project');
  checkHeaders(normalized.defaultHeaders, 'defaultHeaders');
  if (typeof normalized.apiKey === 'string') assertBrowserAllowed(normalized.dangerouslyAllowBrowser);
  return normalized;
}

/** Checks a timeout (client option or per request): a positive number of milliseconds. */
export function checkTimeout(value: number, option: string): number {
  if (typeof value !== 'number' || !(value > 0) || value > maxTimerDelay) {
    throw new ClientOptionsError(
      option,
      `${option} must be a number of milliseconds from 1 to ${maxTimerDelay}`,
    );
  }
  return value;
}

/** Checks a retry count (client option or per request): a whole number from 0. */
export function checkMaxRetries(value: number, option: string): number {
  if (!Number.isInteger(value) || value < 0) {
    throw new ClientOptionsError(option, `${option} must be a whole number from 0`);
  }
  return value;
}

function checkDelay(value: number, option: string): number {
  if (typeof value !== 'number' || !(value >= 0) || value > maxTimerDelay) {
    throw new ClientOptionsError(
      option,
      `${option} must be a number of milliseconds from 0 to ${maxTimerDelay}`,
    );
  }
  return value;
}

/**
 * Checks a base URL and returns it parsed, its path without trailing slashes: every endpoint's path
 * goes after it (see `endpointURL`), and its query is kept for each.
 */
export function apiBaseURL(value: string, option: string): URL {
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    url = undefined;
  }
  if (url === undefined || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    throw new ClientOptionsError(
      option,
      `${option} must be an absolute http(s) URL such as https://api.openai.com/v1 (got ${JSON.stringify(redactedURL(value))})`,
    );
  }
  // fetch refuses such a URL with a TypeError that quotes it, password included; credentials go in
  // `apiKey` or `defaultHeaders`.
  if (url.username !== '' || url.password !== '') {
    throw new ClientOptionsError(
      option,
      `${option} must not carry a user name or password (\`https://user:password@host\`): pass credentials ` +
        'with `apiKey` or `defaultHeaders` instead',
    );
  }
  url.pathname = url.pathname.replace(/\/+$/, '');
  return url;
}

/** The URL of an endpoint of the API at `base` (from `apiBaseURL`): `path`, such as `/chat/completions`, after its path. */
export function endpointURL(base: URL, path: string): string {
  const url = new URL(base);
  // A URL's path is never empty: a host alone reads back as `/`, which must not double the slash.
  url.pathname = `${base.pathname.replace(/\/+$/, '')}${path}`;
  return url.toString();
}

/**
 * A rejected URL as it may be quoted: without anything that can hold a credential, a user name or
 * password (everything before its last `@`: a string that did not parse as a URL has no reliable
 * authority) and its query and fragment (`?api_key=...`), and cut to 100 characters.
 */
function redactedURL(value: string): string {
  let shown = value.replace(/[?#][\s\S]*$/, '?...');
  const at = shown.lastIndexOf('@');
  if (at !== -1) {
    const scheme = /^[a-z][a-z\d+.-]*:(\/\/)?/i.exec(shown)?.[0] ?? '';
    shown = `${scheme}***${shown.slice(at)}`;
  }
  return cutText(shown, 100);
}

// What fetch accepts in a header value: bytes (code points up to U+00FF) but no NUL, CR or LF.
const badHeaderValue = /[\0\r\n]|[^\0-\xff]/;
// A header name is an HTTP token (RFC 9110).
const headerName = /^[!#$%&'*+\-.^`|~\w]+$/;

/**
 * Checks a value about to be sent as a header. fetch refuses a bad one with a TypeError that quotes
 * it, and a header value is often a credential: the error here names the option and the header only.
 */
export function checkHeaderValue(value: string, option: string, header: string): void {
  if (badHeaderValue.test(value)) {
    throw new ClientOptionsError(
      option,
      `${option} cannot be sent as the \`${header}\` header: the value must be a string without CR, LF or ` +
        'NUL and with no character above U+00FF (the value is not shown: it may be a credential)',
    );
  }
}

/** Checks every name and value of a headers option (`defaultHeaders`, a send's `headers`). */
export function checkHeaders(headers: Readonly<Record<string, string | null>>, option: string): void {
  for (const [name, value] of Object.entries(headers)) {
    if (!headerName.test(name)) {
      throw new ClientOptionsError(option, `${option} has an invalid header name ${JSON.stringify(name)}`);
    }
    if (value !== null) checkHeaderValue(value, `${option}.${name}`, name.toLowerCase());
  }
}

/**
 * Refuses to hold an API key in a browser page, where every visitor can read it, unless the caller
 * opted in. Detects a browser by `window` and `document` both being present (Deno has only `window`).
 */
export function assertBrowserAllowed(allowed: boolean): void {
  if (allowed) return;
  const scope = globalThis as { window?: unknown; document?: unknown };
  if (scope.window !== undefined && scope.document !== undefined) {
    throw new ClientOptionsError(
      'dangerouslyAllowBrowser',
      'Refusing to send an API key from a browser, where any visitor can read it. Call the API from your ' +
        'server, or pass `dangerouslyAllowBrowser: true` to createClient() if you understand the risk.',
    );
  }
}
