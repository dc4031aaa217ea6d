import type { Batch, CreateBatchParams } from '../batch/batch-wire.js';
import { callJson } from './api-call.js';
import type { ClientDispatcher } from './client-dispatcher.js';

/** Per-call options of the Batches API. */
export interface BatchCallOptions {
  readonly signal?: AbortSignal | undefined;
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
  create(params: CreateBatchParams, options?: BatchCallOptions): Promise<Batch>;
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
}

/** The Batches API of one client. */
export function batchesAPI(dispatcher: ClientDispatcher): BatchesAPI {
  const call = async (method: 'GET' | 'POST', path: string, body: string, options: BatchCallOptions) =>
    (await callJson(dispatcher, {
      method,
      path,
      ...(method === 'POST' ? { body } : {}),
      signal: options.signal,
    })) as unknown as Batch;
  return {
    create: (params, options = {}) => call('POST', '/batches', JSON.stringify(params), options),
    retrieve: (batchId, options = {}) => call('GET', `/batches/${encodeURIComponent(batchId)}`, '', options),
    cancel: (batchId, options = {}) =>
      call('POST', `/batches/${encodeURIComponent(batchId)}/cancel`, '', options),
  };
}
