import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { ValidationIssue } from '../errors/validation-error.js';
import { validateRequest } from '../schema/validate-request.js';
import { type FakeApiReply, FakeBatches, type FakeBatchScript, type FakeFile } from './fake-batches.js';
import { completionBody, completionChunks, errorBody } from './fake-bodies.js';
import { type FakeReply, replies } from './fake-replies.js';
import type { RecordedRequest } from './recorded-request.js';

/** Options of `createFakeServer()`. */
export interface FakeServerOptions {
  /** The reply when the queue is empty. Default: `replies.completion('Hello from the fake server.')`. */
  readonly defaultReply?: FakeReply;
  /**
   * Answer an invalid request body with 400 and the API's error envelope, as the real API would.
   * Default true. Either way, `requests[i].validation` holds the verdict.
   */
  readonly rejectInvalid?: boolean;
  /** When set, a request without `Authorization: Bearer <apiKey>` gets the API's 401. */
  readonly apiKey?: string;
}

/**
 * A scripted OpenAI-compatible server on 127.0.0.1, for tests that must not reach the network.
 * Replies come from a queue (in order), then the default reply; every request is recorded.
 */
export interface FakeServer {
  /** The base URL to pass to `createClient({ baseURL })`, such as `http://127.0.0.1:41234/v1`. */
  readonly url: string;
  /** Every request received, in order (credentials redacted). */
  readonly requests: readonly RecordedRequest[];
  /** How many queued replies are still waiting for a request. */
  readonly pending: number;
  /**
   * How many requests are being answered now: a hung or streaming reply counts until it ends or its
   * client hangs up, so it drops to 0 once an aborted or timed-out request has let go of its socket.
   */
  readonly inFlight: number;
  /** Listens on a free loopback port. */
  start(): Promise<FakeServer>;
  /** Queues replies, answered in order by the next requests. */
  enqueue(...replies: FakeReply[]): FakeServer;
  /** Scripts the next batches created (`POST /batches`), in order; later ones run the default script. */
  enqueueBatch(...scripts: FakeBatchScript[]): FakeServer;
  /** Every file uploaded or written by a batch (output and error files), with its content, by id. */
  readonly files: ReadonlyMap<string, FakeFile>;
  /** Replaces the reply used once the queue is empty. */
  setDefault(reply: FakeReply): FakeServer;
  /** Forgets the queue and the recorded requests. */
  reset(): FakeServer;
  /** Stops listening and cuts every open connection (hung requests included); clears every timer. */
  close(): Promise<void>;
}

/**
 * Creates a fake Chat Completions server; `await server.start()` before use, `await server.close()` after.
 *
 * @example
 * const server = await createFakeServer().start();
 * server.enqueue(replies.completion('Hi!'));
 * const client = createClient({ baseURL: server.url, apiKey: 'test-key' });
 * const reply = await client.chat().model('gpt-4o').user('Hello').send();
 * server.requests[0]?.body; // { model: 'gpt-4o', messages: [{ role: 'user', content: 'Hello' }] }
 * await server.close();
 */
export function createFakeServer(options: FakeServerOptions = {}): FakeServer {
  return new FakeServerImpl(options);
}

// Headers and query parameters that carry credentials: recorded as `[REDACTED]`, so a failing
// assertion that prints a request cannot print a key (`authorization` keeps its `Bearer ` prefix).
const redactedHeaders = ['api-key', 'x-api-key', 'proxy-authorization', 'cookie'] as const;
const redactedQuery = new Set(['api-key', 'api_key', 'key']);

class FakeServerImpl implements FakeServer {
  readonly #options: FakeServerOptions;
  readonly #server: Server;
  readonly #sockets = new Set<Socket>();
  readonly #timers = new Set<ReturnType<typeof setTimeout>>();
  readonly #requests: RecordedRequest[] = [];
  #queue: FakeReply[] = [];
  #default: FakeReply;
  #url: string | undefined;
  #counter = 0;
  #inFlight = 0;
  readonly #batches: FakeBatches;

  constructor(options: FakeServerOptions) {
    this.#options = options;
    this.#batches = new FakeBatches(options.rejectInvalid !== false);
    this.#default = options.defaultReply ?? replies.completion('Hello from the fake server.');
    this.#server = createServer((request, response) => {
      this.#inFlight++;
      response.on('close', () => this.#inFlight--);
      this.#handle(request, response).catch((error: unknown) => {
        if (!response.headersSent)
          this.#json(response, 500, errorBody(String(error), { type: 'server_error' }));
        else response.destroy();
      });
    });
    this.#server.on('connection', (socket) => {
      this.#sockets.add(socket);
      socket.on('close', () => this.#sockets.delete(socket));
    });
  }

  get url(): string {
    if (this.#url === undefined)
      throw new Error('The fake server is not started: await server.start() first.');
    return this.#url;
  }

  get requests(): readonly RecordedRequest[] {
    return this.#requests;
  }

  get pending(): number {
    return this.#queue.length;
  }

  get inFlight(): number {
    return this.#inFlight;
  }

  start(): Promise<FakeServer> {
    return new Promise((resolve, reject) => {
      this.#server.once('error', reject);
      this.#server.listen(0, '127.0.0.1', () => {
        this.#server.off('error', reject);
        const address = this.#server.address();
        const port = typeof address === 'object' && address !== null ? address.port : 0;
        this.#url = `http://127.0.0.1:${port}/v1`;
        resolve(this);
      });
    });
  }

  enqueue(...replies: FakeReply[]): FakeServer {
    this.#queue.push(...replies);
    return this;
  }

  enqueueBatch(...scripts: FakeBatchScript[]): FakeServer {
    this.#batches.enqueue(scripts);
    return this;
  }

  get files(): ReadonlyMap<string, FakeFile> {
    return this.#batches.files;
  }

  setDefault(reply: FakeReply): FakeServer {
    this.#default = reply;
    return this;
  }

  reset(): FakeServer {
    this.#queue = [];
    this.#requests.length = 0;
    this.#batches.reset();
    return this;
  }

  close(): Promise<void> {
    for (const timer of this.#timers) clearTimeout(timer);
    this.#timers.clear();
    for (const socket of this.#sockets) socket.destroy();
    return new Promise((resolve) => {
      if (!this.#server.listening) resolve();
      else this.#server.close(() => resolve());
    });
  }

  async #handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const text = await readBody(request);
    const url = new URL(request.url ?? '/', 'http://fake');
    const record = this.#record(request, url, text);
    this.#requests.push(record);
    response.setHeader('x-request-id', `req_fake_${++this.#counter}`);

    const api = this.#batches.route(request.method ?? 'GET', url.pathname, url.searchParams);
    if (api === undefined && (request.method !== 'POST' || !url.pathname.endsWith('/chat/completions'))) {
      this.#json(
        response,
        404,
        errorBody(`Unknown request URL: ${request.method} ${url.pathname}.`, { code: 'unknown_url' }),
      );
      return;
    }
    const key = this.#options.apiKey;
    if (key !== undefined && request.headers.authorization !== `Bearer ${key}`) {
      this.#json(response, 401, errorBody('Incorrect API key provided.', { code: 'invalid_api_key' }));
      return;
    }
    if (api !== undefined) {
      await this.#api(response, await api(text, request.headers['content-type'] ?? ''), record);
      return;
    }
    const firstIssue = record.validation?.issues[0];
    if (firstIssue !== undefined && this.#options.rejectInvalid !== false) {
      this.#json(response, 400, errorBody(firstIssue.message, { param: firstIssue.path || null }));
      return;
    }
    await this.#reply(this.#queue.shift() ?? this.#default, record, response);
  }

  #record(request: IncomingMessage, url: URL, text: string): RecordedRequest {
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(request.headers)) {
      if (value === undefined) continue;
      headers[name] = Array.isArray(value) ? value.join(', ') : value;
    }
    if (headers.authorization !== undefined) {
      headers.authorization = headers.authorization.startsWith('Bearer ')
        ? 'Bearer [REDACTED]'
        : '[REDACTED]';
    }
    for (const name of redactedHeaders) if (headers[name] !== undefined) headers[name] = '[REDACTED]';
    const query = Object.fromEntries(url.searchParams);
    for (const name of Object.keys(query)) {
      if (redactedQuery.has(name.toLowerCase())) query[name] = '[REDACTED]';
    }
    let body: unknown = text;
    let json = true;
    try {
      body = JSON.parse(text);
    } catch {
      json = false;
    }
    const record = { method: request.method ?? 'GET', path: url.pathname, query, headers, body };
    // Only a chat request is judged: Files and Batches bodies (uploads, batch creations) are not one.
    if (!url.pathname.endsWith('/chat/completions')) return record;
    let issues: readonly ValidationIssue[] = [
      { path: '', message: 'the request body is not JSON', input: text },
    ];
    if (json) {
      const result = validateRequest(body);
      issues = result.success ? [] : result.issues;
    }
    return { ...record, validation: { success: issues.length === 0, issues } };
  }

  async #reply(scripted: FakeReply, record: RecordedRequest, response: ServerResponse): Promise<void> {
    let reply = scripted;
    while (reply.kind === 'dynamic') reply = reply.reply(record);
    if (reply.kind === 'hang') return;
    if (reply.delayMs !== undefined) await this.#wait(reply.delayMs);
    if (response.destroyed) return;
    switch (reply.kind) {
      case 'cut':
        response.socket?.destroy();
        return;
      case 'json':
        this.#json(response, reply.status, reply.body, reply.headers);
        return;
      case 'text':
        response.writeHead(reply.status, { 'content-type': 'text/plain; charset=utf-8', ...reply.headers });
        response.end(reply.body);
        return;
      case 'completion': {
        const body = record.body as {
          model?: unknown;
          stream?: unknown;
          stream_options?: { include_usage?: unknown };
        };
        const init = typeof body.model === 'string' ? { model: body.model } : {};
        if (body.stream === true) {
          const includeUsage = body.stream_options?.include_usage === true;
          const events = completionChunks(reply.text, { ...init, includeUsage });
          await this.#stream(response, { ...reply, kind: 'stream', status: 200, events, done: true });
        } else {
          this.#json(response, 200, completionBody(reply.text, init), reply.headers);
        }
        return;
      }
      case 'stream':
        await this.#stream(response, reply);
        return;
    }
  }

  async #stream(response: ServerResponse, reply: Extract<FakeReply, { kind: 'stream' }>): Promise<void> {
    response.writeHead(reply.status, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache',
      ...reply.headers,
    });
    response.flushHeaders();
    let sent = 0;
    for (const event of reply.events) {
      if (sent > 0 && reply.chunkDelayMs !== undefined) await this.#wait(reply.chunkDelayMs);
      if (response.destroyed) return;
      if (reply.cutAfter !== undefined && sent >= reply.cutAfter) {
        response.socket?.destroy();
        return;
      }
      response.write(typeof event === 'string' ? event : `data: ${JSON.stringify(event)}\n\n`);
      sent++;
    }
    if (reply.cutAfter !== undefined && sent >= reply.cutAfter) {
      response.socket?.destroy();
      return;
    }
    response.end(reply.done ? 'data: [DONE]\n\n' : undefined);
  }

  async #api(response: ServerResponse, reply: FakeApiReply, record: RecordedRequest): Promise<void> {
    if ('reply' in reply) {
      await this.#reply(reply.reply, record, response);
      return;
    }
    if ('body' in reply) {
      this.#json(response, reply.status, reply.body);
      return;
    }
    response.writeHead(reply.status, {
      'content-type': reply.contentType,
      'content-length': Buffer.byteLength(reply.text),
    });
    response.end(reply.text);
  }

  #json(
    response: ServerResponse,
    status: number,
    body: unknown,
    headers?: Readonly<Record<string, string>>,
  ): void {
    const text = JSON.stringify(body);
    response.writeHead(status, {
      'content-type': 'application/json; charset=utf-8',
      'content-length': Buffer.byteLength(text),
      ...headers,
    });
    response.end(text);
  }

  #wait(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.#timers.delete(timer);
        resolve();
      }, ms);
      this.#timers.add(timer);
    });
  }
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}
