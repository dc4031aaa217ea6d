import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { APITimeoutError, APIUserAbortError } from '../../src/index.js';
import { replies } from '../../src/testing/index.js';
import { clientOf, expectError, hello, pendingTimers, rejection, until, withServer } from './support.js';

test('a server that never answers fails with APITimeoutError and leaves no timer or socket', async () => {
  await withServer(async (server) => {
    server.setDefault(replies.hang());
    const timers = pendingTimers();
    const error = expectError(
      await rejection(hello(clientOf(server, { maxRetries: 0 })).send({ timeout: 30 })),
      APITimeoutError,
    );
    assert.is(error.message, 'Request timed out after 30 ms.');
    assert.is(pendingTimers(), timers);
    await until(() => server.inFlight === 0, 'the timed-out connection is closed');
  });
});

test('the timeout of a non-streaming request covers its whole body', async () => {
  await withServer(async (server) => {
    // Headers at once, then a body that trickles in for longer than the timeout.
    server.enqueue(replies.stream(['{', '"id":', '"x"', '}'], { chunkDelayMs: 60, done: false }));
    const error = await rejection(hello(clientOf(server, { maxRetries: 0 })).send({ timeout: 100 }));
    expectError(error, APITimeoutError);
  });
});

test('the timeout of a stream stops at the response headers', async () => {
  await withServer(async (server) => {
    server.enqueue(replies.stream([{ n: 1 }, { n: 2 }, { n: 3 }, { n: 4 }], { chunkDelayMs: 50 }));
    // 200 ms in all, past the timeout: only each gap between chunks (50 ms) is timed.
    const stream = hello(clientOf(server)).stream().send({ timeout: 100 });
    const seen: unknown[] = [];
    for await (const chunk of stream) seen.push((chunk as unknown as { n: number }).n);
    assert.equal(seen, [1, 2, 3, 4]);
  });
});

test('a stream that stalls after its headers fails with APITimeoutError once silent for the timeout', async () => {
  const timers = pendingTimers();
  await withServer(async (server) => {
    // Gaps of 40 ms pass a 150 ms timeout, and so does a caller who pauses 400 ms between chunks
    // (only time spent waiting for the server counts); a 5 s silence of the server does not.
    server.enqueue(replies.stream([{ n: 1 }, { n: 2 }, { n: 3 }], { chunkDelayMs: 40 }));
    const fine = hello(clientOf(server)).stream().send({ timeout: 150 });
    let chunks = 0;
    for await (const _ of fine) {
      chunks++;
      await new Promise((resolve) => setTimeout(resolve, 400));
    }
    assert.is(chunks, 3);

    server.enqueue(replies.stream([{ n: 1 }, { n: 2 }], { chunkDelayMs: 5_000 }));
    const stalled = hello(clientOf(server, { maxRetries: 0 }))
      .stream()
      .send({ timeout: 150 });
    const error = expectError(await rejection(stalled.final()), APITimeoutError);
    assert.is(error.message, 'The stream sent nothing for 150 ms.');
    assert.is(error.retryable, false);
    await until(() => server.inFlight === 0, 'the stalled connection is closed');
  });
  // Counted after the server closed: its own 5 s chunk delay is a timer of this process too.
  assert.is(pendingTimers(), timers);
});

test('a stream that never answers rejects its response with APITimeoutError', async () => {
  await withServer(async (server) => {
    server.setDefault(replies.hang());
    const stream = hello(clientOf(server, { maxRetries: 0 }))
      .stream()
      .send({ timeout: 30 });
    expectError(await rejection(stream.response), APITimeoutError);
  });
});

test('aborting a request in flight yields APIUserAbortError with the reason, and frees everything', async () => {
  await withServer(async (server) => {
    server.setDefault(replies.hang());
    const timers = pendingTimers();
    const controller = new AbortController();
    const sending = hello(clientOf(server)).send({ signal: controller.signal });
    await until(() => server.requests.length === 1, 'the request reached the server');
    controller.abort('user left');
    const error = expectError(await rejection(sending), APIUserAbortError);
    assert.is(error.message, 'Request was aborted.');
    assert.is(error.cause, 'user left');
    assert.is(server.requests.length, 1, 'an abort is not retried');
    assert.is(pendingTimers(), timers);
    await until(() => server.inFlight === 0, 'the aborted connection is closed');
  });
});

test('an already-aborted signal sends nothing', async () => {
  await withServer(async (server) => {
    const error = await rejection(hello(clientOf(server)).send({ signal: AbortSignal.abort('no') }));
    expectError(error, APIUserAbortError);
    assert.is(server.requests.length, 0);
  });
});

test('aborting during a retry wait ends it at once', async () => {
  await withServer(async (server) => {
    // A 50 s wait that the test would never outlast unless the abort cuts it short.
    server.enqueue(replies.error(503, 'later', { headers: { 'retry-after': '50' } }));
    const timers = pendingTimers();
    const controller = new AbortController();
    const client = clientOf(server, { onRetry: () => setImmediate(() => controller.abort()) });
    expectError(await rejection(hello(client).send({ signal: controller.signal })), APIUserAbortError);
    assert.is(server.requests.length, 1);
    assert.is(pendingTimers(), timers);
  });
});

test('an abort from inside onRetry, before the wait starts, does not wait', async () => {
  await withServer(async (server) => {
    server.enqueue(replies.error(503, 'later', { headers: { 'retry-after': '50' } }));
    const controller = new AbortController();
    const client = clientOf(server, { onRetry: () => controller.abort() });
    expectError(await rejection(hello(client).send({ signal: controller.signal })), APIUserAbortError);
    assert.is(server.requests.length, 1);
  });
});

test('aborting a stream mid-body fails the body read and closes the connection', async () => {
  await withServer(async (server) => {
    server.enqueue(replies.stream([{ n: 1 }, { n: 2 }, { n: 3 }], { chunkDelayMs: 10_000 }));
    const controller = new AbortController();
    const stream = hello(clientOf(server)).stream().send({ signal: controller.signal });
    const reader = (await stream.response).body?.getReader();
    const first = await reader?.read();
    assert.is(new TextDecoder().decode(first?.value), 'data: {"n":1}\n\n');
    const reason = new Error('stop');
    controller.abort(reason);
    const error = await rejection(reader?.read() ?? Promise.resolve());
    assert.is(
      error,
      reason,
      'the read fails with the abort reason, for the stream to turn into APIUserAbortError',
    );
    await until(() => server.inFlight === 0, 'the aborted stream connection is closed');
  });
});

test('stream.abort() before the response rejects it with APIUserAbortError', async () => {
  await withServer(async (server) => {
    server.setDefault(replies.hang());
    const stream = hello(clientOf(server)).stream().send();
    await until(() => server.requests.length === 1, 'the request reached the server');
    stream.abort();
    expectError(await rejection(stream.response), APIUserAbortError);
    await until(() => server.inFlight === 0, 'the aborted connection is closed');
  });
});

test('a stream releases the caller signal when its body ends', async () => {
  await withServer(async (server) => {
    const controller = new AbortController();
    const client = clientOf(server);
    // Node warns past ten listeners on one signal: thirty finished streams must leave none behind.
    const warnings: string[] = [];
    const onWarning = (warning: Error) => warnings.push(warning.name);
    process.on('warning', onWarning);
    try {
      for (let index = 0; index < 30; index++) {
        const response = await hello(client).stream().send({ signal: controller.signal }).response;
        await response.text();
      }
      await new Promise((resolve) => setImmediate(resolve));
    } finally {
      process.off('warning', onWarning);
    }
    assert.equal(warnings, []);
  });
});

test.run();
