import { expectTypeOf } from 'expect-type';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import * as v from 'valibot';
import { type BatchProgress, submitBatch } from '../../src/batch/index.js';
import type { BatchCompletion } from '../../src/index.js';
import {
  BadRequestError,
  BatchItemError,
  type BatchResult,
  ChatwrightError,
  chat,
  InternalServerError,
  NotFoundError,
  ParsedOutputError,
} from '../../src/index.js';
import { completionBody, errorBody, type FakeServer } from '../../src/testing/index.js';
import { clientOf, expectError, rejection, withServer } from '../client/support.js';

function presetOf(server: FakeServer) {
  return clientOf(server).chat().model('gpt-4o-mini').system('Answer in one word.');
}

async function collect<T>(results: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const result of results) all.push(result);
  return all;
}

function byId(results: readonly BatchResult[]): Map<string, BatchResult> {
  return new Map(results.map((result) => [result.customId, result]));
}

test('a 10,000-request batch round trip: split into files, uploaded, polled, every result mapped back once', async () => {
  await withServer(async (server) => {
    const client = clientOf(server);
    const preset = client.chat().model('gpt-4o-mini').system('Answer in one word.');
    server.enqueueBatch(
      ...Array.from({ length: 3 }, () => ({
        polls: 2,
        answer: (line: { custom_id: string }) => ({ body: completionBody(`answer to ${line.custom_id}`) }),
      })),
    );
    function* items() {
      for (let i = 0; i < 10_000; i++) yield { customId: `q-${i}`, builder: preset.user(`Question ${i}`) };
    }
    const job = await submitBatch(client, items(), {
      maxRequestsPerFile: 4_000,
      metadata: { run: 'nightly' },
    });

    assert.equal(
      job.parts.map((part) => [
        part.input.requests,
        part.file.filename,
        part.batch.status,
        part.batch.metadata,
      ]),
      [
        [4_000, 'batch-1-of-3.jsonl', 'validating', { run: 'nightly' }],
        [4_000, 'batch-2-of-3.jsonl', 'validating', { run: 'nightly' }],
        [2_000, 'batch-3-of-3.jsonl', 'validating', { run: 'nightly' }],
      ],
    );
    assert.is(job.total, 10_000);
    // The input files went with the temporary directory: no part names a path that is gone.
    assert.ok(job.parts.every((part) => part.input.path === undefined));
    // What the server received: multipart uploads with purpose batch, then JSON batch creations.
    const uploads = server.requests.filter((request) => request.path === '/v1/files');
    assert.is(uploads.length, 3);
    assert.ok(
      uploads.every(
        (request) =>
          request.method === 'POST' &&
          request.headers['content-type']?.startsWith('multipart/form-data; boundary='),
      ),
    );
    assert.ok(uploads.every((request) => request.headers.authorization === 'Bearer [REDACTED]'));
    const creations = server.requests.filter((request) => request.path === '/v1/batches');
    assert.equal(creations[0]?.body, {
      input_file_id: job.parts[0]?.file.id,
      endpoint: '/v1/chat/completions',
      completion_window: '24h',
      metadata: { run: 'nightly' },
    });
    const firstInput = server.files.get(job.parts[0]?.file.id ?? '');
    assert.is(firstInput?.purpose, 'batch');
    assert.is(firstInput?.content.split('\n').length, 4_001);
    assert.equal(JSON.parse(firstInput?.content.split('\n')[0] ?? ''), {
      custom_id: 'q-0',
      method: 'POST',
      url: '/v1/chat/completions',
      body: {
        model: 'gpt-4o-mini',
        messages: [
          { role: 'system', content: 'Answer in one word.' },
          { role: 'user', content: 'Question 0' },
        ],
      },
    });

    const progress: BatchProgress[] = [];
    const batches = await job.wait({ pollIntervalMs: 1, onProgress: (p) => progress.push(p) });
    assert.equal(
      batches.map((batch) => [batch.status, batch.request_counts]),
      [
        ['completed', { total: 4_000, completed: 4_000, failed: 0 }],
        ['completed', { total: 4_000, completed: 4_000, failed: 0 }],
        ['completed', { total: 2_000, completed: 2_000, failed: 0 }],
      ],
    );
    assert.equal(
      progress.map(({ total, completed, failed, finishedBatches }) => [
        total,
        completed,
        failed,
        finishedBatches,
      ]),
      [
        [10_000, 0, 0, 0],
        [10_000, 0, 0, 0],
        [10_000, 10_000, 0, 3],
      ],
    );

    const results = await collect(job.results());
    assert.is(results.length, 10_000);
    assert.is(new Set(results.map((result) => result.customId)).size, 10_000);
    const last = byId(results).get('q-9999');
    assert.ok(last?.ok);
    const value: BatchCompletion = last.value;
    assert.is(value.choices[0]?.message.content, 'answer to q-9999');
    assert.is(value.requestId, 'req_batch_fake_2000');
    assert.ok(results.every((result) => result.ok));
  });
});

test('a batch with failed lines: error statuses become the APIError of send(), line errors BatchItemError', async () => {
  await withServer(async (server) => {
    const client = clientOf(server);
    const preset = presetOf(server);
    server.enqueueBatch({
      answer: (line, index) => {
        if (index === 1)
          return {
            status: 400,
            body: errorBody('Invalid model', { param: 'model', code: 'model_not_found' }),
          };
        if (index === 2)
          return { status: 500, body: errorBody('The server had an error', { type: 'server_error' }) };
        if (index === 3) return { error: { code: 'invalid_request', message: 'Line too long' } };
        return { body: completionBody(`ok ${line.custom_id}`) };
      },
    });
    const job = await submitBatch(
      client,
      ['a', 'b', 'c', 'd', 'e'].map((id) => ({ customId: id, builder: preset.user(id) })),
    );
    const [batch] = await job.wait({ pollIntervalMs: 1 });
    assert.equal(batch?.request_counts, { total: 5, completed: 2, failed: 3 });
    const results = byId(await collect(job.results()));
    assert.equal([...results.keys()].sort(), ['a', 'b', 'c', 'd', 'e']);
    assert.ok(results.get('a')?.ok && results.get('e')?.ok);

    const b = results.get('b');
    assert.ok(b !== undefined && !b.ok);
    const bad = expectError(b.error, BadRequestError);
    assert.is(bad.status, 400);
    assert.is(bad.code, 'model_not_found');
    assert.is(bad.param, 'model');
    assert.is(bad.requestId, 'req_batch_fake_2');

    const c = results.get('c');
    assert.ok(c !== undefined && !c.ok);
    assert.is(expectError(c.error, InternalServerError).status, 500);

    const d = results.get('d');
    assert.ok(d !== undefined && !d.ok);
    const item = expectError(d.error, BatchItemError);
    assert.equal(
      [item.customId, item.code, item.batchId, item.message],
      ['d', 'invalid_request', batch?.id, 'd: invalid_request: Line too long'],
    );
  });
});

test('an expired batch: answered lines are results, the rest batch_expired errors', async () => {
  await withServer(async (server) => {
    const client = clientOf(server);
    const preset = presetOf(server);
    server.enqueueBatch({ outcome: 'expired', answered: 3 });
    const ids = ['r1', 'r2', 'r3', 'r4', 'r5'];
    const job = await submitBatch(
      client,
      ids.map((id) => ({ customId: id, builder: preset.user(id) })),
    );
    const [batch] = await job.wait({ pollIntervalMs: 1 });
    assert.is(batch?.status, 'expired');
    assert.equal(batch?.request_counts, { total: 5, completed: 3, failed: 2 });
    const results = await collect(job.results());
    assert.equal(
      results.map((result) => [result.customId, result.ok ? 'ok' : (result.error as BatchItemError).code]),
      [
        ['r1', 'ok'],
        ['r2', 'ok'],
        ['r3', 'ok'],
        ['r4', 'batch_expired'],
        ['r5', 'batch_expired'],
      ],
    );
  });
});

test('a refused batch: every custom id ends as batch_failed with the API reason', async () => {
  await withServer(async (server) => {
    const client = clientOf(server);
    const preset = presetOf(server);
    server.enqueueBatch({
      outcome: 'failed',
      errors: [{ code: 'token_limit_exceeded', message: 'Enqueued token limit reached.', line: null }],
    });
    const job = await submitBatch(
      client,
      ['x', 'y'].map((id) => ({ customId: id, builder: preset.user(id) })),
    );
    await job.wait({ pollIntervalMs: 1 });
    const results = await collect(job.results());
    assert.equal(
      results.map((result) =>
        result.ok ? 'ok' : [result.customId, (result.error as BatchItemError).code, result.error.message],
      ),
      [
        [
          'x',
          'batch_failed',
          'x: batch_failed: the batch was refused: token_limit_exceeded: Enqueued token limit reached.',
        ],
        [
          'y',
          'batch_failed',
          'y: batch_failed: the batch was refused: token_limit_exceeded: Enqueued token limit reached.',
        ],
      ],
    );
  });
});

test('a cancelled batch: unanswered requests end as batch_cancelled', async () => {
  await withServer(async (server) => {
    const client = clientOf(server);
    const preset = presetOf(server);
    server.enqueueBatch({ polls: 100, answered: 1 });
    const job = await submitBatch(
      client,
      ['m', 'n'].map((id) => ({ customId: id, builder: preset.user(id) })),
    );
    const [cancelling] = await job.cancel();
    assert.is(cancelling?.status, 'cancelling');
    const [batch] = await job.wait({ pollIntervalMs: 1 });
    assert.is(batch?.status, 'cancelled');
    const results = await collect(job.results());
    assert.equal(
      results.map((result) => [result.customId, result.ok ? 'ok' : (result.error as BatchItemError).code]),
      [
        ['m', 'ok'],
        ['n', 'batch_cancelled'],
      ],
    );
  });
});

test('a custom id no line answers ends as missing_result, and a stray line is ignored', async () => {
  await withServer(async (server) => {
    const client = clientOf(server);
    const preset = presetOf(server);
    server.enqueueBatch({});
    const job = await submitBatch(
      client,
      ['p', 'q'].map((id) => ({ customId: id, builder: preset.user(id) })),
    );
    const [batch] = await job.wait({ pollIntervalMs: 1 });
    // Rewrite the output file as a broken server might: one line lost, one line for an unknown id.
    const output = server.files.get(batch?.output_file_id ?? '');
    assert.ok(output !== undefined);
    const [first] = output.content.split('\n');
    (server.files as Map<string, typeof output>).set(output.id, {
      ...output,
      content: `${first}\n${JSON.stringify({ custom_id: 'zzz', response: { status_code: 200, body: {} }, error: null })}\nnot json\n`,
    });
    const results = await collect(job.results());
    assert.equal(
      results.map((result) => [result.customId, result.ok ? 'ok' : (result.error as BatchItemError).code]),
      [
        ['p', 'ok'],
        ['q', 'missing_result'],
      ],
    );
  });
});

test('results before the batches are final is an error naming the fix', async () => {
  await withServer(async (server) => {
    const client = clientOf(server);
    const job = await submitBatch(client, [{ customId: 'a', builder: presetOf(server).user('a') }]);
    const error = expectError(await rejection(collect(job.results())), ChatwrightError);
    assert.is(
      error.message,
      `batch ${job.parts[0]?.batch.id} is validating: await job.wait() before reading results`,
    );
  });
});

test('an API error while submitting is thrown with its class', async () => {
  await withServer(async (server) => {
    const client = clientOf(server).withOptions({ baseURL: `${server.url}/missing` });
    const error = expectError(
      await rejection(submitBatch(client, [{ customId: 'a', builder: presetOf(server).user('a') }])),
      NotFoundError,
    );
    assert.is(error.status, 404);
    assert.is(server.requests[0]?.path, '/v1/missing/files');
  });
});

test('files and batches calls go through the client transport: a 500 is retried with the same idempotency key', async () => {
  await withServer(async (server) => {
    let failed = 0;
    let firstKey: string | null = null;
    const client = clientOf(server, {
      fetch: (input, init) => {
        const url = String(input);
        if (url.endsWith('/v1/batches') && failed === 0) {
          failed++;
          firstKey = new Headers(init?.headers).get('idempotency-key');
          return Promise.resolve(
            new Response(JSON.stringify(errorBody('The server had an error', { type: 'server_error' })), {
              status: 500,
              headers: { 'content-type': 'application/json' },
            }),
          );
        }
        return fetch(input, init);
      },
    });
    const preset = client.chat().model('gpt-4o-mini');
    const job = await submitBatch(client, [{ customId: 'a', builder: preset.user('a') }]);
    assert.is(failed, 1);
    assert.is(job.parts[0]?.batch.status, 'validating');
    const creations = server.requests.filter(
      (request) => request.path === '/v1/batches' && request.method === 'POST',
    );
    assert.is(creations.length, 1);
    // Before the retry, a search for a batch the 500 may have hidden: none, so the retry creates it.
    assert.is(server.requests.filter((request) => request.path === '/v1/batches').length, 2);
    assert.ok(creations[0]?.headers['idempotency-key']?.startsWith('chatwright-'));
    assert.is(creations[0]?.headers['idempotency-key'], firstKey);
    // A download and a delete through the same client.
    const input = await client.files.content(job.parts[0]?.file.id ?? '');
    assert.is(input.headers.get('content-type'), 'application/octet-stream');
    assert.is(
      (await input.text()).split('\n')[0],
      JSON.stringify({
        custom_id: 'a',
        method: 'POST',
        url: '/v1/chat/completions',
        body: { model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'a' }] },
      }),
    );
    assert.equal(await client.files.delete(job.parts[0]?.file.id ?? ''), {
      id: job.parts[0]?.file.id,
      deleted: true,
    });
    const missing = expectError(await rejection(client.files.content('file-nope')), NotFoundError);
    assert.is(
      missing.message,
      `404: No such File object: file-nope (request req_fake_${server.requests.length})`,
    );
  });
});

test('an abort stops wait() with APIUserAbortError and leaves no timer', async () => {
  await withServer(async (server) => {
    const client = clientOf(server);
    server.enqueueBatch({ polls: 1_000_000 });
    const job = await submitBatch(client, [{ customId: 'a', builder: presetOf(server).user('a') }]);
    const controller = new AbortController();
    let rounds = 0;
    const error = await rejection(
      job.wait({
        pollIntervalMs: 60_000,
        signal: controller.signal,
        onProgress: () => {
          rounds++;
          controller.abort();
        },
      }),
    );
    assert.is((error as Error).name, 'APIUserAbortError');
    assert.is(rounds, 1);
  });
});

test('structured outputs in batch results are parsed and typed as send() parses them', async () => {
  await withServer(async (server) => {
    const client = clientOf(server);
    const Answer = v.object({ word: v.string(), confidence: v.number() });
    const preset = presetOf(server).jsonSchema(Answer, { name: 'answer' });
    server.enqueueBatch({
      answer: (line: { custom_id: string }) => ({
        body: completionBody(
          line.custom_id === 'bad' ? '{"word":"x"}' : `{"word":"${line.custom_id}","confidence":0.5}`,
        ),
      }),
    });
    const job = await submitBatch(client, [
      { customId: 'alpha', builder: preset.user('a') },
      { customId: 'bad', builder: preset.user('b') },
    ]);
    await job.wait({ pollIntervalMs: 1 });
    const results = await collect(job.results());
    const first = results[0];
    if (!first?.ok) throw new Error('expected a result');
    expectTypeOf(first.value.choices[0]!.message.parsed).toEqualTypeOf<{
      word: string;
      confidence: number;
    } | null>();
    assert.equal(first.value.choices[0]?.message.parsed, { word: 'alpha', confidence: 0.5 });
    const second = results[1];
    assert.is(second?.ok, false);
    assert.instance(second?.ok === false ? second.error : undefined, ParsedOutputError);
  });
});

test('builder.toBatchLine() is the batch line of the builder', () => {
  const builder = chat().model('gpt-4o-mini').user('Hi');
  assert.is(
    builder.toBatchLine('greeting-1'),
    '{"custom_id":"greeting-1","method":"POST","url":"/v1/chat/completions","body":{"model":"gpt-4o-mini","messages":[{"role":"user","content":"Hi"}]}}',
  );
});

test.run();
