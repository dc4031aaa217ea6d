import { VERSION } from '../internal/version.js';
import { otelApi } from './load-otel.js';
import {
  type OpenTelemetryApi,
  type OtelAttributes,
  type OtelContext,
  type OtelSpan,
  spanKind,
  spanStatus,
} from './otel-api.js';

/**
 * One span and its context, or nothing at all: without the API, or with no tracer provider
 * registered, every method does nothing and `context` is undefined, so callers never branch.
 */
export interface SpanScope {
  /** Whether a span records: when false, attributes need not even be computed. */
  readonly recording: boolean;
  /** The context whose active span is this one, to parent child spans; undefined when not recording. */
  readonly context: OtelContext | undefined;
  set(attributes: OtelAttributes): void;
  event(name: string, attributes: OtelAttributes): void;
  /** Runs `fn` with this span active (for spans the application's own code starts inside it). */
  run<R>(fn: () => R): R;
  /**
   * Ends the span; with an error, `error.type` and an error status, whose description is `message`
   * only: an error's own message may quote what must not be recorded (a key a server echoes, tool
   * arguments), so only a caller that cleaned it passes one. A second call does nothing.
   */
  end(error?: unknown, message?: string): void;
}

/** A scope that records nothing. */
export const noScope: SpanScope = Object.freeze({
  recording: false,
  context: undefined,
  set() {},
  event() {},
  run: <R>(fn: () => R): R => fn(),
  end() {},
});

/** How a span starts: its kind (`internal` unless said) and its parent (the active context if none). */
export interface ScopeStart {
  readonly kind?: 'client' | 'internal';
  readonly parent?: OtelContext | undefined;
}

/**
 * Starts a span through the OpenTelemetry API, awaiting the API's first load only (afterwards the
 * scope is made synchronously). `attributes` may be a function, called only when there is an API. The tracer is asked for at each span, so a provider registered
 * after chatwright was loaded is used.
 */
export function startScope(
  name: string,
  attributes: OtelAttributes | (() => OtelAttributes),
  start: ScopeStart = {},
): SpanScope | Promise<SpanScope> {
  const api = otelApi();
  if (api instanceof Promise) return api.then((loaded) => scopeWith(loaded, name, attributes, start));
  return scopeWith(api, name, attributes, start);
}

function scopeWith(
  api: OpenTelemetryApi | undefined,
  name: string,
  attributes: OtelAttributes | (() => OtelAttributes),
  start: ScopeStart,
): SpanScope {
  if (api === undefined) return noScope;
  const parent = start.parent ?? api.context.active();
  const span = api.trace.getTracer('chatwright', VERSION).startSpan(
    name,
    {
      kind: start.kind === 'client' ? spanKind.client : spanKind.internal,
      attributes: defined(typeof attributes === 'function' ? attributes() : attributes),
    },
    parent,
  );
  // No provider: the API hands out a non-recording span; drop it so that nothing more is computed.
  if (!span.isRecording()) return noScope;
  return new RecordingScope(api, span, api.trace.setSpan(parent, span));
}

class RecordingScope implements SpanScope {
  readonly #api: OpenTelemetryApi;
  readonly #span: OtelSpan;
  readonly context: OtelContext;
  readonly recording = true;
  #ended = false;

  constructor(api: OpenTelemetryApi, span: OtelSpan, context: OtelContext) {
    this.#api = api;
    this.#span = span;
    this.context = context;
  }

  set(attributes: OtelAttributes): void {
    if (!this.#ended) this.#span.setAttributes(defined(attributes));
  }

  event(name: string, attributes: OtelAttributes): void {
    if (!this.#ended) this.#span.addEvent(name, defined(attributes));
  }

  run<R>(fn: () => R): R {
    return this.#api.context.with(this.context, fn);
  }

  end(error?: unknown, message?: string): void {
    if (this.#ended) return;
    if (error !== undefined) {
      this.#span.setAttribute('error.type', errorType(error));
      this.#span.setStatus(
        message === undefined ? { code: spanStatus.error } : { code: spanStatus.error, message },
      );
    }
    this.#ended = true;
    this.#span.end();
  }
}

/**
 * `error.type`: the error class's name (`RateLimitError`, `APITimeoutError`, `IncompleteStreamError`...),
 * low-cardinality as the conventions ask; `_OTHER` for a thrown value that is not an Error.
 */
export function errorType(error: unknown): string {
  return error instanceof Error && error.name !== '' ? error.name : '_OTHER';
}

/** The attributes that have a value (the SDK would warn about each `undefined`). */
function defined(attributes: OtelAttributes): OtelAttributes {
  const out: OtelAttributes = {};
  for (const key in attributes) {
    const value = attributes[key];
    if (value !== undefined) out[key] = value;
  }
  return out;
}
