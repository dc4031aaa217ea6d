// Static imports of Node built-ins: only the chatwright/batch entry reaches this file (the browser
// bundle bench fails if the main entry ever does), and a dynamic import() fails under Jest's CommonJS mode.
import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { type BatchSource, toBatchLine } from '../builder/to-batch-line.js';
import { BatchInputError } from '../errors/batch-input-error.js';
import { APIUserAbortError } from '../errors/user-abort-error.js';
import { checkOptionNames, type OptionNames } from '../transport/option-names.js';
import { type BatchFileLimits, batchLimits } from './batch-limits.js';

/** One request of a batch: the builder to run and the id its result comes back under. */
export interface BatchItem<TBuilder extends BatchSource = BatchSource> {
  /** Unique within the submission; the result carries it back. */
  readonly customId: string;
  readonly builder: TBuilder;
}

/** A JSONL input file as written. */
export interface BatchInputFile {
  readonly path: string;
  /** Lines (requests) in the file. */
  readonly requests: number;
  /** The file's size in bytes. */
  readonly bytes: number;
  /** The custom ids in the file, in order. */
  readonly customIds: readonly string[];
}

/** Options of `writeBatchFiles()`. */
export interface WriteBatchFilesOptions extends BatchFileLimits {
  /** Where the files go (created if missing). */
  readonly directory: string;
  /**
   * File names are `<prefix>-1.jsonl`, `<prefix>-2.jsonl`… Default `batch`. A name, not a path: no
   * `/`, `\\`, NUL, nor `.` or `..` (the files stay in `directory`).
   */
  readonly prefix?: string | undefined;
  /** Stops writing; the partial files are removed and the call rejects with `APIUserAbortError`. */
  readonly signal?: AbortSignal | undefined;
}

/** The names of `WriteBatchFilesOptions`, for `checkOptionNames()`. */
export const writeBatchFilesOptionNames: OptionNames<WriteBatchFilesOptions> = {
  directory: true,
  prefix: true,
  signal: true,
  maxRequestsPerFile: true,
  maxBytesPerFile: true,
};

// Lines are gathered into writes of about this size: one write a line costs a syscall-bound stream
// operation each, and 64 KiB is the stream's own default buffer size.
const writeChunkChars = 64 * 1024;

/**
 * Streams requests into JSONL batch input files (Node only): items are pulled one at a time from an
 * iterable or async iterable and written with backpressure, so memory stays flat however many there
 * are (only the custom ids are kept, to refuse duplicates). A new file starts whenever the next line
 * would take a file past `maxRequestsPerFile` (50,000) or `maxBytesPerFile` (200,000,000), the Batch
 * API's limits. Every request is validated first; on a bad item (see `BatchInputError`) or an abort,
 * the files written so far are removed.
 *
 * @example
 * const items = questions.map((q, i) => ({ customId: `q-${i}`, builder: preset.user(q) }));
 * const files = await writeBatchFiles(items, { directory: './batch-input' });
 * files.map((f) => f.requests); // [50000, 50000, 12345]
 */
export async function writeBatchFiles<TBuilder extends BatchSource>(
  items: Iterable<BatchItem<TBuilder>> | AsyncIterable<BatchItem<TBuilder>>,
  options: WriteBatchFilesOptions,
): Promise<BatchInputFile[]> {
  checkOptionNames(options, writeBatchFilesOptionNames, 'writeBatchFiles()');
  const maxRequests = checkLimit(
    options.maxRequestsPerFile,
    batchLimits.maxRequestsPerFile,
    'maxRequestsPerFile',
  );
  const maxBytes = checkLimit(options.maxBytesPerFile, batchLimits.maxBytesPerFile, 'maxBytesPerFile');
  const prefix = checkPrefix(options.prefix ?? 'batch');
  await mkdir(options.directory, { recursive: true });
  const seen = new Set<string>();
  const files: BatchInputFile[] = [];
  const paths: string[] = [];

  let stream: WriteStream | undefined;
  let ids: string[] = [];
  let bytes = 0;
  let pending = '';

  const flush = async (): Promise<void> => {
    if (stream === undefined || pending === '') return;
    const ok = stream.write(pending);
    pending = '';
    if (!ok) await once(stream, 'drain');
  };
  const close = async (): Promise<void> => {
    if (stream === undefined) return;
    await flush();
    const current = stream;
    stream = undefined;
    await new Promise<void>((resolve, reject) => {
      current.once('error', reject);
      current.end(resolve);
    });
    files.push({ path: current.path.toString(), requests: ids.length, bytes, customIds: ids });
  };
  const open = async (): Promise<void> => {
    const path = join(options.directory, `${prefix}-${paths.length + 1}.jsonl`);
    paths.push(path);
    stream = createWriteStream(path);
    await once(stream, 'open');
    ids = [];
    bytes = 0;
  };

  try {
    for await (const item of items) {
      if (options.signal?.aborted)
        throw new APIUserAbortError('Writing the batch was aborted.', { cause: options.signal.reason });
      const line = toBatchLine(item.builder, item.customId);
      if (seen.has(item.customId)) {
        throw new BatchInputError(
          'duplicate_custom_id',
          `the custom id ${JSON.stringify(item.customId)} is used twice`,
          {
            customId: item.customId,
          },
        );
      }
      seen.add(item.customId);
      const size = Buffer.byteLength(line) + 1;
      if (size > maxBytes) {
        throw new BatchInputError(
          'line_too_large',
          `${item.customId}: the request takes ${size} bytes, more than a whole file may (${maxBytes})`,
          {
            customId: item.customId,
          },
        );
      }
      if (stream !== undefined && (ids.length >= maxRequests || bytes + size > maxBytes)) await close();
      if (stream === undefined) await open();
      pending += `${line}\n`;
      ids.push(item.customId);
      bytes += size;
      if (pending.length >= writeChunkChars) await flush();
    }
    await close();
  } catch (error) {
    stream?.destroy();
    await Promise.all(paths.map((path) => rm(path, { force: true })));
    throw error;
  }
  return files;
}

/** Resolves on `event`, rejects on the stream's `error` (a full disk fails the write, not a hang). */
function once(stream: WriteStream, event: 'drain' | 'open'): Promise<void> {
  return new Promise((resolve, reject) => {
    const done = (): void => {
      stream.off('error', fail);
      resolve();
    };
    const fail = (error: Error): void => {
      stream.off(event, done);
      reject(error);
    };
    stream.once(event, done);
    stream.once('error', fail);
  });
}

function checkLimit(value: number | undefined, max: number, option: string): number {
  if (value === undefined) return max;
  if (!Number.isInteger(value) || value < 1 || value > max) {
    throw new BatchInputError(
      'invalid_limits',
      `${option} must be a whole number from 1 to ${max}, the Batch API's limit (got ${value})`,
    );
  }
  return value;
}

/** A file name prefix that keeps the files in their directory: a name, never a path. */
function checkPrefix(prefix: string): string {
  if (
    typeof prefix !== 'string' ||
    prefix === '' ||
    prefix === '.' ||
    prefix === '..' ||
    /[/\\\0]/.test(prefix)
  ) {
    throw new BatchInputError(
      'invalid_prefix',
      `prefix must be a file name without "/", "\\" or NUL, and not "." or ".." (got ${JSON.stringify(prefix)})`,
    );
  }
  return prefix;
}
