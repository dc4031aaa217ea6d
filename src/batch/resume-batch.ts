import type { BatchPreset } from '../builder/to-batch-line.js';
import type { ChatwrightClient } from '../client/create-client.js';
import { ChatwrightError } from '../errors/chatwright-error.js';
import { startBatchJobSpan } from '../telemetry/batch-spans.js';
import { checkOptionNames, type OptionNames } from '../transport/option-names.js';
import { BatchJob, type BatchPart } from './batch-job.js';
import { parseBatchCompletion } from './parse-batch-completion.js';
import { parseLine, responseLines } from './response-lines.js';

/** Options of `resumeBatch()`. */
export interface ResumeBatchOptions<TBuilder extends BatchPreset = BatchPreset> {
  /**
   * A builder whose response schema and schema tools parse every result, as `send()` would parse
   * its answer: pass the preset the requests were derived from. Its type types the results. Default:
   * none; results are the completions as they came (a schema cannot be rebuilt from the files).
   */
  readonly parseWith?: TBuilder | undefined;
  /** Stops the reading of the batches and their input files. */
  readonly signal?: AbortSignal | undefined;
}

/** The names of `ResumeBatchOptions`, for `checkOptionNames()`. */
export const resumeBatchOptionNames: OptionNames<ResumeBatchOptions> = { parseWith: true, signal: true };

/**
 * Picks up a job submitted earlier, perhaps by another process, from its batch ids (keep
 * `job.parts.map((part) => part.batch.id)`). Each batch is read (`GET /batches/{id}`), and the custom
 * ids of its input file are recovered by streaming the file (`GET /files/{id}/content`, a line at a
 * time, only the ids kept), so `wait()` and `results()` work as on the submitted job: every custom id
 * ends as exactly one result. Results are raw completions unless `parseWith` is given. A custom id
 * found in two of the batches, a batch given twice or one that does not run Chat Completions is a
 * `ChatwrightError`. The input files must still exist (`submitBatch()` keeps them).
 *
 * @example
 * // In the process that submits: store the ids.
 * const job = await submitBatch(client, items);
 * await writeFile('job.json', JSON.stringify(job.parts.map((part) => part.batch.id)));
 * // Later, anywhere:
 * const resumed = await resumeBatch(client, JSON.parse(await readFile('job.json', 'utf8')), { parseWith: preset });
 * await resumed.wait();
 * for await (const result of resumed.results()) console.log(result.customId, result.ok);
 */
export async function resumeBatch<TBuilder extends BatchPreset = BatchPreset>(
  client: ChatwrightClient,
  batchIds: Iterable<string>,
  options: ResumeBatchOptions<TBuilder> = {},
): Promise<BatchJob<TBuilder>> {
  checkOptionNames(options, resumeBatchOptionNames, 'resumeBatch()');
  const { signal } = options;
  const parse = options.parseWith === undefined ? undefined : parseBatchCompletion(options.parseWith);
  const parts: BatchPart[] = [];
  // Which batch each custom id is in: results are keyed by custom id, so one may not be in two.
  const owners = new Map<string, string>();
  const span = await startBatchJobSpan('resume');
  try {
    await readParts(client, batchIds, parts, owners, signal);
  } catch (error) {
    span.end(error);
    throw error;
  }
  span.set({ 'chatwright.batch.ids': parts.map((part) => part.batch.id) });
  span.end();
  return new BatchJob<TBuilder>(client, parts, () => parse, span.context);
}

/** Reads each batch and the custom ids of its input file into `parts`. */
async function readParts(
  client: ChatwrightClient,
  batchIds: Iterable<string>,
  parts: BatchPart[],
  owners: Map<string, string>,
  signal: AbortSignal | undefined,
): Promise<void> {
  for (const batchId of batchIds) {
    if (parts.some((part) => part.batch.id === batchId)) {
      throw new ChatwrightError(`batch ${batchId} is given twice`);
    }
    const batch = await client.batches.retrieve(batchId, { signal });
    if (batch.endpoint !== '/v1/chat/completions') {
      throw new ChatwrightError(
        `batch ${batchId} runs ${batch.endpoint}: resumeBatch() reads /v1/chat/completions batches only`,
      );
    }
    const file = await client.files.retrieve(batch.input_file_id, { signal });
    const customIds: string[] = [];
    for await (const line of responseLines(await client.files.content(file.id, { signal }))) {
      const customId = parseLine(line)?.custom_id;
      // A line without one is refused by the API at validation: it can have no result.
      if (customId === undefined) continue;
      const owner = owners.get(customId);
      if (owner !== undefined) {
        throw new ChatwrightError(
          `the custom id ${JSON.stringify(customId)} is in batch ${owner} and in batch ${batchId}: ` +
            'resume the batches of one submission together, and others apart',
        );
      }
      owners.set(customId, batchId);
      customIds.push(customId);
    }
    parts.push({
      input: { path: undefined, requests: customIds.length, bytes: file.bytes, customIds },
      file,
      batch,
    });
  }
}
