import type { Dispatcher, RequestMeta } from '../builder/dispatcher.js';
import { ClientOptionsError } from '../errors/client-options-error.js';
import { ValidationError } from '../errors/validation-error.js';
import { VERSION } from '../internal/version.js';
import { ChatStream, failedStream } from '../stream/chat-stream.js';
import { type ObservedRequest, observeRequest } from '../telemetry/request-observation.js';
import { reportingRetries, StreamWatch } from '../telemetry/stream-watch.js';
import type { ChatCompletionResult } from '../transport/completion-result.js';
import { Exchange, type ExchangeRequest } from '../transport/exchange.js';
import { guardedBody } from '../transport/guarded-body.js';
import { newIdempotencyKey } from '../transport/idempotency-key.js';
import { checkOptionNames, sendOptionNames } from '../transport/option-names.js';
import { parseJsonObject } from '../transport/parse-json-object.js';
import { completionShapeError } from '../transport/response-shape.js';
import type { SendOptions } from '../transport/send-options.js';
import type { ChatCompletionRequest } from '../wire/request.js';
import type { ChatCompletion } from '../wire/response.js';
import {
  apiBaseURL,
  assertBrowserAllowed,
  checkHeaders,
  checkHeaderValue,
  checkMaxRetries,
  checkTimeout,
  clientDefaults,
  clientEnv,
  endpointURL,
  type NormalizedClientOptions,
} from './client-options.js';
import { CONTEXT_WINDOW_ERROR, tokenHooks } from './token-hooks.js';

/** Where a request goes and who sends it, once options and environment are combined. */
interface Target {
  readonly url: string;
  readonly apiKey: string | null;
  readonly organization: string | null;
  readonly project: string | null;
}

/**
 * The client's side of the builder contract: turns a validated wire body into HTTP through one
 * `Exchange` per send. The API key lives in a private field, so logging a client never prints it.
 */
export class ClientDispatcher implements Dispatcher {
  readonly #options: NormalizedClientOptions;
  // Parsing a base URL costs more than the rest of a send's set-up: keep the last endpoint made.
  #lastBaseURL: { readonly raw: string; readonly base: URL; readonly url: string } | undefined;

  constructor(options: NormalizedClientOptions) {
    this.#options = options;
  }

  get captureContent(): boolean {
    return this.#options.observability.captureContent;
  }

  async complete(
    body: ChatCompletionRequest,
    options: SendOptions = {},
    text: string = JSON.stringify(body),
    meta?: RequestMeta,
  ): Promise<ChatCompletionResult> {
    this.#checkTokens(body);
    const request = this.#prepare(text, options, false);
    const observing = observeRequest(this.#options.observability, observed(request, body, options, meta));
    // Synchronous once the OpenTelemetry API was looked for: only the first requests wait for it.
    const observation = observing instanceof Promise ? await observing : observing;
    const exchange = new Exchange(reportingRetries(request, observation));
    try {
      const { response, text } = await exchange.send(true);
      observation.responded(response);
      const result = toResult(response, text ?? '');
      observation.succeeded(result);
      return result;
    } catch (error) {
      observation.failed(error);
      throw error;
    } finally {
      exchange.release();
    }
  }

  stream(
    body: ChatCompletionRequest,
    options: SendOptions = {},
    text?: string,
    meta?: RequestMeta,
  ): ChatStream {
    let exchange: Exchange;
    let idleTimeout: number;
    let watch: StreamWatch;
    try {
      this.#checkTokens(body);
      const request = this.#prepare(
        body.stream === true ? (text ?? JSON.stringify(body)) : JSON.stringify({ ...body, stream: true }),
        options,
        true,
      );
      // The timeout covers the wait for the response headers, then each wait between two reads of the body.
      idleTimeout = request.timeout;
      watch = new StreamWatch(this.#options.observability, observed(request, body, options, meta));
      exchange = new Exchange(reportingRetries(request, watch));
    } catch (error) {
      // A missing key or a bad option surfaces where a stream's errors do: when it is read.
      return failedStream(error);
    }
    const send = () =>
      exchange.send(false).then(
        ({ response }) => {
          watch.responded(response);
          return options.signal === undefined
            ? response
            : guardedBody(response, { done: () => exchange.release() });
        },
        (error: unknown) => {
          exchange.release();
          watch.failed(error);
          throw error;
        },
      );
    const response = watch.ready === undefined ? send() : watch.ready.then(send);
    const stream = new ChatStream({
      response: handled(response),
      abort: (reason) => exchange.abort(reason),
      // Read when a body read fails, to tell a timeout or an abort from a network failure.
      get signal() {
        return exchange.signal;
      },
      idleTimeout,
      observer: watch,
    });
    watch.track(stream);
    return stream;
  }

  /**
   * The set-up of a request to another endpoint of the same API (`/files`, `/batches`): the same key,
   * headers, query, timeout and retries as a completion. `path` starts with `/` and goes after the base URL.
   */
  apiRequest(path: string, body: string, options: SendOptions = {}): ExchangeRequest {
    const request = this.#prepare(body, options, false);
    return { ...request, url: endpointURL(this.#api().base, path) };
  }

  /** The opt-in context-window check (`tokens.checkContextWindow`), through chatwright/tokens. */
  #checkTokens(body: ChatCompletionRequest): void {
    if (!this.#options.checkContextWindow) return;
    const hooks = tokenHooks();
    if (hooks === undefined) {
      throw new ClientOptionsError(
        'tokens.checkContextWindow',
        "tokens.checkContextWindow needs the tokenizer: import 'chatwright/tokens' once in your application (nothing was sent)",
      );
    }
    const issue = hooks.contextWindowIssue(body as unknown as { readonly [field: string]: unknown });
    if (issue !== undefined) throw new ValidationError([issue], CONTEXT_WINDOW_ERROR);
  }

  #prepare(body: string, options: SendOptions, stream: boolean): ExchangeRequest {
    checkOptionNames(options, sendOptionNames, 'send()');
    const client = this.#options;
    const target = this.#target();
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      accept: stream ? 'text/event-stream' : 'application/json',
      'x-chatwright-version': VERSION,
      'idempotency-key': options.idempotencyKey ?? newIdempotencyKey(),
    };
    if (target.apiKey !== null) headers.authorization = `Bearer ${target.apiKey}`;
    if (target.organization !== null) headers['openai-organization'] = target.organization;
    if (target.project !== null) headers['openai-project'] = target.project;
    // defaultHeaders were checked by createClient(); per-send values and the idempotency key are here.
    mergeHeaders(headers, client.defaultHeaders);
    if (options.headers !== undefined) {
      checkHeaders(options.headers, 'headers');
      mergeHeaders(headers, options.headers);
    }
    if (options.idempotencyKey !== undefined) {
      checkHeaderValue(options.idempotencyKey, 'idempotencyKey', 'idempotency-key');
    }
    const query =
      client.defaultQuery === undefined && options.query === undefined
        ? undefined
        : { ...client.defaultQuery, ...options.query };
    return {
      fetch: client.fetch,
      url: target.url,
      body,
      headers,
      searchParams: query,
      timeout: options.timeout === undefined ? client.timeout : checkTimeout(options.timeout, 'timeout'),
      maxRetries:
        options.maxRetries === undefined
          ? client.maxRetries
          : checkMaxRetries(options.maxRetries, 'maxRetries'),
      retryDelay: client.retryDelay,
      onRetry: client.onRetry,
      signal: options.signal,
    };
  }

  /** Combines the options with the environment as it is now: unset options follow the env vars. */
  #target(): Target {
    const client = this.#options;
    const apiKey = client.apiKey === undefined ? readEnv(clientEnv.apiKey) : client.apiKey;
    if (apiKey === undefined) {
      throw new ClientOptionsError(
        'apiKey',
        `No API key: set the ${clientEnv.apiKey} environment variable or pass \`apiKey\` to createClient() ` +
          '(`apiKey: null` sends none, for local servers that need no key).',
      );
    }
    if (client.apiKey === undefined) {
      assertBrowserAllowed(client.dangerouslyAllowBrowser);
      // Options were checked by createClient(); what comes from the environment is checked per send.
      if (apiKey !== null) checkHeaderValue(apiKey, clientEnv.apiKey, 'authorization');
    }
    const organization = client.organization === undefined ? readEnv(clientEnv.organization) : undefined;
    if (organization !== undefined) {
      checkHeaderValue(organization, clientEnv.organization, 'openai-organization');
    }
    const project = client.project === undefined ? readEnv(clientEnv.project) : undefined;
    if (project !== undefined) checkHeaderValue(project, clientEnv.project, 'openai-project');
    return {
      url: this.#api().url,
      apiKey,
      organization: client.organization === undefined ? (organization ?? null) : client.organization,
      project: client.project === undefined ? (project ?? null) : client.project,
    };
  }

  /** The base URL in force (the option, else the environment) and its Chat Completions endpoint. */
  #api(): { readonly base: URL; readonly url: string } {
    const fromEnv = this.#options.baseURL === undefined;
    const raw = this.#options.baseURL ?? readEnv(clientEnv.baseURL) ?? clientDefaults.baseURL;
    if (this.#lastBaseURL?.raw !== raw) {
      const base = apiBaseURL(raw, fromEnv ? clientEnv.baseURL : 'baseURL');
      this.#lastBaseURL = { raw, base, url: endpointURL(base, '/chat/completions') };
    }
    return this.#lastBaseURL;
  }
}

/** A Chat Completions request as its observation sees it. */
function observed(
  request: ExchangeRequest,
  body: ChatCompletionRequest,
  options: SendOptions,
  meta: RequestMeta | undefined,
): ObservedRequest {
  const stream = body.stream === true || request.headers.accept === 'text/event-stream';
  return { url: request.url, headers: request.headers, body, stream, name: meta?.name, options };
}

/** An environment variable, or `undefined` when unset, empty, or there is no `process` (browsers). */
function readEnv(name: string): string | undefined {
  const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;
  const value = env?.[name]?.trim();
  return value === undefined || value === '' ? undefined : value;
}

/** Header names are case-insensitive: merge on the lower-case name so `Authorization` replaces ours. */
function mergeHeaders(into: Record<string, string>, from: Readonly<Record<string, string | null>>): void {
  for (const [name, value] of Object.entries(from)) {
    const key = name.toLowerCase();
    if (value === null) delete into[key];
    else into[key] = value;
  }
}

function toResult(response: Response, text: string): ChatCompletionResult {
  const parsed = parseJsonObject(response, text);
  const shape = completionShapeError(parsed, response);
  if (shape !== undefined) throw shape;
  // Not enumerable: spreading or serialising a result gives back exactly what the API sent.
  return Object.defineProperties(parsed as unknown as ChatCompletion, {
    requestId: { value: response.headers.get('x-request-id') ?? undefined, configurable: true },
    response: { value: response, configurable: true },
  }) as ChatCompletionResult;
}

/** Marks a promise as handled, so a stream nobody reads does not crash the process with its error. */
function handled<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => {});
  return promise;
}
