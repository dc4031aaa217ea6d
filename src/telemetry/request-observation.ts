import { APIError } from '../errors/api-error.js';
import type { RetryEvent } from '../transport/retry-options.js';
import type { ChatCompletionRequest } from '../wire/request.js';
import type { ChatCompletion } from '../wire/response.js';
import { chatRequestAttributes, chatResponseAttributes, serverTarget } from './chat-attributes.js';
import { inputMessages, outputMessages } from './content-capture.js';
import { type LineLevel, writes } from './log-options.js';
import { redactHeaders, scrub, secretsOf, withoutQuery } from './redact.js';
import { errorType, type SpanScope, startScope } from './span-scope.js';
import type { ObservationSettings } from './telemetry-options.js';
import { traceParentOf } from './trace-parent.js';

/** One Chat Completions request as the client sends it, for its span, hooks and log lines. */
export interface ObservedRequest {
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Readonly<ChatCompletionRequest>;
  readonly stream: boolean;
  /** The builder's `.name()`. */
  readonly name: string | undefined;
  /** The send options, which may carry the parent span (see trace-parent.ts). */
  readonly options: object | undefined;
}

/**
 * Watches one request from the send to its answer: its `chat {model}` span (GenAI conventions), the
 * client's `onRequest`/`onResponse` hooks and its log lines. A hook that throws is ignored: watching
 * never fails a request.
 */
export class RequestObservation {
  readonly #settings: ObservationSettings;
  readonly #request: ObservedRequest;
  readonly #scope: SpanScope;
  readonly #started = performance.now();
  readonly #secrets: readonly string[];
  #retries = 0;
  #response: Response | undefined;
  #ended = false;

  constructor(settings: ObservationSettings, request: ObservedRequest, scope: SpanScope) {
    this.#settings = settings;
    this.#request = request;
    this.#scope = scope;
    this.#secrets = !scope.recording && settings.log === undefined ? [] : secretsOf(request.headers);
    if (settings.captureContent && scope.recording) {
      scope.set({ 'gen_ai.input.messages': inputMessages(request.body.messages) });
    }
    const hook = settings.onRequest;
    if (hook !== undefined) {
      safely(() =>
        hook({
          url: withoutQuery(request.url),
          headers: redactHeaders(request.headers),
          body: request.body,
          stream: request.stream,
          name: request.name,
        }),
      );
    }
    this.#log(
      'debug',
      () => `→ ${this.#describe()} headers ${JSON.stringify(redactHeaders(request.headers))}`,
    );
  }

  /** Before each retry: an event on the span and a log line. */
  retry(event: RetryEvent): void {
    this.#retries = event.retry;
    const status = event.error instanceof APIError ? event.error.status : undefined;
    if (this.#scope.recording)
      this.#scope.event('chatwright.retry', {
        'chatwright.retry.number': event.retry,
        'chatwright.retry.delay_ms': Math.round(event.delayMs),
        'error.type': errorType(event.error),
        'http.response.status_code': status,
      });
    this.#log(
      'warn',
      () =>
        `retry ${event.retry} of ${this.#describe()} in ${Math.round(event.delayMs)} ms after ` +
        `${errorType(event.error)}${status === undefined ? '' : ` (${status})`}`,
    );
  }

  /** The accepted response arrived (its headers; a stream's body is still to come). */
  responded(response: Response): void {
    this.#response = response;
    this.#scope.set({ 'http.response.status_code': response.status });
  }

  /** A stream's first chunk: the conventions' time to first chunk, in seconds. */
  firstChunk(): void {
    if (this.#scope.recording)
      this.#scope.set({ 'gen_ai.response.time_to_first_chunk': (performance.now() - this.#started) / 1000 });
  }

  /** The answer, complete: span attributes, `onResponse`, an info line; the span ends. */
  succeeded(completion: ChatCompletion): void {
    if (this.#ended) return;
    this.#ended = true;
    if (this.#scope.recording) {
      this.#scope.set(chatResponseAttributes(completion));
      if (this.#settings.captureContent) {
        this.#scope.set({ 'gen_ai.output.messages': outputMessages(completion) });
      }
    }
    this.#scope.end();
    const usage = completion.usage ?? undefined;
    this.#respond(this.#response, undefined, usage);
    this.#log('info', () => {
      const tokens = usage === undefined ? '' : ` tokens ${usage.prompt_tokens}+${usage.completion_tokens}`;
      return `${this.#describe()} → ${this.#response?.status ?? 200} in ${this.#elapsed()} ms${this.#idOf(this.#response?.headers)}${tokens}`;
    });
  }

  /** The request (or its stream) failed: `error.type`, `onResponse` when there was an answer, an error line. */
  failed(error: unknown): void {
    if (this.#ended) return;
    this.#ended = true;
    const clean = (text: string) => scrub(text, this.#secrets);
    const apiError = error instanceof APIError ? error : undefined;
    if (apiError?.status !== undefined) this.#scope.set({ 'http.response.status_code': apiError.status });
    const failure = error instanceof Error ? error : new Error(String(error));
    this.#scope.end(error, clean(failure.message));
    if (this.#response !== undefined) this.#respond(this.#response, failure, undefined);
    else if (apiError?.status !== undefined && apiError.headers !== undefined) {
      this.#respond({ status: apiError.status, headers: apiError.headers }, failure, undefined);
    }
    this.#log('error', () => {
      const status = apiError?.status === undefined ? '' : ` (${apiError.status})`;
      return clean(
        `${this.#describe()} failed after ${this.#elapsed()} ms: ${errorType(error)}${status}: ${failure.message}`,
      );
    });
  }

  /** Ends the span of a stream nobody read to its end and that was garbage-collected. */
  abandoned(): void {
    const error = new Error('The stream was garbage-collected before it was read to its end.');
    error.name = 'StreamAbandoned';
    this.failed(error);
  }

  #respond(
    response: Pick<Response, 'status' | 'headers'> | undefined,
    error: Error | undefined,
    usage: ChatCompletion['usage'],
  ): void {
    const hook = this.#settings.onResponse;
    if (hook === undefined || response === undefined) return;
    safely(() =>
      hook({
        status: response.status,
        headers: response.headers,
        requestId: response.headers.get('x-request-id') ?? undefined,
        durationMs: performance.now() - this.#started,
        usage: usage ?? undefined,
        retries: this.#retries,
        stream: this.#request.stream,
        name: this.#request.name,
        error,
      }),
    );
  }

  /** Writes a line of `level` when the client's level asks for it (the line is made only then). */
  #log(level: LineLevel, line: () => string): void {
    const log = this.#settings.log;
    if (log === undefined || !writes(log, level)) return;
    safely(() => log.logger[level](`[chatwright] ${line()}`));
  }

  #describe(): string {
    const { body, name } = this.#request;
    const label = name === undefined ? '' : ` (${name})`;
    return `POST ${withoutQuery(this.#request.url)} ${body.model}${body.stream === true ? ' stream' : ''}${label}`;
  }

  #elapsed(): number {
    return Math.round(performance.now() - this.#started);
  }

  #idOf(headers: Headers | undefined): string {
    const id = headers?.get('x-request-id');
    return id == null ? '' : ` ${id}`;
  }
}

/**
 * Starts watching a request: its span (a client span named `chat {model}`, parented by the options'
 * trace parent or the active context). Synchronous once the OpenTelemetry API is loaded.
 */
export function observeRequest(
  settings: ObservationSettings,
  request: ObservedRequest,
): RequestObservation | Promise<RequestObservation> {
  const scope = startScope(
    `chat ${request.body.model}`,
    () => chatRequestAttributes(request.body, serverTarget(request.url), settings.providerName, request.name),
    { kind: 'client', parent: traceParentOf(request.options) },
  );
  return scope instanceof Promise
    ? scope.then((started) => new RequestObservation(settings, request, started))
    : new RequestObservation(settings, request, scope);
}

/** Runs a user's hook or logger; what it throws is dropped, so it can never fail the request. */
function safely(fn: () => void): void {
  try {
    fn();
  } catch {
    // Ignored on purpose (documented on `onRequest`, `onResponse` and `logger`).
  }
}
