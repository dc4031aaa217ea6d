import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { APIConnectionError } from '../../src/errors/connection-error.js';
import { APITimeoutError } from '../../src/errors/timeout-error.js';
import { APIUserAbortError } from '../../src/errors/user-abort-error.js';
import { ChatStream, type StreamSource } from '../../src/stream/chat-stream.js';
import { rejectionOf, sseOf, textChunk } from './support.js';

type Handler = (request: IncomingMessage, response: ServerResponse) => void;

/** Starts a server on 127.0.0.1, runs `body` against it, then closes it and waits for every socket. */
async function withServer(handler: Handler, body: (url: string, closed: Promise<void>) => Promise<void>) {
  let resolveClosed: () => void = () => {};
  const closed = new Promise<void>((resolve) => {
    resolveClosed = resolve;
  });
  const server: Server = createServer((request, response) => {
    response.on('close', () => resolveClosed());
    handler(request, response);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  try {
    await body(`http://127.0.0.1:${port}/`, closed);
  } finally {
    // After an abort, undici opens a spare connection that never carries a request and that
    // server.close() would wait seconds for; the request's own socket was checked through `closed`.
    server.closeAllConnections();
    server.close();
    await once(server, 'close');
  }
}

/** A StreamSource over fetch, the way the client builds it: abort goes to the request's controller. */
function fetchSource(url: string): StreamSource & { controller: AbortController } {
  const controller = new AbortController();
  return {
    controller,
    signal: controller.signal,
    response: fetch(url, { signal: controller.signal }),
    abort: (reason?: unknown) => controller.abort(reason),
  };
}

/** Sends two chunks and then keeps the response open, like a model that is still thinking. */
const hanging: Handler = (_request, response) => {
  response.writeHead(200, { 'content-type': 'text/event-stream' });
  response.write(sseOf([textChunk('a'), textChunk('b')], false));
};

test('abort() mid-stream rejects the loop and final() with APIUserAbortError and closes the socket', async () => {
  await withServer(hanging, async (url, closed) => {
    const stream = new ChatStream(fetchSource(url));
    const seen: string[] = [];
    const error = await rejectionOf(async () => {
      for await (const chunk of stream) {
        seen.push(chunk.choices[0]?.delta?.content ?? '');
        if (seen.length === 2) stream.abort();
      }
    });
    assert.equal(seen, ['a', 'b']);
    assert.instance(error, APIUserAbortError);
    assert.is((error as Error).message, 'Request was aborted.');
    assert.is(await rejectionOf(() => stream.final()), error);
    await closed;
  });
});

test('abort() while a read is pending rejects that read', async () => {
  await withServer(hanging, async (url, closed) => {
    const stream = new ChatStream(fetchSource(url));
    const iterator = stream[Symbol.asyncIterator]();
    await iterator.next();
    await iterator.next();
    const pending = iterator.next();
    stream.abort();
    assert.instance(await rejectionOf(() => pending), APIUserAbortError);
    await closed;
  });
});

test('abort(timeoutError) rejects with that very APITimeoutError', async () => {
  await withServer(hanging, async (url, closed) => {
    const stream = new ChatStream(fetchSource(url));
    const timeout = new APITimeoutError('Request timed out after 10 ms.');
    const final = stream.final();
    await (await stream.response).headers;
    stream.abort(timeout);
    assert.is(await rejectionOf(() => final), timeout);
    await closed;
  });
});

test("the client's timeout aborting the request surfaces as its APITimeoutError", async () => {
  await withServer(hanging, async (url, closed) => {
    const source = fetchSource(url);
    const stream = new ChatStream(source);
    const iterator = stream[Symbol.asyncIterator]();
    await iterator.next();
    await iterator.next();
    const timeout = new APITimeoutError('Request timed out after 10 ms.');
    const pending = iterator.next();
    source.controller.abort(timeout);
    assert.is(await rejectionOf(() => pending), timeout);
    assert.is(await rejectionOf(() => stream.final()), timeout);
    await closed;
  });
});

test("the caller's own signal aborting with any reason is an APIUserAbortError with that cause", async () => {
  await withServer(hanging, async (url, closed) => {
    const source = fetchSource(url);
    const stream = new ChatStream(source);
    const final = stream.final();
    await stream.response;
    source.controller.abort('user navigated away');
    const error = await rejectionOf(() => final);
    assert.instance(error, APIUserAbortError);
    assert.is((error as Error).cause, 'user navigated away');
    await closed;
  });
});

test('a connection cut mid-stream is an APIConnectionError', async () => {
  const cut: Handler = (_request, response) => {
    response.writeHead(200, { 'content-type': 'text/event-stream' });
    response.write(sseOf([textChunk('a')], false), () => setImmediate(() => response.socket?.destroy()));
  };
  await withServer(cut, async (url) => {
    const stream = new ChatStream(fetchSource(url));
    const error = await rejectionOf(() => stream.final());
    assert.instance(error, APIConnectionError);
    assert.is((error as Error).message, 'The connection failed while the stream was being read.');
  });
});

test('a complete stream over HTTP resolves and releases the connection', async () => {
  const complete: Handler = (_request, response) => {
    response.writeHead(200, { 'content-type': 'text/event-stream', 'x-request-id': 'req_http' });
    response.end(sseOf([textChunk('Hi'), textChunk('!')]));
  };
  await withServer(complete, async (url, closed) => {
    const stream = new ChatStream(fetchSource(url));
    const completion = await stream.final();
    assert.is(completion.choices[0]?.message.content, 'Hi!');
    assert.is(await stream.requestId, 'req_http');
    await closed;
  });
});

test('abort() after the end changes nothing', async () => {
  const complete: Handler = (_request, response) => {
    response.writeHead(200, { 'content-type': 'text/event-stream' });
    response.end(sseOf([textChunk('Hi')]));
  };
  await withServer(complete, async (url) => {
    const source = fetchSource(url);
    const stream = new ChatStream(source);
    const completion = await stream.final();
    stream.abort();
    assert.is(source.controller.signal.aborted, false);
    assert.is(await stream.final(), completion);
  });
});

test.run();
