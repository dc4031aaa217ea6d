import type { ChatwrightClient } from '../client/create-client.js';
import { apiErrorFromStatus } from '../errors/api-error-from-status.js';
import { BatchItemError } from '../errors/batch-item-error.js';
import { ChatwrightError } from '../errors/chatwright-error.js';
import { APIUserAbortError } from '../errors/user-abort-error.js';
import type { ChatCompletion } from '../wire/response.js';
import type { BatchFileLimits } from './batch-limits.js';
import type { BatchResult, inferBatchValue } from './batch-result.js';
import {
  type Batch,
  type BatchOutputLine,
  type BatchStatus,
  type FileObject,
  finalBatchStatuses,
} from './batch-wire.js';
import { type BatchCompletionParser, parseBatchCompletion } from './parse-batch-completion.js';
import type { BatchSource } from './to-batch-line.js';
import { type BatchInputFile, type BatchItem, writeBatchFiles } from './write-batch-files.js';

/** Options of `submitBatch()`. */
export interface SubmitBatchOptions extends BatchFileLimits {
  /**
   * Where the input files are written. Default: a new temporary directory, removed once the files
   * are uploaded. A directory you give is kept, files and all.
   */
  readonly directory?: string | undefined;
  /** `metadata` of every batch created (up to 16 pairs). */
  readonly metadata?: Readonly<Record<string, string>> | undefined;
  /** Stops writing and uploading; batches already created are cancelled. */
  readonly signal?: AbortSignal | undefined;
}

/** One input file and the batch that runs it. */
export interface BatchPart {
  readonly input: BatchInputFile;
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
 * `results()` downloads and maps every request back to its custom id. Made by `submitBatch()`.
 *
 * @example
 * const job = await submitBatch(client, items);
 * console.log(job.total, job.parts.map((part) => part.batch.id));
 * await job.wait();
 * for await (const result of job.results()) console.log(result.customId, result.ok);
 */
export class BatchJob<TBuilder extends BatchSource = BatchSource> {
  readonly #client: ChatwrightClient;
  readonly #parts: BatchPart[];
  readonly #parsers: ReadonlyMap<string, BatchCompletionParser>;

  /** @internal Made by `submitBatch()`. */
  constructor(
    client: ChatwrightClient,
    parts: BatchPart[],
    parsers: ReadonlyMap<string, BatchCompletionParser>,
  ) {
    this.#client = client;
    this.#parts = parts;
    this.#parsers = parsers;
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
  async wait(options: BatchWaitOptions = {}): Promise<readonly Batch[]> {
    const interval = options.pollIntervalMs ?? 30_000;
    for (;;) {
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
    for (const part of this.#parts) {
      const { batch } = part;
      const pending = new Set(part.input.customIds);
      if (batch.status !== 'failed') {
        for (const fileId of [batch.output_file_id, batch.error_file_id]) {
          if (fileId == null) continue;
          const response = await this.#client.files.content(fileId, options);
          for await (const text of lines(response)) {
            const line = parseLine(text);
            // A line we did not send, or a second line for one id: every id is answered once.
            if (line === undefined || !pending.delete(line.custom_id)) continue;
            yield await this.#toResult(line, batch.id);
          }
        }
      }
      const code = unansweredCode(batch.status);
      const reason = batch.errors?.data?.[0];
      const message =
        batch.status === 'failed'
          ? `the batch was refused: ${reason?.code ?? 'unknown'}: ${reason?.message ?? 'no reason given'}`
          : `no line in the output or error file of batch ${batch.id} (status ${batch.status})`;
      for (const customId of pending) {
        yield {
          customId,
          ok: false,
          error: new BatchItemError({ customId, code, message, batchId: batch.id }),
        };
      }
    }
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
    const ok = response.status_code >= 200 && response.status_code < 300;
    if (!ok || typeof body !== 'object' || body === null || Array.isArray(body)) {
      const headers = new Headers(
        response.request_id === undefined ? {} : { 'x-request-id': response.request_id },
      );
      const error = ok
        ? apiErrorFromStatus(
            response.status_code,
            { error: { message: 'the response body is not a JSON object', type: 'invalid_response' } },
            headers,
          )
        : apiErrorFromStatus(response.status_code, body, headers);
      return { customId, ok: false, error };
    }
    const completion = Object.defineProperty(body as ChatCompletion, 'requestId', {
      value: response.request_id,
      configurable: true,
    });
    const parse = this.#parsers.get(customId);
    if (parse === undefined) return { customId, ok: true, value: completion as inferBatchValue<TBuilder> };
    try {
      return { customId, ok: true, value: (await parse(completion)) as inferBatchValue<TBuilder> };
    } catch (error) {
      if (error instanceof ChatwrightError) return { customId, ok: false, error };
      throw error;
    }
  }
}

/**
 * The Batch API workflow in one call: streams the items into JSONL input files (split at the API's
 * 50,000 requests and 200 MB per file, custom ids checked unique, every request validated), uploads
 * each file (`POST /files`, purpose `batch`, streamed from disk) and creates one batch per file
 * (`POST /batches`, `/v1/chat/completions`, `24h`). Node only. If an upload or a create fails, the
 * batches already created are cancelled before the error is thrown.
 *
 * @example
 * const client = createClient();
 * const preset = client.chat().model('gpt-4o-mini').system('Classify the ticket: billing, bug or other.');
 * const job = await submitBatch(client, tickets.map((t) => ({ customId: t.id, builder: preset.user(t.text) })));
 * await job.wait({ onProgress: (p) => console.log(`${p.completed + p.failed}/${p.total}`) });
 * for await (const result of job.results()) console.log(result.customId, result.ok);
 *
 * @see https://platform.openai.com/docs/guides/batch
 */
export async function submitBatch<TBuilder extends BatchSource>(
  client: ChatwrightClient,
  items: Iterable<BatchItem<TBuilder>> | AsyncIterable<BatchItem<TBuilder>>,
  options: SubmitBatchOptions = {},
): Promise<BatchJob<TBuilder>> {
  const [{ openAsBlob }, { mkdtemp, rm }, { tmpdir }, { join }] = await Promise.all([
    import('node:fs'),
    import('node:fs/promises'),
    import('node:os'),
    import('node:path'),
  ]);
  const temporary = options.directory === undefined;
  const directory = options.directory ?? (await mkdtemp(join(tmpdir(), 'chatwright-batch-')));
  const parsers = new Map<string, BatchCompletionParser>();
  const parts: BatchPart[] = [];
  try {
    const files = await writeBatchFiles(withParsers(items, parsers), {
      directory,
      maxRequestsPerFile: options.maxRequestsPerFile,
      maxBytesPerFile: options.maxBytesPerFile,
      signal: options.signal,
    });
    for (const [index, input] of files.entries()) {
      const filename = files.length === 1 ? 'batch.jsonl' : `batch-${index + 1}-of-${files.length}.jsonl`;
      const file = await client.files.upload(await openAsBlob(input.path, { type: 'application/jsonl' }), {
        filename,
        purpose: 'batch',
        signal: options.signal,
      });
      const batch = await client.batches.create(
        {
          input_file_id: file.id,
          endpoint: '/v1/chat/completions',
          completion_window: '24h',
          ...(options.metadata === undefined ? {} : { metadata: options.metadata }),
        },
        { signal: options.signal },
      );
      parts.push({ input, file, batch });
    }
  } catch (error) {
    // Half a job is worse than none: the caller has no handle on the batches created so far.
    await Promise.allSettled(parts.map((part) => client.batches.cancel(part.batch.id)));
    throw error;
  } finally {
    if (temporary) await rm(directory, { recursive: true, force: true });
  }
  return new BatchJob<TBuilder>(client, parts, parsers);
}

async function* withParsers<TBuilder extends BatchSource>(
  items: Iterable<BatchItem<TBuilder>> | AsyncIterable<BatchItem<TBuilder>>,
  parsers: Map<string, BatchCompletionParser>,
): AsyncGenerator<BatchItem<TBuilder>> {
  for await (const item of items) {
    const parse = parseBatchCompletion(item.builder);
    if (parse !== undefined) parsers.set(item.customId, parse);
    yield item;
  }
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

/** The lines of a response body, decoded and split as they arrive. */
async function* lines(response: Response): AsyncGenerator<string> {
  if (response.body === null) return;
  const decoder = new TextDecoder();
  let rest = '';
  for await (const bytes of response.body as unknown as AsyncIterable<Uint8Array>) {
    rest += decoder.decode(bytes, { stream: true });
    let start = 0;
    for (let end = rest.indexOf('\n'); end !== -1; end = rest.indexOf('\n', start)) {
      if (end > start) yield rest.slice(start, end);
      start = end + 1;
    }
    rest = rest.slice(start);
  }
  rest += decoder.decode();
  if (rest.trim() !== '') yield rest;
}

function parseLine(text: string): BatchOutputLine | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const line = value as Partial<BatchOutputLine>;
  return typeof line.custom_id === 'string' ? (line as BatchOutputLine) : undefined;
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
