import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ClientOptions } from '../../src/client/client-options.js';
import { type ChatwrightClient, createClient } from '../../src/index.js';

/** Answers one request of the fault server; `index` counts from 0 over the server's life. */
export type FaultHandler = (request: IncomingMessage, response: ServerResponse, index: number) => void;

/** A loopback HTTP server scripted by one handler, counting the requests it sees. */
export interface FaultServer {
  /** `http://127.0.0.1:<port>/v1` */
  readonly url: string;
  /** Requests received so far. */
  readonly requests: number;
  /** The paths of the requests received, in order (method and path, `GET /v1/files/x/content`). */
  readonly seen: readonly string[];
  /** A client of this server: no retries unless asked, backoff in milliseconds. */
  client(options?: ClientOptions): ChatwrightClient;
}

/** Starts a fault server on 127.0.0.1, runs `body`, then closes it and every socket it holds. */
export async function withFaultServer(
  handler: FaultHandler,
  body: (server: FaultServer) => Promise<void>,
): Promise<void> {
  const seen: string[] = [];
  const server = createServer((request, response) => {
    const index = seen.length;
    seen.push(`${request.method} ${request.url}`);
    // Unread request bodies would hold the socket: read and drop them.
    request.resume();
    handler(request, response, index);
  });
  server.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}/v1`;
  try {
    await body({
      url,
      get requests() {
        return seen.length;
      },
      seen,
      client: (options = {}) =>
        createClient({
          baseURL: url,
          apiKey: 'sk-test-LEAKCANARY-7d1f0c9a4b2e',
          maxRetries: 0,
          retryDelay: { initial: 1, max: 4 },
          ...options,
        }),
    });
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
}

/** Replies with a JSON body and a status (200 by default). */
export function json(response: ServerResponse, body: unknown, status = 200, headers = {}): void {
  response.writeHead(status, { 'content-type': 'application/json', ...headers });
  response.end(typeof body === 'string' ? body : JSON.stringify(body));
}

/** A minimal valid completion answering `content`. */
export function completion(content: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: 'chatcmpl-1',
    object: 'chat.completion',
    created: 0,
    model: 'gpt-4o',
    choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }],
    ...extra,
  };
}

/** The error a promise rejects with, or a failure when it resolves. */
export async function rejectionOf(promise: PromiseLike<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the promise to reject');
}
