import type { OtelContext } from './otel-api.js';
import { type SpanScope, startScope } from './span-scope.js';

/** A phase of the Batch API workflow, each its own span under the job's. */
export type BatchPhase = 'write' | 'upload' | 'create' | 'poll' | 'download';

/**
 * The span of a batch job, `chatwright.batch.submit` (or `chatwright.batch.resume`): parent of the
 * phases of the submission (write, upload, create), then of the job's later `wait()` (poll) and
 * `results()` (download), which may run long after it ended: the whole job is one trace.
 */
export function startBatchJobSpan(kind: 'submit' | 'resume'): SpanScope | Promise<SpanScope> {
  return startScope(`chatwright.batch.${kind}`, {});
}

/** Runs one phase in its span, `chatwright.batch.{phase}`, ended with the phase (and its error). */
export async function inBatchPhase<R>(
  phase: BatchPhase,
  job: OtelContext | undefined,
  run: (span: SpanScope) => Promise<R>,
): Promise<R> {
  const span = await startBatchPhase(phase, job);
  try {
    const result = await run(span);
    span.end();
    return result;
  } catch (error) {
    span.end(error);
    throw error;
  }
}

/** Starts a phase's span, for a phase that is not one call (the results generator). */
export function startBatchPhase(
  phase: BatchPhase,
  job: OtelContext | undefined,
): SpanScope | Promise<SpanScope> {
  return startScope(`chatwright.batch.${phase}`, { 'chatwright.batch.phase': phase }, { parent: job });
}
