import type { OtelContext } from './otel-api.js';

/**
 * Carries the span a request belongs to (a `run()` step, a `fanOut()`) on its send options, from the
 * code that started that span to the client that starts the request's span. Explicit, because the
 * OpenTelemetry context follows async code only when the application registered a context manager;
 * without this key the request's parent is the active context, as usual. A symbol key: it is not part
 * of `SendOptions` and survives the spreads that pass options along.
 */
export const traceParent: unique symbol = Symbol('chatwright.traceParent');

/** Send options that may carry a parent span's context. */
export type WithTraceParent = { readonly [traceParent]?: OtelContext | undefined };

/** `options` with `parent` as the parent of the request's span (`options` itself without a parent). */
export function withTraceParent<T extends object>(options: T, parent: OtelContext | undefined): T {
  return parent === undefined ? options : { ...options, [traceParent]: parent };
}

/** The parent context set by `withTraceParent`, if any. */
export function traceParentOf(options: object | undefined): OtelContext | undefined {
  return (options as WithTraceParent | undefined)?.[traceParent];
}
