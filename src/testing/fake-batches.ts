import { validateRequest } from '../schema/validate-request.js';
import type { Batch, BatchError, BatchStatus, FileObject } from '../wire/batch.js';
import { completionBody, errorBody } from './fake-bodies.js';
import type { FakeReply } from './fake-replies.js';

/** One line of an uploaded batch input file, as a script's `answer` sees it. */
export interface FakeBatchInputLine {
  readonly custom_id: string;
  readonly method: string;
  readonly url: string;
  readonly body: unknown;
}

/** How the fake answers one line: an HTTP response, or a line `error` with no response. */
export type FakeBatchAnswer =
  | { readonly status?: number; readonly body: unknown }
  | { readonly error: { readonly code: string; readonly message: string } };

/** How a fake batch runs. Every field has a default; `server.enqueueBatch(script)` scripts the next batch. */
export interface FakeBatchScript {
  /** How many `GET /batches/{id}` answer `in_progress` before the batch ends. Default 1. */
  readonly polls?: number;
  /** How it ends. Default `completed`. */
  readonly outcome?: 'completed' | 'expired' | 'failed';
  /** With `expired` (and after a cancel): how many lines were answered first. Default 0. */
  readonly answered?: number;
  /** With `failed`: `batch.errors.data`. Default one `invalid_request` error. */
  readonly errors?: readonly BatchError[];
  /**
   * Answers a line. Default: a completion saying "Hello from the fake server." in the line's model, or
   * the API's 400 for a body that does not validate (when the server rejects invalid requests).
   */
  readonly answer?: (line: FakeBatchInputLine, index: number) => FakeBatchAnswer;
  /**
   * Refuses the `POST /batches` that takes this script: no batch is made, and the create gets this
   * reply (`replies.error(400, ...)`, `replies.error(500, ...)`, `replies.cut()`). The next create
   * takes the next script.
   */
  readonly refuseCreate?: FakeReply;
  /**
   * Makes the batch, then answers its `POST /batches` with this reply instead of the batch: an answer
   * lost on the way (`replies.cut()`: the connection is destroyed after the batch exists;
   * `replies.error(502, ...)`; `replies.hang()`, until the client times out).
   */
  readonly loseCreateAnswer?: FakeReply;
}

/** What a route answers: JSON, file content, or a scripted reply (a refused or lost create). */
export type FakeApiReply =
  | { readonly status: number; readonly body: unknown }
  | { readonly status: number; readonly text: string; readonly contentType: string }
  | { readonly reply: FakeReply };

/** A file the fake holds, with its content. */
export interface FakeFile extends FileObject {
  readonly content: string;
}

interface BatchRun {
  batch: Batch;
  readonly lines: readonly FakeBatchInputLine[];
  readonly script: FakeBatchScript;
  polls: number;
}

const created = 1_700_000_000;

/**
 * The Files and Batches endpoints of the fake server, in memory: uploads (`POST /files`, multipart),
 * reads (`GET /files/{id}`), downloads (`GET /files/{id}/content`), deletes, and batches that move from `validating` to a final
 * status as they are polled (`GET /batches/{id}`), writing output and error files as the API does;
 * `GET /batches` lists them, newest first.
 */
export class FakeBatches {
  readonly files = new Map<string, FakeFile>();
  readonly batches = new Map<string, BatchRun>();
  readonly #scripts: FakeBatchScript[] = [];
  readonly #rejectInvalid: boolean;
  #ids = 0;

  constructor(rejectInvalid: boolean) {
    this.#rejectInvalid = rejectInvalid;
  }

  enqueue(scripts: readonly FakeBatchScript[]): void {
    this.#scripts.push(...scripts);
  }

  reset(): void {
    this.#scripts.length = 0;
    this.files.clear();
    this.batches.clear();
  }

  /** The handler of `method path`, or `undefined` when the path is not a files or batches route. */
  route(
    method: string,
    path: string,
    query: URLSearchParams,
  ): ((body: string, contentType: string) => Promise<FakeApiReply> | FakeApiReply) | undefined {
    const parts = path.replace(/^\/v1/, '').split('/').filter(Boolean);
    const [resource, id, action] = parts;
    if (resource === 'files') {
      if (parts.length === 1 && method === 'POST') return (body, type) => this.#upload(body, type);
      if (parts.length === 3 && action === 'content' && method === 'GET' && id !== undefined)
        return () => this.#content(id);
      if (parts.length === 2 && method === 'DELETE' && id !== undefined) return () => this.#delete(id);
      if (parts.length === 2 && method === 'GET' && id !== undefined) return () => this.#file(id);
    }
    if (resource === 'batches') {
      if (parts.length === 1 && method === 'POST') return (body) => this.#create(body);
      if (parts.length === 1 && method === 'GET') return () => this.#list(query);
      if (parts.length === 2 && method === 'GET' && id !== undefined) return () => this.#retrieve(id);
      if (parts.length === 3 && action === 'cancel' && method === 'POST' && id !== undefined)
        return () => this.#cancel(id);
    }
    return undefined;
  }

  async #upload(body: string, contentType: string): Promise<FakeApiReply> {
    let form: FormData;
    try {
      form = await new Response(body, { headers: { 'content-type': contentType } }).formData();
    } catch {
      return invalid('The upload must be multipart/form-data with `file` and `purpose`.');
    }
    const file = form.get('file');
    const purpose = form.get('purpose');
    if (typeof purpose !== 'string') return invalid('Missing required parameter: purpose.', 'purpose');
    if (file === null || typeof file === 'string')
      return invalid('Missing required parameter: file.', 'file');
    const content = await file.text();
    const stored: FakeFile = {
      id: `file-fake-${++this.#ids}`,
      object: 'file',
      bytes: Buffer.byteLength(content),
      created_at: created,
      filename: file.name,
      purpose,
      status: 'processed',
      content,
    };
    this.files.set(stored.id, stored);
    const { content: _, ...object } = stored;
    return { status: 200, body: object };
  }

  #file(id: string): FakeApiReply {
    const file = this.files.get(id);
    if (file === undefined) return notFound(`No such File object: ${id}`);
    const { content: _, ...object } = file;
    return { status: 200, body: object };
  }

  #content(id: string): FakeApiReply {
    const file = this.files.get(id);
    if (file === undefined) return notFound(`No such File object: ${id}`);
    return { status: 200, text: file.content, contentType: 'application/octet-stream' };
  }

  #delete(id: string): FakeApiReply {
    if (!this.files.delete(id)) return notFound(`No such File object: ${id}`);
    return { status: 200, body: { id, object: 'file', deleted: true } };
  }

  #create(text: string): FakeApiReply {
    let params: {
      input_file_id?: unknown;
      endpoint?: unknown;
      completion_window?: unknown;
      metadata?: unknown;
    };
    try {
      params = JSON.parse(text) as typeof params;
    } catch {
      return invalid('The body must be JSON.');
    }
    if (params.endpoint !== '/v1/chat/completions')
      return invalid('This fake runs only /v1/chat/completions batches.', 'endpoint');
    if (params.completion_window !== '24h')
      return invalid('completion_window must be 24h.', 'completion_window');
    const file = typeof params.input_file_id === 'string' ? this.files.get(params.input_file_id) : undefined;
    if (file === undefined) return notFound(`No such File object: ${String(params.input_file_id)}`);
    if (file.purpose !== 'batch')
      return invalid('The input file must be uploaded with purpose `batch`.', 'input_file_id');
    const script = this.#scripts.shift() ?? {};
    if (script.refuseCreate !== undefined) return { reply: script.refuseCreate };
    const { lines, errors } = parseInput(file.content);
    const batch: Batch = {
      id: `batch_fake_${++this.#ids}`,
      object: 'batch',
      endpoint: '/v1/chat/completions',
      input_file_id: file.id,
      completion_window: '24h',
      status: 'validating',
      created_at: created,
      output_file_id: null,
      error_file_id: null,
      errors: null,
      request_counts: { total: 0, completed: 0, failed: 0 },
      metadata: (params.metadata as Record<string, string> | undefined) ?? null,
    };
    const failing = errors.length > 0 ? { ...script, outcome: 'failed' as const, errors } : script;
    this.batches.set(batch.id, { batch, lines, script: failing, polls: 0 });
    if (script.loseCreateAnswer !== undefined) return { reply: script.loseCreateAnswer };
    return { status: 200, body: batch };
  }

  /** `GET /batches`: newest first, `limit` (1 to 100, default 20) after the batch `after`. */
  #list(query: URLSearchParams): FakeApiReply {
    const limitText = query.get('limit') ?? '20';
    const limit = Number(limitText);
    if (!/^\d+$/.test(limitText) || limit < 1 || limit > 100)
      return invalid('limit must be an integer from 1 to 100.', 'limit');
    // Ids grow with creation (one counter), so the map's order reversed is newest first.
    const all = [...this.batches.values()].map((run) => run.batch).reverse();
    const after = query.get('after');
    let start = 0;
    if (after !== null) {
      const index = all.findIndex((batch) => batch.id === after);
      if (index === -1) return notFound(`No such batch: ${after}`);
      start = index + 1;
    }
    const data = all.slice(start, start + limit);
    return {
      status: 200,
      body: {
        object: 'list',
        data,
        first_id: data[0]?.id ?? null,
        last_id: data[data.length - 1]?.id ?? null,
        has_more: start + limit < all.length,
      },
    };
  }

  #retrieve(id: string): FakeApiReply {
    const run = this.batches.get(id);
    if (run === undefined) return notFound(`No such batch: ${id}`);
    run.polls++;
    const { batch, script } = run;
    if (batch.status === 'cancelling') this.#finish(run, 'cancelled');
    else if (batch.status === 'validating' || batch.status === 'in_progress') {
      if (run.polls > (script.polls ?? 1)) this.#finish(run, script.outcome ?? 'completed');
      else {
        run.batch = {
          ...batch,
          status: 'in_progress',
          in_progress_at: created + 1,
          request_counts: { total: run.lines.length, completed: 0, failed: 0 },
        };
      }
    }
    return { status: 200, body: run.batch };
  }

  #cancel(id: string): FakeApiReply {
    const run = this.batches.get(id);
    if (run === undefined) return notFound(`No such batch: ${id}`);
    if (run.batch.status === 'validating' || run.batch.status === 'in_progress') {
      run.batch = { ...run.batch, status: 'cancelling', cancelling_at: created + 2 };
    }
    return { status: 200, body: run.batch };
  }

  #finish(
    run: BatchRun,
    status: Extract<BatchStatus, 'completed' | 'expired' | 'failed' | 'cancelled'>,
  ): void {
    const { script, lines } = run;
    if (status === 'failed') {
      run.batch = {
        ...run.batch,
        status,
        failed_at: created + 3,
        errors: {
          object: 'list',
          data: script.errors ?? [
            { code: 'invalid_request', message: 'The batch input file is invalid.', line: null },
          ],
        },
      };
      return;
    }
    const answered = status === 'completed' ? lines.length : Math.min(script.answered ?? 0, lines.length);
    const output: string[] = [];
    const failures: string[] = [];
    for (const [index, line] of lines.entries()) {
      const id = `batch_req_fake_${index + 1}`;
      if (index >= answered) {
        const [code, message] =
          status === 'expired'
            ? ['batch_expired', 'This request could not be executed before the completion window expired.']
            : ['batch_cancelled', 'This request was not executed because the batch was cancelled.'];
        failures.push(
          JSON.stringify({ id, custom_id: line.custom_id, response: null, error: { code, message } }),
        );
        continue;
      }
      const answer = (script.answer ?? this.#defaultAnswer)(line, index);
      if ('error' in answer) {
        failures.push(JSON.stringify({ id, custom_id: line.custom_id, response: null, error: answer.error }));
        continue;
      }
      const statusCode = answer.status ?? 200;
      const text = JSON.stringify({
        id,
        custom_id: line.custom_id,
        response: { status_code: statusCode, request_id: `req_batch_fake_${index + 1}`, body: answer.body },
        error: null,
      });
      (statusCode < 400 ? output : failures).push(text);
    }
    run.batch = {
      ...run.batch,
      status,
      [`${status}_at`]: created + 3,
      output_file_id: output.length > 0 ? this.#store(output, run.batch.id, 'output') : null,
      error_file_id: failures.length > 0 ? this.#store(failures, run.batch.id, 'error') : null,
      request_counts: { total: lines.length, completed: output.length, failed: failures.length },
    };
  }

  #defaultAnswer = (line: FakeBatchInputLine): FakeBatchAnswer => {
    const body = line.body as { model?: unknown };
    if (this.#rejectInvalid) {
      const result = validateRequest(line.body);
      if (!result.success) {
        const issue = result.issues[0];
        return { status: 400, body: errorBody(issue?.message ?? 'Invalid request.') };
      }
    }
    const model = typeof body.model === 'string' ? { model: body.model } : {};
    return { status: 200, body: completionBody('Hello from the fake server.', model) };
  };

  #store(lines: readonly string[], batchId: string, kind: 'output' | 'error'): string {
    const content = `${lines.join('\n')}\n`;
    const id = `file-fake-${++this.#ids}`;
    this.files.set(id, {
      id,
      object: 'file',
      bytes: Buffer.byteLength(content),
      created_at: created,
      filename: `${batchId}_${kind}.jsonl`,
      purpose: 'batch_output',
      status: 'processed',
      content,
    });
    return id;
  }
}

/** The lines of an input file, or the errors that fail the batch (as the API's validation would). */
function parseInput(content: string): { lines: FakeBatchInputLine[]; errors: BatchError[] } {
  const lines: FakeBatchInputLine[] = [];
  const errors: BatchError[] = [];
  const ids = new Set<string>();
  for (const [index, text] of content.split('\n').entries()) {
    if (text.trim() === '') continue;
    let line: Partial<FakeBatchInputLine> | undefined;
    try {
      line = JSON.parse(text) as Partial<FakeBatchInputLine>;
    } catch {
      line = undefined;
    }
    if (line === undefined || typeof line.custom_id !== 'string' || line.url !== '/v1/chat/completions') {
      errors.push({
        code: 'invalid_json_line',
        message: 'This line is not a valid batch request.',
        line: index + 1,
      });
    } else if (ids.has(line.custom_id)) {
      errors.push({
        code: 'duplicate_custom_id',
        message: `The custom_id ${line.custom_id} is used twice.`,
        line: index + 1,
      });
    } else {
      ids.add(line.custom_id);
      lines.push(line as FakeBatchInputLine);
    }
  }
  return { lines, errors };
}

function invalid(message: string, param: string | null = null): FakeApiReply {
  return { status: 400, body: errorBody(message, { param }) };
}

function notFound(message: string): FakeApiReply {
  return { status: 404, body: errorBody(message, { code: 'not_found' }) };
}
