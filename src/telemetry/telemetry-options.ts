import { ClientOptionsError } from '../errors/client-options-error.js';
import type { ChatCompletionRequest } from '../wire/request.js';
import type { Usage } from '../wire/response.js';
import { type Logger, type LogLevel, normalizeLogging, type RequestLogSettings } from './log-options.js';

/** OpenTelemetry settings of a client (spans are recorded only when a tracer provider is registered). */
export interface TelemetryOptions {
  /**
   * Record prompts and answers on spans: `gen_ai.input.messages`, `gen_ai.output.messages`, and the
   * arguments and results of the tools `run()` executes. Default `false`, as the conventions advise:
   * content often holds personal data.
   */
  readonly captureContent?: boolean | undefined;
  /** `gen_ai.provider.name` (and `gen_ai.system`) of this client's spans. Default `'openai'`. */
  readonly providerName?: string | undefined;
}

/** What `onRequest` receives: a Chat Completions request about to be sent, after validation. */
export interface RequestEvent {
  /** The endpoint, without its query (whose values may be credentials). */
  readonly url: string;
  /** The headers to send, every value but chatwright's own `[redacted]`. */
  readonly headers: Readonly<Record<string, string>>;
  /** The wire body (frozen). */
  readonly body: Readonly<ChatCompletionRequest>;
  readonly stream: boolean;
  /** The builder's `.name()`, if it has one. */
  readonly name: string | undefined;
}

/** What `onResponse` receives once a Chat Completions request is answered. */
export interface ResponseEvent {
  /** The HTTP status of the answer that ended the request (a 2xx, or the error status). */
  readonly status: number;
  /** The response headers (the server's: no credential of the client is among them). */
  readonly headers: Headers;
  /** The `x-request-id` response header. */
  readonly requestId: string | undefined;
  /** Milliseconds from the send to the whole answer (a stream: to its end), retries included. */
  readonly durationMs: number;
  /** Token usage, when the answer carries it (a stream: with `stream_options.include_usage`). */
  readonly usage: Usage | undefined;
  /** Retries made before this answer. */
  readonly retries: number;
  readonly stream: boolean;
  /** The builder's `.name()`, if it has one. */
  readonly name: string | undefined;
  /** The error the request ended with (an error status, or a stream that failed after its headers). */
  readonly error: Error | undefined;
}

/** The observability options of a client, as `createClient()` takes them. */
export interface ObservabilityOptions {
  readonly telemetry?: TelemetryOptions | undefined;
  readonly onRequest?: ((event: RequestEvent) => void) | undefined;
  readonly onResponse?: ((event: ResponseEvent) => void) | undefined;
  readonly logLevel?: LogLevel | undefined;
  readonly logger?: Logger | undefined;
}

/** The observability options after checks and defaults. */
export interface ObservationSettings {
  readonly captureContent: boolean;
  readonly providerName: string;
  readonly onRequest: ((event: RequestEvent) => void) | undefined;
  readonly onResponse: ((event: ResponseEvent) => void) | undefined;
  /** `undefined` when logging is off. */
  readonly log: RequestLogSettings | undefined;
}

export const telemetryDefaults = /* @__PURE__ */ Object.freeze({
  captureContent: false,
  providerName: 'openai',
  logLevel: 'off' as LogLevel,
});

/** Checks the observability options of a client and fills in the defaults. Throws `ClientOptionsError`. */
export function normalizeObservability(options: ObservabilityOptions): ObservationSettings {
  const { telemetry = {}, onRequest, onResponse } = options;
  if (typeof telemetry !== 'object' || telemetry === null) {
    throw new ClientOptionsError('telemetry', 'telemetry must be an object such as { captureContent: true }');
  }
  const captureContent = telemetry.captureContent ?? telemetryDefaults.captureContent;
  if (typeof captureContent !== 'boolean') {
    throw new ClientOptionsError(
      'telemetry.captureContent',
      'telemetry.captureContent must be true or false',
    );
  }
  const providerName = telemetry.providerName ?? telemetryDefaults.providerName;
  if (typeof providerName !== 'string' || providerName === '') {
    throw new ClientOptionsError(
      'telemetry.providerName',
      'telemetry.providerName must be a non-empty string',
    );
  }
  for (const [option, hook] of [
    ['onRequest', onRequest],
    ['onResponse', onResponse],
  ] as const) {
    if (hook !== undefined && typeof hook !== 'function') {
      throw new ClientOptionsError(option, `${option} must be a function`);
    }
  }
  return {
    captureContent,
    providerName,
    onRequest,
    onResponse,
    log: normalizeLogging(options.logLevel, options.logger),
  };
}
