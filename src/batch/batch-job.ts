import type { BatchPreset } from '../builder/to-batch-line.js';
import type { ChatwrightClient } from '../client/create-client.js';
import { apiErrorFromStatus } from '../errors/api-error-from-status.js';
import { BatchItemError } from '../errors/batch-item-error.js';
import { ChatwrightError } from '../errors/chatwright-error.js';
import { APIUserAbortError } from '../errors/user-abort-error.js';
import { inBatchPhase, startBatchPhase } from '../telemetry/batch-spans.js';
import type { OtelContext } from '../telemetry/otel-api.js';
import { completionShapeError } from '../transport/response-shape.js';
import {
  type Batch,
  type BatchOutputLine,
  type BatchStatus,
  type FileObject,
  finalBatchStatuses,
} from '../wire/batch.js';
import type { ChatCompletion } from '../wire/response.js';
import type { BatchResult, inferBatchValue } from './batch-result.js';
import type { BatchCompletionParser } from './parse-batch-completion.js';
import { parseLine, responseLines } from './response-lines.js';
import type { BatchInputFile } from './write-batch-files.js';

/**
 * The requests of one input file. `path` is where the file was written, kept only when
 * `submitBatch()` was given a `directory` (a temporary one is removed after the upload); `undefined`
 * too for a job from `resumeBatch()`, whose input file is only on the server.
 */
export type BatchPartInput = Omit<BatchInputFile, 'path'> & { readonly path: string | undefined };

/** One input file and the batch that runs it. */
export interface BatchPart {
  readonly input: BatchPartInput;
  readonly file: FileObject;
  /** The batch as last seen (`wait()` refreshes it). */
  readonly batch: Batch;
}

/** What `wait()` reports after each round of polling. */
export interface BatchProgress {
  /** Every batch of the job, as last seen. */
  readonly batches: readonly Batch[];
  /** Requests in the job. */
  readonly total: number;
  /** Requests done, summed over `request_counts`. */
  readonly completed: number;
  readonly failed: number;
  /** Batches in a final status (completed, failed, expired, cancelled). */
  readonly finishedBatches: number;
}

/** Options of `job.wait()`. */
export interface BatchWaitOptions {
  /** Milliseconds between polling rounds. Default 30000. */
  readonly pollIntervalMs?: number | undefined;
  /** Called after each round with the counts so far. */
  readonly onProgress?: ((progress: BatchProgress) => void) | undefined;
  /** Stops waiting (the batches keep running; cancel them with `job.cancel()`). */
  readonly signal?: AbortSignal | undefined;
}

/**
 * A submitted batch workflow: one batch per input file. `wait()` polls until every batch is final,
 * `results()` downloads and maps every request back to its custom id. Made by `submitBatch()`, or
 * by `resumeBatch()` from the batch ids in another process.
 *
 * @example
 * const job = await submitBatch(client, items);
 * console.log(job.total, job.parts.map((part) => part.batch.id));
 * await job.wait();
 * for await (const result of job.results()) console.log(result.customId, result.ok);
 */
export class BatchJob<TBuilder extends BatchPreset = BatchPreset> {
  readonly #client: ChatwrightClient;
  readonly #parts: BatchPart[];
  readonly #parserOf: (customId: string) => BatchCompletionParser | undefined;
  /** The job's span (submission or resumption): parent of the poll and download spans. */
  readonly #trace: object | undefined;

  /** @internal Made by `submitBatch()` and `resumeBatch()`. */
  constructor(
    client: ChatwrightClient,
    parts: BatchPart[],
    parserOf: (customId: string) => BatchCompletionParser | undefined,
    trace?: OtelContext,
  ) {
    this.#client = client;
    this.#parts = parts;
    this.#parserOf = parserOf;
    this.#trace = trace;
  }

  /** The input files and their batches, as last seen. */
  get parts(): readonly BatchPart[] {
    return this.#parts;
  }

  /** How many requests the job holds. */
  get total(): number {
    return this.#parts.reduce((sum, part) => sum + part.input.requests, 0);
  }

  /**
   * Polls every unfinished batch each `pollIntervalMs` until all are final, reporting progress.
   * @example const batches = await job.wait({ pollIntervalMs: 60_000, onProgress: (p) => console.log(`${p.completed}/${p.total}`) });
   */
  wait(options: BatchWaitOptions = {}): Promise<readonly Batch[]> {
    return inBatchPhase('poll', this.#trace, async (span) => {
      const batches = await this.#poll(options, () => span.event('chatwright.batch.poll', {}));
      span.set({ 'chatwright.batch.statuses': batches.map((batch) => batch.status) });
      return batches;
    });
  }

  async #poll(options: BatchWaitOptions, onRound: () => void): Promise<readonly Batch[]> {
    const interval = options.pollIntervalMs ?? 30_000;
    for (;;) {
      onRound();
      for (const [index, part] of this.#parts.entries()) {
        if (finalBatchStatuses.has(part.batch.status)) continue;
        const batch = await this.#client.batches.retrieve(part.batch.id, { signal: options.signal });
        this.#parts[index] = { ...part, batch };
      }
      const batches = this.#parts.map((part) => part.batch);
      const finished = batches.filter((batch) => finalBatchStatuses.has(batch.status)).length;
      options.onProgress?.({
        batches,
        total: this.total,
        completed: batches.reduce((sum, batch) => sum + (batch.request_counts?.completed ?? 0), 0),
        failed: batches.reduce((sum, batch) => sum + (batch.request_counts?.failed ?? 0), 0),
        finishedBatches: finished,
      });
      if (finished === batches.length) return batches;
      await sleep(interval, options.signal);
    }
  }

  /**
   * Cancels every unfinished batch; they become `cancelled` with partial results.
   * @example await job.cancel();
   */
  async cancel(options: { readonly signal?: AbortSignal | undefined } = {}): Promise<readonly Batch[]> {
    for (const [index, part] of this.#parts.entries()) {
      if (finalBatchStatuses.has(part.batch.status) || part.batch.status === 'cancelling') continue;
      this.#parts[index] = { ...part, batch: await this.#client.batches.cancel(part.batch.id, options) };
    }
    return this.#parts.map((part) => part.batch);
  }

  /**
   * Every request's result, exactly once, file by file: the lines of each batch's output and error
   * files are streamed (never held whole), then each custom id that no line answered becomes a
   * `BatchItemError` (`batch_expired`, `batch_cancelled`, `batch_failed` or `missing_result`). Call
   * it once every batch is final (after `wait()`).
   *
   * @example
   * for await (const result of job.results()) {
   *   if (result.ok) save(result.customId, result.value.choices[0]?.message.content);
   *   else retryLater(result.customId, result.error);
   * }
   */
  async *results(
    options: { readonly signal?: AbortSignal | undefined } = {},
  ): AsyncGenerator<BatchResult<inferBatchValue<TBuilder>>, void, undefined> {
    const unfinished = this.#parts.find((part) => !finalBatchStatuses.has(part.batch.status));
    if (unfinished !== undefined) {
      throw new ChatwrightError(
        `batch ${unfinished.batch.id} is ${unfinished.batch.status}: await job.wait() before reading results`,
      );
    }
    const span = await startBatchPhase('download', this.#trace);
    let count = 0;
    try {
      for await (const result of this.#download(options)) {
        count++;
        yield result;
      }
    } catch (error) {
      span.end(error);
      throw error;
    } finally {
      // Also when the caller stops early (a `break` returns the generator).
      span.set({ 'chatwright.batch.results': count });
      span.end();
    }
  }

  async *#download(options: {
    readonly signal?: AbortSignal | undefined;
  }): AsyncGenerator<BatchResult<inferBatchValue<TBuilder>>, void, undefined> {
    for (const part of this.#parts) {
      const { batch } = part;
      const pending = new Set(part.input.customIds);
      // A file that cannot be downloaded, or whose download breaks, answers none of its remaining
      // ids: they end as that file's error, and the other file and the other parts are still read.
      let unreadable: { readonly fileId: string; readonly error: unknown } | undefined;
      if (batch.status !== 'failed') {
        for (const fileId of [batch.output_file_id, batch.error_file_id]) {
          if (fileId == null) continue;
          const lines = this.#fileLines(fileId, options.signal);
          try {
            for (;;) {
              let next: IteratorResult<string>;
              try {
                next = await lines.next();
              } catch (error) {
                if (error instanceof APIUserAbortError) throw error;
                unreadable ??= { fileId, error };
                break;
              }
              if (next.done) break;
              const line = parseLine(next.value);
              // A line we did not send, or a second line for one id: every id is answered once.
              if (line === undefined || !pending.delete(line.custom_id)) continue;
              yield await this.#toResult(line, batch.id);
            }
          } finally {
            // The caller may stop early: the download is closed, not left holding its connection.
            await lines.return(undefined);
          }
        }
      }
      for (const customId of pending) {
        yield { customId, ok: false, error: unansweredError(customId, batch, unreadable) };
      }
    }
  }

  /** The lines of one result file, downloaded as they are read; the download's failures are thrown. */
  async *#fileLines(fileId: string, signal: AbortSignal | undefined): AsyncGenerator<string> {
    yield* responseLines(await this.#client.files.content(fileId, { signal }));
  }

  async #toResult(line: BatchOutputLine, batchId: string): Promise<BatchResult<inferBatchValue<TBuilder>>> {
    const customId = line.custom_id;
    const response = line.response;
    if (response === null || response === undefined) {
      const code = line.error?.code ?? 'unknown_error';
      const message = line.error?.message ?? 'the request failed without a response';
      return { customId, ok: false, error: new BatchItemError({ customId, code, message, batchId }) };
    }
    const body = response.body;
    const headers = new Headers(
      response.request_id === undefined ? {} : { 'x-request-id': response.request_id },
    );
    if (!(response.status_code >= 200 && response.status_code < 300)) {
      return { customId, ok: false, error: apiErrorFromStatus(response.status_code, body, headers) };
    }
    // The shape send() checks: a 2xx body that is not a completion is that id's APIError (invalid_response).
    const invalid = completionShapeError(body, { status: response.status_code, headers });
    if (invalid !== undefined) return { customId, ok: false, error: invalid };
    const completion = Object.defineProperty(body as ChatCompletion, 'requestId', {
      value: response.request_id,
      configurable: true,
    });
    const parse = this.#parserOf(customId);
    if (parse === undefined) return { customId, ok: true, value: completion as inferBatchValue<TBuilder> };
    try {
      return { customId, ok: true, value: (await parse(completion)) as inferBatchValue<TBuilder> };
    } catch (error) {
      // One line's failure is that id's result, whatever parsing it threw (a schema library's own
      // error, say): it must not end the iteration and leave every later id unanswered.
      if (error instanceof ChatwrightError) return { customId, ok: false, error };
      return { customId, ok: false, error: invalidLineError(customId, batchId, error) };
    }
  }
}

/** The error of a request that no line answered: its file was unreadable, or the batch's status says why. */
function unansweredError(
  customId: string,
  batch: Batch,
  unreadable: { readonly fileId: string; readonly error: unknown } | undefined,
): BatchItemError {
  if (unreadable !== undefined) {
    const reason = unreadable.error instanceof Error ? unreadable.error.message : String(unreadable.error);
    return new BatchItemError({
      customId,
      code: 'result_file_unreadable',
      message: `the result file ${unreadable.fileId} of batch ${batch.id} could not be read: ${reason}`,
      batchId: batch.id,
      cause: unreadable.error,
    });
  }
  const reason = batch.errors?.data?.[0];
  const message =
    batch.status === 'failed'
      ? `the batch was refused: ${reason?.code ?? 'unknown'}: ${reason?.message ?? 'no reason given'}`
      : `no line in the output or error file of batch ${batch.id} (status ${batch.status})`;
  return new BatchItemError({ customId, code: unansweredCode(batch.status), message, batchId: batch.id });
}

/** A line whose response could not be read as a completion. */
function invalidLineError(customId: string, batchId: string, cause: unknown): BatchItemError {
  const reason = cause instanceof Error ? cause.message : String(cause);
  return new BatchItemError({
    customId,
    code: 'invalid_response',
    message: `the line's response is not a chat completion (${reason})`,
    batchId,
    cause,
  });
}

/** The error code of a request no line answered, by the batch's final status. */
function unansweredCode(status: BatchStatus): string {
  switch (status) {
    case 'failed':
      return 'batch_failed';
    case 'expired':
      return 'batch_expired';
    case 'cancelled':
      return 'batch_cancelled';
    default:
      return 'missing_result';
  }
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(new APIUserAbortError('Waiting for the batch was aborted.', { cause: signal.reason }));
      return;
    }
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(new APIUserAbortError('Waiting for the batch was aborted.', { cause: signal?.reason }));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
