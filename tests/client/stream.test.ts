import { test } from 'uvu';
import * as assert from 'uvu/assert';
import {
  APIConnectionError,
  APITimeoutError,
  APIUserAbortError,
  ChatwrightError,
  RateLimitError,
} from '../../src/index.js';
import { replies } from '../../src/testing/index.js';
import { clientOf, expectError, hello, until, withServer } from './support.js';

/** Reads a stream's content deltas; returns them with the error that ended the loop, if any. */
async function read(stream: AsyncIterable<{ choices: Array<{ delta?: { content?: string | null } }> }>) {
  const pieces: string[] = [];
  try {
    for await (const chunk of stream) pieces.push(chunk.choices[0]?.delta?.content ?? '');
  } catch (error) {
    return { pieces, error };
  }
  return { pieces, error: undefined };
}

test('a streamed reply arrives chunk by chunk and assembles into the completion', async () => {
  await withServer(async (server) => {
    server.enqueue(replies.completion('Hello there, Ada.'));
    const stream = hello(clientOf(server)).stream().send();
    const { pieces, error } = await read(stream);
    assert.is(error, undefined);
    assert.equal(pieces, ['', 'Hello', ' there,', ' Ada.', '']);
    const final = await stream.final();
    assert.is(final.choices[0]?.message.content, 'Hello there, Ada.');
    assert.is(final.choices[0]?.finish_reason, 'stop');
    assert.is(await stream.requestId, 'req_fake_1');
  });
});

test('a failed status before the stream starts is retried, then thrown from the loop', async () => {
  await withServer(async (server) => {
    server.setDefault(replies.error(429, 'slow down', { headers: { 'retry-after-ms': '1' } }));
    const { error } = await read(
      hello(clientOf(server, { maxRetries: 1 }))
        .stream()
        .send(),
    );
    expectError(error, RateLimitError);
    assert.is(server.requests.length, 2);
  });
});

test('aborting through the signal mid-stream ends the loop with APIUserAbortError', async () => {
  await withServer(async (server) => {
    server.enqueue(
      replies.stream([{ choices: [{ index: 0, delta: { content: 'a' } }] }, { choices: [] }], {
        chunkDelayMs: 10_000,
      }),
    );
    const controller = new AbortController();
    const stream = hello(clientOf(server)).stream().send({ signal: controller.signal });
    const pieces: string[] = [];
    let failure: unknown;
    try {
      for await (const chunk of stream) {
        pieces.push(chunk.choices[0]?.delta?.content ?? '');
        controller.abort();
      }
    } catch (error) {
      failure = error;
    }
    assert.equal(pieces, ['a']);
    expectError(failure, APIUserAbortError);
    await until(() => server.inFlight === 0, 'the aborted stream is closed');
  });
});

test('stream.abort() mid-stream ends the loop with APIUserAbortError', async () => {
  await withServer(async (server) => {
    server.enqueue(
      replies.stream([{ choices: [{ index: 0, delta: { content: 'a' } }] }, { choices: [] }], {
        chunkDelayMs: 10_000,
      }),
    );
    const stream = hello(clientOf(server)).stream().send();
    let failure: unknown;
    try {
      for await (const _ of stream) stream.abort();
    } catch (error) {
      failure = error;
    }
    expectError(failure, APIUserAbortError);
    await until(() => server.inFlight === 0, 'the aborted stream is closed');
  });
});

test('a stream that never starts ends the loop with APITimeoutError', async () => {
  await withServer(async (server) => {
    server.setDefault(replies.hang());
    const { error } = await read(
      hello(clientOf(server, { maxRetries: 0 }))
        .stream()
        .send({ timeout: 30 }),
    );
    expectError(error, APITimeoutError);
  });
});

test('a connection cut mid-stream fails the loop and is not retried', async () => {
  await withServer(async (server) => {
    server.enqueue(
      replies.stream(
        [
          { choices: [{ index: 0, delta: { content: 'a' } }] },
          { choices: [{ index: 0, delta: { content: 'b' } }] },
        ],
        { cutAfter: 1, chunkDelayMs: 20 },
      ),
      replies.completion('never sent'),
    );
    const { error } = await read(hello(clientOf(server)).stream().send());
    assert.instance(error, ChatwrightError);
    assert.ok(
      error instanceof APIConnectionError || (error as Error).name === 'IncompleteStreamError',
      `a cut is a connection failure or an incomplete stream, got ${(error as Error).name}`,
    );
    assert.is(server.requests.length, 1);
  });
});

test('a stream that nobody reads does not leave an unhandled rejection', async () => {
  await withServer(async (server) => {
    server.setDefault(replies.error(400, 'bad'));
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      hello(clientOf(server)).stream().send();
      await until(() => server.requests.length === 1, 'the request was sent');
      await new Promise((resolve) => setTimeout(resolve, 20));
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
    assert.equal(unhandled, []);
  });
});

test.run();
