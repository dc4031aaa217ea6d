import type { FileObject } from '../wire/batch.js';
import { callJson, callRaw } from './api-call.js';
import type { ClientDispatcher } from './client-dispatcher.js';
import { idSegment } from './id-segment.js';

/** Options of `client.files.upload()`. */
export interface FileUploadOptions {
  /** The name the API records. */
  readonly filename: string;
  /** What the file is for: `batch` for a batch input file. */
  readonly purpose: 'batch' | 'assistants' | 'fine-tune' | 'vision' | 'user_data' | 'evals';
  readonly signal?: AbortSignal | undefined;
}

/**
 * The Files API, through the client's key, retries and errors.
 * @see https://platform.openai.com/docs/api-reference/files
 */
export interface FilesAPI {
  /**
   * Uploads a file (`POST /files`, multipart). Pass a file-backed `Blob` (`fs.openAsBlob(path)`) so a
   * large file is never read into a string; Node's `fetch` may still buffer up to about the file's
   * size while it sends the multipart body.
   * @example const file = await client.files.upload(await openAsBlob('batch.jsonl'), { filename: 'batch.jsonl', purpose: 'batch' });
   */
  upload(file: Blob, options: FileUploadOptions): Promise<FileObject>;
  /**
   * Reads a file's metadata (`GET /files/{id}`): its name, size, purpose.
   * @example const { filename, bytes } = await client.files.retrieve('file-abc123');
   */
  retrieve(fileId: string, options?: { readonly signal?: AbortSignal | undefined }): Promise<FileObject>;
  /**
   * Downloads a file's content (`GET /files/{id}/content`): the response, its body not yet read.
   * @example const text = await (await client.files.content('file-abc123')).text();
   */
  content(fileId: string, options?: { readonly signal?: AbortSignal | undefined }): Promise<Response>;
  /**
   * Deletes a file (`DELETE /files/{id}`).
   * @example await client.files.delete('file-abc123');
   */
  delete(
    fileId: string,
    options?: { readonly signal?: AbortSignal | undefined },
  ): Promise<{ readonly id: string; readonly deleted: boolean }>;
}

/** The Files API of one client. */
export function filesAPI(dispatcher: ClientDispatcher): FilesAPI {
  return {
    async upload(file, options) {
      const form = new FormData();
      form.append('purpose', options.purpose);
      form.append('file', file, options.filename);
      return (await callJson(dispatcher, {
        method: 'POST',
        path: '/files',
        body: form,
        signal: options.signal,
      })) as unknown as FileObject;
    },
    async retrieve(fileId, options = {}) {
      return (await callJson(dispatcher, {
        method: 'GET',
        path: `/files/${idSegment(fileId, 'fileId')}`,
        signal: options.signal,
      })) as unknown as FileObject;
    },
    async content(fileId, options = {}) {
      return await callRaw(dispatcher, {
        method: 'GET',
        path: `/files/${idSegment(fileId, 'fileId')}/content`,
        signal: options.signal,
      });
    },
    async delete(fileId, options = {}) {
      const body = await callJson(dispatcher, {
        method: 'DELETE',
        path: `/files/${idSegment(fileId, 'fileId')}`,
        signal: options.signal,
      });
      return { id: String(body.id), deleted: body.deleted === true };
    },
  };
}
