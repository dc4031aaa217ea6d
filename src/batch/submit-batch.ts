import { openAsBlob } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BatchSource } from '../builder/to-batch-line.js';
import type { ChatwrightClient } from '../client/create-client.js';
import { type BatchCostCounter, tokenHooks } from '../client/token-hooks.js';
import { APIError } from '../errors/api-error.js';
import type { BatchCostEstimate } from '../errors/batch-cost-error.js';
import { BatchCostError } from '../errors/batch-cost-error.js';
import { ClientOptionsError } from '../errors/client-options-error.js';
import { inBatchPhase, startBatchJobSpan } from '../telemetry/batch-spans.js';
import { checkOptionNames, type OptionNames } from '../transport/option-names.js';
import type { Batch, FileObject } from '../wire/batch.js';
import { BatchJob, type BatchPart } from './batch-job.js';
import type { BatchFileLimits } from './batch-limits.js';
import { type BatchCompletionParser, parseBatchCompletion } from './parse-batch-completion.js';
import { type BatchItem, writeBatchFiles } from './write-batch-files.js';

/** Options of `submitBatch()`. */
export interface SubmitBatchOptions extends BatchFileLimits {
  /**
   * Where the input files are written. Default: a new temporary directory, removed once the files
   * are uploaded. A directory you give is kept, files and all.
   */
  readonly directory?: string | undefined;
  /** `metadata` of every batch created (up to 16 pairs). */
  readonly metadata?: Readonly<Record<string, string>> | undefined;
  /**
   * Stops writing and uploading; batches already created are cancelled, and a file uploaded for a
   * batch not yet made is deleted.
   */
  readonly signal?: AbortSignal | undefined;
  /**
   * Refuses the job, uploading nothing, when its estimated cost (input plus the most output) is over
   * this many USD, or cannot be estimated. Needs `chatwright/tokens` imported (it counts the tokens).
   */
  readonly maxCostUSD?: number | undefined;
  /** Receives the cost estimate once the files are written, before anything is uploaded (needs chatwright/tokens). */
  readonly onEstimate?: ((estimate: BatchCostEstimate) => void) | undefined;
  /**
   * Called (and awaited) as each batch is created, before the next file is uploaded: store
   * `event.batch.id` here, so that a process killed before `submitBatch()` returns has the ids of
   * the batches already running (and billed) to `resumeBatch()` or cancel them. What it throws fails
   * the submission like any failure: the batches made so far, this one included, are cancelled.
   */
  readonly onBatchCreated?: ((event: BatchCreatedEvent) => void | Promise<void>) | undefined;
}

/** The names of `SubmitBatchOptions`, for `checkOptionNames()`. */
export const submitBatchOptionNames: OptionNames<SubmitBatchOptions> = {
  directory: true,
  metadata: true,
  signal: true,
  onBatchCreated: true,
  maxCostUSD: true,
  onEstimate: true,
  maxRequestsPerFile: true,
  maxBytesPerFile: true,
};

/** What `onBatchCreated` receives. */
export interface BatchCreatedEvent {
  /** The batch just created. */
  readonly batch: Batch;
  /** Its input file, as uploaded. */
  readonly file: FileObject;
  /** Which of the input files it runs, from 0. */
  readonly index: number;
  /** How many input files (and so batches) the submission makes. */
  readonly total: number;
}

/**
 * The Batch API workflow in one call: streams the items into JSONL input files (split at the API's
 * 50,000 requests and 200 MB per file, custom ids checked unique, every request validated), uploads
 * each file (`POST /files`, purpose `batch`, from a file-backed Blob) and creates one batch per file
 * (`POST /batches`, `/v1/chat/completions`, `24h`). Node only. If an upload or a create fails, the
 * batches already created are cancelled and the uploaded file that has no batch is deleted (best
 * effort) before the error is thrown.
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
  checkOptionNames(options, submitBatchOptionNames, 'submitBatch()');
  const costs = costCounter(options);
  const temporary = options.directory === undefined;
  const directory = options.directory ?? (await mkdtemp(join(tmpdir(), 'chatwright-batch-')));
  const parsers = new Map<string, BatchCompletionParser>();
  const parts: BatchPart[] = [];
  // The file uploaded in this call whose batch does not exist (yet): deleted if the call fails.
  let orphan: FileObject | undefined;
  // The create error after which no batch of the orphan was found: nothing to cancel.
  let settled: unknown;
  const span = await startBatchJobSpan('submit');
  try {
    const files = await inBatchPhase('write', span.context, async (phase) => {
      const written = await writeBatchFiles(withParsers(items, parsers, costs), {
        directory,
        maxRequestsPerFile: options.maxRequestsPerFile,
        maxBytesPerFile: options.maxBytesPerFile,
        signal: options.signal,
      });
      phase.set({
        'chatwright.batch.files': written.length,
        'chatwright.batch.requests': written.reduce((sum, file) => sum + file.requests, 0),
      });
      return written;
    });
    if (costs !== undefined) checkCost(costs.result(), options);
    for (const [index, input] of files.entries()) {
      const filename = files.length === 1 ? 'batch.jsonl' : `batch-${index + 1}-of-${files.length}.jsonl`;
      const file = await inBatchPhase('upload', span.context, async (phase) => {
        const blob = await openAsBlob(input.path, { type: 'application/jsonl' });
        const uploaded = await client.files.upload(blob, {
          filename,
          purpose: 'batch',
          signal: options.signal,
        });
        phase.set({ 'chatwright.batch.file_id': uploaded.id, 'chatwright.batch.file_bytes': input.bytes });
        return uploaded;
      });
      orphan = file;
      const batch = await inBatchPhase('create', span.context, async (phase) => {
        const created = await client.batches.create(
          {
            input_file_id: file.id,
            endpoint: '/v1/chat/completions',
            completion_window: '24h',
            ...(options.metadata === undefined ? {} : { metadata: options.metadata }),
          },
          {
            signal: options.signal,
            // The file was uploaded by this call, so a batch of it is the one a lost answer created.
            findCreated: async (error) => {
              try {
                const found = await findBatchOfFile(client, file, options.signal);
                if (found === undefined) settled = error;
                return found;
              } catch {
                throw error;
              }
            },
          },
        );
        phase.set({ 'chatwright.batch.id': created.id, 'chatwright.batch.file_id': file.id });
        return created;
      });
      // A temporary directory is removed below: its path would name a file that no longer exists.
      parts.push({ input: temporary ? { ...input, path: undefined } : input, file, batch });
      orphan = undefined;
      await options.onBatchCreated?.({ batch, file, index, total: files.length });
    }
  } catch (error) {
    // Half a job is worse than none: the caller has no handle on the batches created so far, nor on
    // a file uploaded for a batch that was never made (it would sit in the organisation's storage).
    // Best effort: what fails here is dropped, so the caller sees why the submission failed.
    const file = orphan;
    await Promise.allSettled([
      ...parts.map((part) => client.batches.cancel(part.batch.id)),
      file === undefined ? undefined : dropOrphan(client, file, error === settled || refused(error)),
    ]);
    span.end(error);
    throw error;
  } finally {
    if (temporary) await rm(directory, { recursive: true, force: true });
  }
  span.set({
    'chatwright.batch.ids': parts.map((part) => part.batch.id),
    'chatwright.batch.requests': parts.reduce((sum, part) => sum + part.input.requests, 0),
  });
  span.end();
  return new BatchJob<TBuilder>(client, parts, (customId) => parsers.get(customId), span.context);
}

/**
 * Deletes a file whose create failed. Unless the create was plainly refused or a search already
 * came back empty, the create may have been carried out (an abort or a lost answer while it was
 * in flight): the batch it made, if any, is cancelled first.
 */
async function dropOrphan(client: ChatwrightClient, file: FileObject, settled: boolean): Promise<void> {
  try {
    const batch = settled ? undefined : await findBatchOfFile(client, file, undefined);
    if (batch !== undefined) await client.batches.cancel(batch.id);
  } finally {
    await client.files.delete(file.id);
  }
}

/** An answer that refuses the request: it was not carried out (a 4xx other than 408 and 409). */
function refused(error: unknown): boolean {
  const status = error instanceof APIError ? error.status : undefined;
  return status !== undefined && status >= 400 && status < 500 && status !== 408 && status !== 409;
}

/**
 * The batch made from `file`, looked for in `GET /batches` (newest first, 100 a page). The search
 * stops at the first batch older than the file (none after it can be made from the file: the
 * timestamps are the server's), so it reads only the batches created since the upload.
 */
async function findBatchOfFile(
  client: ChatwrightClient,
  file: FileObject,
  signal: AbortSignal | undefined,
): Promise<Batch | undefined> {
  let after: string | undefined;
  for (;;) {
    const page = await client.batches.list({ limit: 100, after }, { signal });
    for (const batch of page.data) {
      if (batch.input_file_id === file.id) return batch;
      if (batch.created_at < file.created_at) return undefined;
    }
    after = page.last_id ?? page.data[page.data.length - 1]?.id;
    if (!page.has_more || after == null) return undefined;
  }
}

async function* withParsers<TBuilder extends BatchSource>(
  items: Iterable<BatchItem<TBuilder>> | AsyncIterable<BatchItem<TBuilder>>,
  parsers: Map<string, BatchCompletionParser>,
  costs: BatchCostCounter | undefined,
): AsyncGenerator<BatchItem<TBuilder>> {
  for await (const item of items) {
    const parse = parseBatchCompletion(item.builder);
    if (parse !== undefined) parsers.set(item.customId, parse);
    costs?.add(item.builder.toJSON() as { readonly [field: string]: unknown });
    yield item;
  }
}

/** The cost counter when the caller asked for an estimate; a clear error when the tokenizer is absent. */
function costCounter(options: SubmitBatchOptions): BatchCostCounter | undefined {
  if (options.maxCostUSD === undefined && options.onEstimate === undefined) return undefined;
  const hooks = tokenHooks();
  if (hooks === undefined) {
    throw new ClientOptionsError(
      options.maxCostUSD === undefined ? 'onEstimate' : 'maxCostUSD',
      "submitBatch()'s cost estimate needs the tokenizer: import 'chatwright/tokens' once in your application (nothing was uploaded)",
    );
  }
  return hooks.batchCostCounter();
}

/** Reports the estimate, and refuses the job over `maxCostUSD` (or when it cannot be estimated). */
function checkCost(estimate: BatchCostEstimate, options: SubmitBatchOptions): void {
  options.onEstimate?.(estimate);
  const limit = options.maxCostUSD;
  if (limit === undefined) return;
  const usd = (n: number) => `$${n.toFixed(2)}`;
  const { inputUSD, outputUSD } = estimate;
  if (inputUSD === undefined || outputUSD?.max === undefined) {
    const why =
      estimate.unpricedModels.length > 0
        ? `no known price for ${estimate.unpricedModels.join(', ')}`
        : 'no known output limit (set maxCompletionTokens)';
    throw new BatchCostError(
      estimate,
      limit,
      `Batch not uploaded: its cost cannot be estimated (${why}), and maxCostUSD is ${usd(limit)}`,
    );
  }
  const most = inputUSD + outputUSD.max;
  if (most > limit) {
    throw new BatchCostError(
      estimate,
      limit,
      `Batch not uploaded: ${estimate.requests} requests estimated at ${usd(inputUSD)} input (${estimate.inputTokens} tokens) plus up to ${usd(outputUSD.max)} output, ${usd(most)} in all, over maxCostUSD ${usd(limit)}`,
    );
  }
}
