import { test } from 'uvu';
import * as assert from 'uvu/assert';
import * as v from 'valibot';
import {
  APIConnectionError,
  APIUserAbortError,
  BadRequestError,
  type ChatCompletionResult,
  type FanOutProgress,
  type FanOutResult,
  fanOut,
  RateLimitError,
} from '../../src/index.js';
import { type FakeServer, type RecordedRequest, replies } from '../../src/testing/index.js';
import { clientOf, expectError, pendingTimers, until, withServer } from '../client/support.js';

function presetOf(server: FakeServer) {
  return clientOf(server).chat().model('gpt-4o-mini');
}

/** The last user message of a recorded request. */
function question(request: RecordedRequest): string {
  const body = request.body as { messages: { content: string }[] };
  return body.messages[body.messages.length - 1]?.content ?? '';
}

function contents(results: readonly FanOutResult<ChatCompletionResult>[]): (string | null | undefined)[] {
  return results.map((result) =>
    result.ok ? result.value.choices[0]?.message.content : `error ${result.error.name}`,
  );
}

test('results come back in input order, at most `concurrency` in flight', async () => {
  await withServer(async (server) => {
    let most = 0;
    // Later requests answer sooner, so completion order is not input order.
    server.setDefault(
      replies.dynamic((request) => {
        most = Math.max(most, server.inFlight);
        const n = Number(question(request).slice(1));
        return replies.completion(`answer ${n}`, { delayMs: 20 - n });
      }),
    );
    const preset = presetOf(server);
    const builders = Array.from({ length: 12 }, (_, i) => preset.user(`q${i}`));
    const progress: FanOutProgress[] = [];
    const results = await fanOut(builders, { concurrency: 3, onProgress: (p) => progress.push(p) });
    assert.equal(
      contents(results),
      builders.map((_, i) => `answer ${i}`),
    );
    assert.is(most, 3);
    assert.is(server.requests.length, 12);
    assert.equal(progress.at(-1), {
      total: 12,
      done: 12,
      succeeded: 12,
      failed: 0,
      inFlight: 0,
      retries: 0,
      pausedUntil: undefined,
    });
    assert.equal(
      progress.map((p) => p.done),
      Array.from({ length: 12 }, (_, i) => i + 1),
    );
  });
});

test('a 429 pauses the whole fan-out for retry-after-ms, then the request is retried with the same idempotency key', async () => {
  await withServer(async (server) => {
    const arrivals: { question: string; at: number }[] = [];
    let pausedUntil = 0;
    server.enqueue(
      replies.error(429, 'Rate limit reached', {
        code: 'rate_limit_exceeded',
        headers: { 'retry-after-ms': '30' },
      }),
    );
    server.setDefault(
      replies.dynamic((request) => {
        arrivals.push({ question: question(request), at: Date.now() });
        return replies.completion(`answer ${question(request)}`);
      }),
    );
    const preset = presetOf(server);
    const builders = ['a', 'b', 'c', 'd', 'e', 'f'].map((q) => preset.user(q));
    const results = await fanOut(builders, {
      concurrency: 1,
      onProgress: (p) => {
        if (p.pausedUntil !== undefined) pausedUntil = Math.max(pausedUntil, p.pausedUntil);
      },
    });
    assert.equal(contents(results), ['answer a', 'answer b', 'answer c', 'answer d', 'answer e', 'answer f']);
    assert.is(server.requests.length, 7);
    // The first request of 'a' got the 429; its retry carried the same key.
    assert.is(question(server.requests[0] as RecordedRequest), 'a');
    assert.is(server.requests[0]?.headers['idempotency-key'], server.requests[1]?.headers['idempotency-key']);
    assert.is.not(
      server.requests[1]?.headers['idempotency-key'],
      server.requests[2]?.headers['idempotency-key'],
    );
    // Each send ran without the client's own retries: the fan-out owns them.
    assert.ok(pausedUntil > 0, 'the pause was reported');
    assert.ok(
      arrivals.every((arrival) => arrival.at >= pausedUntil),
      'no request was sent during the pause',
    );
  });
});

test('with concurrency, a 429 holds back the requests that had not started yet', async () => {
  await withServer(async (server) => {
    let pausedUntil = 0;
    const early: string[] = [];
    server.setDefault(
      replies.dynamic((request) => {
        const q = question(request);
        if (q === 'q0' && server.requests.filter((r) => question(r) === 'q0').length === 1) {
          return replies.error(429, 'Slow down', { headers: { 'retry-after-ms': '40' } });
        }
        if (pausedUntil > 0 && Date.now() < pausedUntil) early.push(q);
        return replies.completion(q, { delayMs: 5 });
      }),
    );
    const preset = presetOf(server);
    const results = await fanOut(
      Array.from({ length: 20 }, (_, i) => preset.user(`q${i}`)),
      {
        concurrency: 4,
        onProgress: (p) => {
          if (p.pausedUntil !== undefined) pausedUntil = Math.max(pausedUntil, p.pausedUntil);
        },
      },
    );
    assert.ok(results.every((result) => result.ok));
    assert.is(server.requests.length, 21);
    // Requests already in flight when the 429 came may land in the pause; none may start in it.
    assert.ok(early.length <= 3, `started during the pause: ${early.join(', ')}`);
  });
});

test('rate-limit headers with no requests left hold new requests until the reset', async () => {
  await withServer(async (server) => {
    let pausedUntil = 0;
    const sentAt: number[] = [];
    server.enqueue(
      replies.completion('first', {
        headers: { 'x-ratelimit-remaining-requests': '0', 'x-ratelimit-reset-requests': '25ms' },
      }),
    );
    server.setDefault(
      replies.dynamic(() => {
        sentAt.push(Date.now());
        return replies.completion('later', {
          headers: { 'x-ratelimit-remaining-requests': '99', 'x-ratelimit-reset-requests': '1s' },
        });
      }),
    );
    const preset = presetOf(server);
    const results = await fanOut(
      ['a', 'b', 'c'].map((q) => preset.user(q)),
      {
        concurrency: 1,
        onProgress: (p) => {
          if (p.pausedUntil !== undefined) pausedUntil = Math.max(pausedUntil, p.pausedUntil);
        },
      },
    );
    assert.equal(contents(results), ['first', 'later', 'later']);
    assert.ok(pausedUntil > 0);
    assert.ok(
      sentAt.every((at) => at >= pausedUntil),
      'sent only after the reset',
    );
  });
});

test('spent tokens hold new requests until x-ratelimit-reset-tokens', async () => {
  await withServer(async (server) => {
    const pauses: number[] = [];
    server.enqueue(
      replies.completion('one two three', {
        headers: { 'x-ratelimit-remaining-tokens': '2', 'x-ratelimit-reset-tokens': '15ms' },
      }),
    );
    const preset = presetOf(server);
    const results = await fanOut(
      ['a', 'b'].map((q) => preset.user(q)),
      {
        concurrency: 1,
        onProgress: (p) => {
          if (p.pausedUntil !== undefined) pauses.push(p.pausedUntil);
        },
      },
    );
    assert.ok(results.every((result) => result.ok));
    // 2 tokens left, fewer than the 3 an answer has used on average: a pause.
    assert.ok(pauses.length > 0);
  });
});

test('a failure that is not retryable is that request’s error, in place; the others succeed', async () => {
  await withServer(async (server) => {
    server.setDefault(
      replies.dynamic((request) =>
        question(request) === 'bad'
          ? replies.error(400, 'Invalid value', { param: 'messages' })
          : replies.completion(question(request)),
      ),
    );
    const preset = presetOf(server);
    const results = await fanOut(['a', 'bad', 'c'].map((q) => preset.user(q)));
    assert.equal(contents(results), ['a', 'error BadRequestError', 'c']);
    const failed = results[1];
    assert.ok(failed !== undefined && !failed.ok);
    assert.is(expectError(failed.error, BadRequestError).param, 'messages');
    assert.is(server.requests.length, 3);
  });
});

test('retries run out: the 429 is the result after maxRetries + 1 attempts', async () => {
  await withServer(async (server) => {
    server.setDefault(replies.error(429, 'Slow down', { headers: { 'retry-after-ms': '1' } }));
    const preset = presetOf(server);
    const [result] = await fanOut([preset.user('a')], { maxRetries: 2 });
    assert.ok(result !== undefined && !result.ok);
    expectError(result.error, RateLimitError);
    assert.is(server.requests.length, 3);
  });
});

test('a retry-after above maxRetryAfter is not waited for', async () => {
  await withServer(async (server) => {
    server.enqueue(replies.error(429, 'Come back tomorrow', { headers: { 'retry-after': '86400' } }));
    const preset = presetOf(server);
    const [result] = await fanOut([preset.user('a')], { retryDelay: { maxRetryAfter: 1_000 } });
    assert.ok(result !== undefined && !result.ok);
    expectError(result.error, RateLimitError);
    assert.is(server.requests.length, 1);
  });
});

test('a 5xx is retried for that request alone, with backoff', async () => {
  await withServer(async (server) => {
    server.enqueue(replies.error(503, 'busy'));
    const preset = presetOf(server);
    const progress: FanOutProgress[] = [];
    const results = await fanOut([preset.user('a')], {
      retryDelay: { initial: 1, max: 2 },
      onProgress: (p) => progress.push(p),
    });
    assert.equal(contents(results), ['Hello from the fake server.']);
    assert.is(server.requests.length, 2);
    assert.is(progress.at(-1)?.retries, 1);
    assert.ok(
      progress.every((p) => p.pausedUntil === undefined),
      'a 5xx does not pause the others',
    );
  });
});

test('an abort ends everything promptly: every unfinished request is an APIUserAbortError', async () => {
  await withServer(async (server) => {
    server.enqueue(replies.completion('done'), replies.completion('done'));
    server.setDefault(replies.hang());
    const preset = presetOf(server);
    const controller = new AbortController();
    const pending = fanOut(
      Array.from({ length: 10 }, (_, i) => preset.user(`q${i}`)),
      { concurrency: 4, signal: controller.signal },
    );
    await until(() => server.requests.length === 6 && server.inFlight === 4, 'four requests hang');
    controller.abort(new Error('user left'));
    const results = await pending;
    assert.equal(
      results.map((result) => (result.ok ? 'ok' : result.error.name)),
      ['ok', 'ok', ...Array.from({ length: 8 }, () => 'APIUserAbortError')],
    );
    assert.ok(results.slice(2).every((result) => !result.ok && result.error instanceof APIUserAbortError));
    assert.is(server.requests.length, 6);
    await until(() => server.inFlight === 0, 'the server sees every request let go');
    assert.is(pendingTimers(), 0);
  });
});

test('an abort during a shared pause ends the wait at once', async () => {
  await withServer(async (server) => {
    server.enqueue(replies.error(429, 'Slow down', { headers: { 'retry-after': '50' } }));
    const preset = presetOf(server);
    const controller = new AbortController();
    const results = await fanOut([preset.user('a'), preset.user('b')], {
      concurrency: 1,
      signal: controller.signal,
      onProgress: (p) => {
        if (p.pausedUntil !== undefined) controller.abort();
      },
    });
    assert.equal(
      results.map((result) => (result.ok ? 'ok' : result.error.name)),
      ['APIUserAbortError', 'APIUserAbortError'],
    );
    assert.is(server.requests.length, 1);
    assert.is(pendingTimers(), 0);
  });
});

test('a streaming builder is read to its end', async () => {
  await withServer(async (server) => {
    server.enqueue(replies.completion('streamed answer'));
    const preset = presetOf(server);
    const [result] = await fanOut([preset.user('a').stream()]);
    assert.ok(result?.ok);
    assert.is(result.value.choices[0]?.message.content, 'streamed answer');
    assert.equal(server.requests[0]?.body, {
      model: 'gpt-4o-mini',
      messages: [{ role: 'user', content: 'a' }],
      stream: true,
    });
  });
});

test('what the client will not send again is not retried: a 2xx whose body was lost, a stream cut mid-way', async () => {
  await withServer(async (server) => {
    const chunk = {
      id: 'c',
      object: 'chat.completion.chunk',
      created: 0,
      model: 'gpt-4o-mini',
      choices: [{ index: 0, delta: { content: 'Hi' }, finish_reason: null }],
    };
    // Both cut after the 200 status line: the server has done (and billed) the work.
    server.enqueue(
      replies.stream([chunk], { cutAfter: 0 }),
      // The delay lets the first event reach the client before the cut.
      replies.stream([chunk, chunk], { cutAfter: 1, chunkDelayMs: 20 }),
    );
    const preset = presetOf(server);
    const results = await fanOut([preset.user('a'), preset.user('b').stream()], {
      concurrency: 1,
      retryDelay: { initial: 1, max: 2 },
    });
    for (const result of results) {
      assert.ok(result !== undefined && !result.ok);
      assert.is(expectError(result.error, APIConnectionError).retryable, false);
    }
    assert.is(server.requests.length, 2);
  });
});

test('a structured-output stream is read to its parsed final(), and retried like any stream', async () => {
  await withServer(async (server) => {
    server.enqueue(replies.error(503, 'busy'), replies.completion('{"city":"Paris"}'));
    const Place = v.object({ city: v.string() });
    const builder = presetOf(server).user('a').jsonSchema(Place, { name: 'place' }).stream();
    const [result] = await fanOut([builder], { retryDelay: { initial: 1, max: 2 } });
    assert.ok(result?.ok);
    const parsed: { city: string } | null | undefined = result.value.choices[0]?.message.parsed;
    assert.equal(parsed, { city: 'Paris' });
    assert.is(server.requests.length, 2);
  });
});

test('an onProgress that throws neither rejects the fan-out nor fails a request', async () => {
  await withServer(async (server) => {
    server.enqueue(replies.error(429, 'slow', { headers: { 'retry-after-ms': '1' } }));
    const preset = presetOf(server);
    let calls = 0;
    const results = await fanOut([preset.user('a'), preset.user('b')], {
      concurrency: 1,
      onProgress: () => {
        calls++;
        throw new Error('logger broke');
      },
    });
    assert.equal(contents(results), ['Hello from the fake server.', 'Hello from the fake server.']);
    assert.is(server.requests.length, 3);
    // The 429's pause, then each of the two results.
    assert.is(calls, 3);
  });
});

test('a preset loaded from JSON fans out too', async () => {
  await withServer(async (server) => {
    const preset = clientOf(server).chat.fromJSON({
      model: 'gpt-4o-mini',
      messages: [{ role: 'system', content: 'Be brief.' }],
    });
    const results = await fanOut([preset.user('a'), preset.user('b')], { concurrency: 2 });
    assert.equal(
      results.map((result) => result.ok && result.value.choices[0]?.message.content),
      ['Hello from the fake server.', 'Hello from the fake server.'],
    );
  });
});

test('no builders: an empty result', async () => {
  assert.equal(await fanOut([]), []);
});

test('a bad concurrency is refused', async () => {
  let caught: unknown;
  try {
    await fanOut([], { concurrency: 0 });
  } catch (error) {
    caught = error;
  }
  assert.instance(caught, RangeError);
  assert.is((caught as Error).message, 'concurrency must be a whole number from 1 (got 0)');
});

test.run();
