import { APIError } from '../errors/api-error.js';
import type { ChatwrightError } from '../errors/chatwright-error.js';
import { APIConnectionError } from '../errors/connection-error.js';
import type { Batch, BatchList, CreateBatchParams, ListBatchesParams } from '../wire/batch.js';
import { type ApiCall, callJson } from './api-call.js';
import type { ClientDispatcher } from './client-dispatcher.js';
import { idSegment } from './id-segment.js';

/** Per-call options of the Batches API. */
export interface BatchCallOptions {
  readonly signal?: AbortSignal | undefined;
}

/** Options of `client.batches.create()`. */
export interface CreateBatchOptions extends BatchCallOptions {
  /** Retries of a retryable failure for this call. Default: the client's `maxRetries`. */
  readonly maxRetries?: number | undefined;
  /** The `Idempotency-Key` of every attempt. Default: a fresh one per call. */
  readonly idempotencyKey?: string | undefined;
  /**
   * Looks for the batch a failed attempt may have created. Called after each failure that may have
   * reached the server (the connection failed or was cut, a timeout, a 5xx, a 408 or 409), before the
   * client retries or throws: a batch it resolves to is the call's result, so no second batch is
   * made when only the answer was lost. `undefined`: the client goes on (retries, or throws the
   * error). What it throws ends the call. The retries keep the client's count and backoff.
   *
   * The API does not document `Idempotency-Key` for `POST /batches`, so a retry after a lost answer
   * may otherwise create (and bill) the batch twice. `submitBatch()` passes a search of `GET /batches`
   * for its freshly uploaded input file.
   */
  readonly findCreated?: ((error: ChatwrightError) => Promise<Batch | undefined>) | undefined;
}

/**
 * The Batches API, through the client's key, retries and errors. For the whole workflow (write,
 * upload, create, poll, map results back), see `submitBatch()`.
 * @see https://platform.openai.com/docs/api-reference/batch
 */
export interface BatchesAPI {
  /**
   * Creates a batch from an uploaded input file (`POST /batches`).
   * @example await client.batches.create({ input_file_id: file.id, endpoint: '/v1/chat/completions', completion_window: '24h' });
   */
  create(params: CreateBatchParams, options?: CreateBatchOptions): Promise<Batch>;
  /**
   * Reads a batch's status and counts (`GET /batches/{id}`).
   * @example const { status, request_counts } = await client.batches.retrieve('batch_abc123');
   */
  retrieve(batchId: string, options?: BatchCallOptions): Promise<Batch>;
  /**
   * Cancels a batch (`POST /batches/{id}/cancel`): it is `cancelling`, then `cancelled` with partial results.
   * @example await client.batches.cancel('batch_abc123');
   */
  cancel(batchId: string, options?: BatchCallOptions): Promise<Batch>;
  /**
   * One page of the organisation's batches, newest first (`GET /batches`); pass the page's `last_id`
   * as `after` for the next one while `has_more`.
   * @see https://platform.openai.com/docs/api-reference/batch/list
   * @example
   * let page = await client.batches.list({ limit: 100 });
   * while (page.has_more && page.last_id) page = await client.batches.list({ limit: 100, after: page.last_id });
   */
  list(params?: ListBatchesParams, options?: BatchCallOptions): Promise<BatchList>;
}

/** The Batches API of one client. */
export function batchesAPI(dispatcher: ClientDispatcher): BatchesAPI {
  const call = async (request: ApiCall): Promise<unknown> => await callJson(dispatcher, request);
  return {
    create: (params, options = {}) => createBatch(dispatcher, params, options),
    retrieve: async (batchId, options = {}) =>
      (await call({
        method: 'GET',
        path: `/batches/${idSegment(batchId, 'batchId')}`,
        signal: options.signal,
      })) as Batch,
    cancel: async (batchId, options = {}) =>
      (await call({
        method: 'POST',
        path: `/batches/${idSegment(batchId, 'batchId')}/cancel`,
        body: '',
        signal: options.signal,
      })) as Batch,
    list: async (params = {}, options = {}) =>
      (await call({
        method: 'GET',
        path: '/batches',
        signal: options.signal,
        query: {
          ...(params.after === undefined ? {} : { after: params.after }),
          ...(params.limit === undefined ? {} : { limit: String(params.limit) }),
        },
      })) as BatchList,
  };
}

/**
 * `POST /batches`. With `findCreated`, each failed attempt that may have reached the server is
 * followed by a look for the batch it made, before the transport decides on a retry (its count,
 * backoff and `onRetry` stay the client's): a batch found ends the call as the result.
 */
async function createBatch(
  dispatcher: ClientDispatcher,
  params: CreateBatchParams,
  options: CreateBatchOptions,
): Promise<Batch> {
  const { findCreated } = options;
  let found: Batch | undefined;
  try {
    return (await callJson(dispatcher, {
      method: 'POST',
      path: '/batches',
      body: JSON.stringify(params),
      signal: options.signal,
      maxRetries: options.maxRetries,
      idempotencyKey: options.idempotencyKey,
      settle:
        findCreated &&
        (async (error) => {
          if (mayHaveCreated(error)) found = await findCreated(error);
          return found !== undefined;
        }),
    })) as unknown as Batch;
  } catch (error) {
    if (found !== undefined) return found;
    throw error;
  }
}

/** Whether a failed create may have been carried out: anything but an answer that refuses it. */
function mayHaveCreated(error: ChatwrightError): boolean {
  if (error instanceof APIConnectionError) return true;
  if (!(error instanceof APIError)) return false;
  const status = error.status;
  return status === undefined || status >= 500 || status === 408 || status === 409;
}
