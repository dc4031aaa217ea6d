import { test } from 'uvu';
import * as assert from 'uvu/assert';
import {
  APIConnectionError,
  APIError,
  APITimeoutError,
  BadRequestError,
  InternalServerError,
  RateLimitError,
} from '../../src/index.js';
import { replies } from '../../src/testing/index.js';
import type { RetryEvent } from '../../src/transport/retry-options.js';
import { clientOf, expectError, hello, rejection, withServer } from './support.js';

/** A client that records its retries; backoff initial 2 ms, max 8 ms. */
function recording(server: Parameters<typeof clientOf>[0], maxRetries = 2) {
  const events: RetryEvent[] = [];
  const client = clientOf(server, { maxRetries, onRetry: (event) => events.push(event) });
  return { client, events };
}

test('a retryable failure is retried with exponential backoff and jitter, then succeeds', async () => {
  await withServer(async (server) => {
    server.enqueue(replies.error(500, 'boom'), replies.error(503, 'busy'), replies.completion('ok'));
    const client = clientOf(server, { maxRetries: 3, retryDelay: { initial: 4, max: 1000 } });
    const events: RetryEvent[] = [];
    const result = await hello(client.withOptions({ onRetry: (event) => events.push(event) })).send();
    assert.is(result.choices[0]?.message.content, 'ok');
    assert.is(server.requests.length, 3);
    assert.equal(
      events.map((event) => [event.retry, event.error.constructor]),
      [
        [1, InternalServerError],
        [2, InternalServerError],
      ],
    );
    // Retry n waits initial * 2^(n-1), less up to 25 % jitter.
    const [first, second] = events.map((event) => event.delayMs);
    assert.ok(first !== undefined && first > 3 - 1e-9 && first <= 4, `first delay ${first}`);
    assert.ok(second !== undefined && second > 6 - 1e-9 && second <= 8, `second delay ${second}`);
  });
});

test('the backoff never exceeds retryDelay.max', async () => {
  await withServer(async (server) => {
    server.enqueue(...Array.from({ length: 4 }, () => replies.error(500)), replies.completion('ok'));
    const events: RetryEvent[] = [];
    const client = clientOf(server, {
      maxRetries: 4,
      retryDelay: { initial: 2, max: 5 },
      onRetry: (event) => events.push(event),
    });
    await hello(client).send();
    const delays = events.map((event) => event.delayMs);
    assert.is(delays.length, 4);
    for (const [index, delay] of delays.entries()) {
      const expected = Math.min(2 * 2 ** index, 5);
      assert.ok(
        delay > expected * 0.75 - 1e-9 && delay <= expected,
        `delay ${index + 1}: ${delay} vs ${expected}`,
      );
    }
  });
});

test('every attempt of one send carries the same idempotency key', async () => {
  await withServer(async (server) => {
    server.enqueue(replies.error(500), replies.cut(), replies.completion('ok'));
    await hello(clientOf(server)).send();
    const keys = server.requests.map((request) => request.headers['idempotency-key']);
    assert.is(keys.length, 3);
    assert.ok(keys[0] !== undefined);
    assert.equal(keys, [keys[0], keys[0], keys[0]]);
  });
});

test('408, 409, 429 and 5xx are retried; other statuses are not', async () => {
  for (const status of [408, 409, 429, 500, 502, 503, 504, 529]) {
    await withServer(async (server) => {
      server.enqueue(replies.error(status), replies.completion('ok'));
      await hello(clientOf(server)).send();
      assert.is(server.requests.length, 2, `status ${status} is retried`);
    });
  }
  for (const status of [400, 401, 403, 404, 422, 418]) {
    await withServer(async (server) => {
      server.enqueue(replies.error(status), replies.completion('ok'));
      const error = await rejection(hello(clientOf(server)).send());
      assert.instance(error, APIError);
      assert.is((error as APIError).status, status);
      assert.is(server.requests.length, 1, `status ${status} is not retried`);
    });
  }
});

test('when retries run out, the last error is thrown (maxRetries + 1 attempts)', async () => {
  await withServer(async (server) => {
    server.setDefault(replies.error(503, 'still busy'));
    const { client, events } = recording(server, 2);
    const error = expectError(await rejection(hello(client).send()), InternalServerError);
    assert.is(error.message, '503: still busy (request req_fake_3)');
    assert.is(server.requests.length, 3);
    assert.equal(
      events.map((event) => event.retry),
      [1, 2],
    );
  });
});

test('maxRetries per request overrides the client setting', async () => {
  await withServer(async (server) => {
    server.setDefault(replies.error(500));
    const client = clientOf(server, { maxRetries: 5 });
    await rejection(hello(client).send({ maxRetries: 0 }));
    assert.is(server.requests.length, 1);
    await rejection(hello(client).send({ maxRetries: 1 }));
    assert.is(server.requests.length, 3);
  });
});

test('x-should-retry: false stops a retry; x-should-retry: true forces one', async () => {
  await withServer(async (server) => {
    server.enqueue(
      replies.error(500, 'final', { headers: { 'x-should-retry': 'false' } }),
      replies.completion('ok'),
    );
    const client = clientOf(server);
    expectError(await rejection(hello(client).send()), InternalServerError);
    assert.is(server.requests.length, 1);
    server.reset();
    server.enqueue(
      replies.error(400, 'try again', { headers: { 'x-should-retry': 'true' } }),
      replies.completion('ok'),
    );
    const result = await hello(client).send();
    assert.is(result.choices[0]?.message.content, 'ok');
    assert.is(server.requests.length, 2);
  });
});

test('retry-after-ms is honoured exactly', async () => {
  await withServer(async (server) => {
    server.enqueue(
      replies.error(429, 'slow down', { headers: { 'retry-after-ms': '7.5' } }),
      replies.completion('ok'),
    );
    const { client, events } = recording(server);
    await hello(client).send();
    assert.is(events.length, 1);
    assert.is(events[0]?.delayMs, 7.5);
    assert.instance(events[0]?.error, RateLimitError);
  });
});

test('retry-after in seconds is honoured; retry-after-ms wins over it', async () => {
  await withServer(async (server) => {
    server.enqueue(
      replies.error(429, 'slow', { headers: { 'retry-after': '0.006' } }),
      replies.error(429, 'slow', { headers: { 'retry-after': '30', 'retry-after-ms': '3' } }),
      replies.completion('ok'),
    );
    const { client, events } = recording(server);
    await hello(client).send();
    assert.equal(
      events.map((event) => event.delayMs),
      [6, 3],
    );
  });
});

test('retry-after as an HTTP date: a past date retries at once, a near one waits until then', async () => {
  await withServer(async (server) => {
    const past = new Date(Date.now() - 60_000).toUTCString();
    // HTTP dates have whole seconds: two seconds ahead is between one and two seconds away.
    const soon = new Date(Date.now() + 2_000).toUTCString();
    server.enqueue(
      replies.error(503, 'down', { headers: { 'retry-after': past } }),
      replies.error(503, 'down', { headers: { 'retry-after': soon } }),
      replies.completion('ok'),
    );
    const { client, events } = recording(server);
    await hello(client).send();
    assert.is(events[0]?.delayMs, 0);
    const wait = events[1]?.delayMs ?? -1;
    assert.ok(wait > 0 && wait <= 2_000, `waited ${wait} ms for ${soon}`);
  });
});

test('a retry-after beyond maxRetryAfter is not waited for: the error is thrown at once', async () => {
  await withServer(async (server) => {
    server.enqueue(
      replies.error(429, 'quota', { headers: { 'retry-after': '120' } }),
      replies.completion('ok'),
    );
    const { client, events } = recording(server);
    const error = expectError(await rejection(hello(client).send()), RateLimitError);
    assert.is(error.headers?.get('retry-after'), '120');
    assert.is(server.requests.length, 1);
    assert.is(events.length, 0);
    server.reset();
    server.enqueue(
      replies.error(429, 'quota', { headers: { 'retry-after-ms': '20' } }),
      replies.completion('ok'),
    );
    const strict = clientOf(server, { retryDelay: { maxRetryAfter: 10 } });
    expectError(await rejection(hello(strict).send()), RateLimitError);
    assert.is(server.requests.length, 1);
  });
});

test('an unreadable retry-after falls back to the backoff', async () => {
  await withServer(async (server) => {
    server.enqueue(
      replies.error(429, 'slow', { headers: { 'retry-after': 'soon' } }),
      replies.completion('ok'),
    );
    const { client, events } = recording(server);
    await hello(client).send();
    const delay = events[0]?.delayMs ?? -1;
    assert.ok(delay > 1.5 - 1e-9 && delay <= 2, `backoff delay ${delay}`);
  });
});

test('a retry-after that is neither decimal seconds nor an HTTP date falls back to the backoff', async () => {
  await withServer(async (server) => {
    // Number() reads "0x10" as 16 and "1e1" as 10; Date.parse reads "1 2" as a date in 2001.
    const junk = ['1 2', '0x10', '1e1', '+5', '-1', 'Sun, 06 Nov 1994'];
    server.enqueue(
      ...junk.map((value) => replies.error(429, 'slow', { headers: { 'retry-after': value } })),
      replies.completion('ok'),
    );
    const { client, events } = recording(server, junk.length);
    await hello(client).send();
    assert.is(events.length, junk.length);
    for (const [index, event] of events.entries()) {
      assert.ok(event.delayMs <= 8, `retry-after ${JSON.stringify(junk[index])} gave ${event.delayMs} ms`);
    }
  });
});

test('retry-after in the RFC 850 and asctime date shapes is read as GMT', async () => {
  await withServer(async (server) => {
    server.enqueue(
      replies.error(503, 'down', { headers: { 'retry-after': 'Sunday, 06-Nov-94 08:49:37 GMT' } }),
      replies.error(503, 'down', { headers: { 'retry-after': 'Sun Nov  6 08:49:37 1994' } }),
      replies.completion('ok'),
    );
    const { client, events } = recording(server);
    await hello(client).send();
    // Both dates are past: retry at once (an unparsed header would give a backoff of 1.5 to 4 ms).
    assert.equal(
      events.map((event) => event.delayMs),
      [0, 0],
    );
  });
});

test('connection errors are retried as APIConnectionError', async () => {
  await withServer(async (server) => {
    server.enqueue(replies.cut(), replies.completion('ok'));
    const { client, events } = recording(server);
    await hello(client).send();
    assert.is(server.requests.length, 2);
    expectError(events[0]?.error, APIConnectionError);
  });
});

test('timeouts are retried as APITimeoutError, with a fresh timer per attempt', async () => {
  await withServer(async (server) => {
    server.enqueue(replies.hang(), replies.completion('ok'));
    const { client, events } = recording(server);
    const result = await hello(client).send({ timeout: 100 });
    assert.is(result.choices[0]?.message.content, 'ok');
    assert.is(server.requests.length, 2);
    expectError(events[0]?.error, APITimeoutError);
  });
});

test('a client error is not retried even with retries left', async () => {
  await withServer(async (server) => {
    server.enqueue(replies.error(400, 'bad', { param: 'temperature' }));
    const { client, events } = recording(server, 5);
    const error = expectError(await rejection(hello(client).send()), BadRequestError);
    assert.is(error.param, 'temperature');
    assert.is(events.length, 0);
  });
});

test('a stream is retried until its response is accepted, never after', async () => {
  await withServer(async (server) => {
    server.enqueue(
      replies.error(500),
      replies.stream([{ n: 1 }, { n: 2 }], { cutAfter: 1, chunkDelayMs: 30 }),
      replies.completion('ok'),
    );
    const stream = hello(clientOf(server)).stream().send();
    const response = await stream.response;
    assert.is(response.status, 200);
    const reader = response.body?.getReader();
    const first = await reader?.read();
    assert.is(new TextDecoder().decode(first?.value), 'data: {"n":1}\n\n');
    let failed: unknown;
    try {
      while (!(await reader?.read())?.done) {
        // drain until the cut
      }
    } catch (error) {
      failed = error;
    }
    assert.ok(failed !== undefined, 'the cut reaches the reader');
    assert.is(server.requests.length, 2, 'the cut stream was not sent again');
    assert.is(server.pending, 1);
  });
});

test.run();
