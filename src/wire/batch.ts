// Wire shapes of the Files and Batch APIs, as the OpenAPI description of the API defines them
// (github.com/openai/openai-openapi: OpenAIFile, Batch, CreateBatchRequest, BatchRequestCounts,
// BatchError, and the per-line objects of the batch input and output files).
import type { ChatCompletionRequest } from './request.js';

/** An uploaded file (`object: 'file'`). @see https://platform.openai.com/docs/api-reference/files/object */
export interface FileObject {
  readonly id: string;
  readonly object: 'file';
  readonly bytes: number;
  readonly created_at: number;
  readonly expires_at?: number | null;
  readonly filename: string;
  readonly purpose: string;
  readonly status?: string;
}

/** The statuses of a batch; the last four are final. */
export type BatchStatus =
  | 'validating'
  | 'in_progress'
  | 'finalizing'
  | 'cancelling'
  | 'completed'
  | 'failed'
  | 'expired'
  | 'cancelled';

/** How many requests of a batch are done. */
export interface BatchRequestCounts {
  readonly total: number;
  readonly completed: number;
  readonly failed: number;
}

/** Why a batch (or one of its input lines) was refused, in `batch.errors.data`. */
export interface BatchError {
  readonly code?: string;
  readonly message?: string;
  readonly param?: string | null;
  readonly line?: number | null;
}

/** A batch (`object: 'batch'`). @see https://platform.openai.com/docs/api-reference/batch/object */
export interface Batch {
  readonly id: string;
  readonly object: 'batch';
  readonly endpoint: string;
  readonly input_file_id: string;
  readonly completion_window: string;
  readonly status: BatchStatus;
  readonly created_at: number;
  readonly output_file_id?: string | null;
  readonly error_file_id?: string | null;
  readonly errors?: { readonly object?: string; readonly data?: readonly BatchError[] } | null;
  readonly request_counts?: BatchRequestCounts;
  readonly metadata?: Readonly<Record<string, string>> | null;
  readonly in_progress_at?: number | null;
  readonly expires_at?: number | null;
  readonly finalizing_at?: number | null;
  readonly completed_at?: number | null;
  readonly failed_at?: number | null;
  readonly expired_at?: number | null;
  readonly cancelling_at?: number | null;
  readonly cancelled_at?: number | null;
}

/** The body of `POST /batches`. @see https://platform.openai.com/docs/api-reference/batch/create */
export interface CreateBatchParams {
  readonly input_file_id: string;
  /** chatwright writes Chat Completions lines: `/v1/chat/completions`. */
  readonly endpoint: '/v1/chat/completions';
  /** The only window the API offers: `24h`. */
  readonly completion_window: '24h';
  /** Up to 16 pairs; keys up to 64 characters, values up to 512. */
  readonly metadata?: Readonly<Record<string, string>>;
}

/** The query of `GET /batches`. @see https://platform.openai.com/docs/api-reference/batch/list */
export interface ListBatchesParams {
  /** A batch id: the page starts after it (pass the previous page's `last_id`). */
  readonly after?: string | undefined;
  /** Batches per page, 1 to 100. The API's default: 20. */
  readonly limit?: number | undefined;
}

/** A page of batches, newest first (`object: 'list'`). */
export interface BatchList {
  readonly object: 'list';
  readonly data: readonly Batch[];
  /** The first and last batch ids of the page (absent or null on an empty page). */
  readonly first_id?: string | null;
  readonly last_id?: string | null;
  /** Whether more batches follow `last_id`. */
  readonly has_more: boolean;
}

/** One line of a batch input file. @see https://platform.openai.com/docs/api-reference/batch/request-input */
export interface BatchRequestLine {
  readonly custom_id: string;
  readonly method: 'POST';
  readonly url: '/v1/chat/completions';
  readonly body: ChatCompletionRequest;
}

/** One line of a batch output or error file. @see https://platform.openai.com/docs/api-reference/batch/request-output */
export interface BatchOutputLine {
  readonly id?: string;
  readonly custom_id: string;
  readonly response: {
    readonly status_code: number;
    readonly request_id?: string;
    readonly body: unknown;
  } | null;
  readonly error: { readonly code?: string; readonly message?: string } | null;
}

/** The final statuses: nothing about the batch changes any more. */
export const finalBatchStatuses: ReadonlySet<BatchStatus> = /* @__PURE__ */ new Set([
  'completed',
  'failed',
  'expired',
  'cancelled',
]);
