import { trace } from '@opentelemetry/api';
import {
  BasicTracerProvider,
  InMemorySpanExporter,
  type ReadableSpan,
  SimpleSpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import type { Test } from 'uvu';
import * as assert from 'uvu/assert';

// The provider is the global one only while a telemetry suite runs (see `traced`): every test file
// shares one process, and the other suites must run as users without tracing do. Each test resets
// the exporter. Spans are parented explicitly by chatwright, so no context manager is registered.
const exporter = new InMemorySpanExporter();
const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });

/** Registers the in-memory provider around a suite's tests, and starts each test with no spans. */
export function traced(test: Test): void {
  test.before(() => {
    trace.disable();
    trace.setGlobalTracerProvider(provider);
  });
  test.after(() => {
    trace.disable();
  });
  test.before.each(resetSpans);
}

/** Forgets the spans ended so far. */
export function resetSpans(): void {
  exporter.reset();
}

/** The spans ended since the last reset, in the order they ended. */
export function endedSpans(): ReadableSpan[] {
  return exporter.getFinishedSpans();
}

/** The one ended span of that name; fails the test if there is not exactly one. */
export function spanNamed(name: string): ReadableSpan {
  const found = endedSpans().filter((span) => span.name === name);
  assert.is(found.length, 1, `expected one span "${name}", got ${found.length}: ${names()}`);
  return found[0] as ReadableSpan;
}

/** The names of the ended spans. */
export function names(): string[] {
  return endedSpans().map((span) => span.name);
}

/** Whether `child`'s parent is `parent`. */
export function isChildOf(child: ReadableSpan, parent: ReadableSpan): boolean {
  return child.parentSpanContext?.spanId === parent.spanContext().spanId;
}

/** Everything a span says, as one string: attributes, events and status message. */
export function textOf(span: ReadableSpan): string {
  return JSON.stringify([span.name, span.attributes, span.events, span.status]);
}

/** Fails if any ended span mentions any of `secrets`, anywhere. */
export function assertNoSecrets(secrets: readonly string[]): void {
  for (const span of endedSpans()) {
    const text = textOf(span);
    for (const secret of secrets) assert.not.ok(text.includes(secret), `span "${span.name}" holds ${secret}`);
  }
}

/** Waits until `check` holds (spans end asynchronously after the answer is handed out). */
export async function eventually(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 5));
  assert.ok(check(), `timed out waiting for ${what}`);
}
