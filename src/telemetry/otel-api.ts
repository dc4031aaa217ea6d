// The slice of `@opentelemetry/api` chatwright uses, declared structurally so that neither the
// library's code nor its published types need the package: it is an optional peer dependency.
// tests/types/telemetry.test-d.ts checks that the real package fits these shapes.

/** An attribute value, as OpenTelemetry accepts it. */
export type OtelAttributeValue = string | number | boolean | string[] | number[];

/** Attributes of a span or event; `undefined` members are skipped. */
export type OtelAttributes = Record<string, OtelAttributeValue | undefined>;

/** An OpenTelemetry context (opaque here). */
export type OtelContext = object;

/** The span methods chatwright calls. */
export interface OtelSpan {
  isRecording(): boolean;
  setAttribute(key: string, value: OtelAttributeValue): unknown;
  setAttributes(attributes: OtelAttributes): unknown;
  addEvent(name: string, attributes?: OtelAttributes): unknown;
  setStatus(status: { code: number; message?: string }): unknown;
  end(endTime?: number): unknown;
}

/** The tracer methods chatwright calls. */
export interface OtelTracer {
  startSpan(
    name: string,
    options?: { kind?: number; attributes?: OtelAttributes; startTime?: number },
    context?: OtelContext,
  ): OtelSpan;
}

/**
 * The parts of `@opentelemetry/api` chatwright needs: pass the package itself to
 * `useOpenTelemetry()` (`import * as otel from '@opentelemetry/api'`).
 */
export interface OpenTelemetryApi {
  readonly trace: {
    getTracer(name: string, version?: string): OtelTracer;
    setSpan(context: OtelContext, span: OtelSpan): OtelContext;
  };
  readonly context: {
    active(): OtelContext;
    with<R>(context: OtelContext, fn: () => R): R;
  };
}

/** `SpanKind` and `SpanStatusCode` values: numbers fixed by the OpenTelemetry API. */
export const spanKind = { internal: 0, client: 2 } as const;
export const spanStatus = { error: 2 } as const;
