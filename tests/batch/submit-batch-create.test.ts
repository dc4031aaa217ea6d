import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { submitBatch } from '../../src/batch/index.js';
import {
  APIUserAbortError,
  BadRequestError,
  type BatchResult,
  InternalServerError,
  type RetryEvent,
} from '../../src/index.js';
import { type FakeServer, replies } from '../../src/testing/index.js';
import { clientOf, expectError, rejection, withServer } from '../client/support.js';

function itemsOf(server: FakeServer, ids: readonly string[]) {
  const preset = clientOf(server).chat().model('gpt-4o-mini');
  return ids.map((id) => ({ customId: id, builder: preset.user(id) }));
}

function calls(server: FakeServer): string[] {
  return server.requests.map((request) => {
    const query = new URLSearchParams(request.query).toString();
    return `${request.method} ${request.path}${query === '' ? '' : `?${query}`}`;
  });
}

async function collect<T>(results: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const result of results) all.push(result);
  return all;
}

test('a create whose answer is lost after the batch was made: the batch is found, not made twice', async () => {
  await withServer(async (server) => {
    const client = clientOf(server);
    server.enqueueBatch({ loseCreateAnswer: replies.cut() });
    const job = await submitBatch(client, itemsOf(server, ['a', 'b']));
    assert.equal(calls(server), ['POST /v1/files', 'POST /v1/batches', 'GET /v1/batches?limit=100']);
    const list = await client.batches.list();
    assert.equal(
      list.data.map((batch) => [batch.id, batch.input_file_id]),
      [['batch_fake_2', 'file-fake-1']],
    );
    assert.equal(
      job.parts.map((part) => [part.batch.id, part.batch.status, part.file.id]),
      [['batch_fake_2', 'validating', 'file-fake-1']],
    );
    await job.wait({ pollIntervalMs: 1 });
    const results: BatchResult[] = await collect(job.results());
    assert.equal(
      results.map((result) => [result.customId, result.ok]),
      [
        ['a', true],
        ['b', true],
      ],
    );
  });
});

test('a 502 after the batch was made: found the same way', async () => {
  await withServer(async (server) => {
    const client = clientOf(server);
    server.enqueueBatch({ loseCreateAnswer: replies.error(502, 'Bad gateway') });
    const job = await submitBatch(client, itemsOf(server, ['a']));
    assert.equal(calls(server), ['POST /v1/files', 'POST /v1/batches', 'GET /v1/batches?limit=100']);
    assert.equal(
      (await client.batches.list()).data.map((batch) => batch.id),
      [job.parts[0]?.batch.id],
    );
  });
});

test('a create cut before the batch was made: the search finds none, the retry makes it, with the same key', async () => {
  await withServer(async (server) => {
    const client = clientOf(server);
    server.enqueueBatch({ refuseCreate: replies.cut() });
    const job = await submitBatch(client, itemsOf(server, ['a']));
    assert.equal(calls(server), [
      'POST /v1/files',
      'POST /v1/batches',
      'GET /v1/batches?limit=100',
      'POST /v1/batches',
    ]);
    const [first, second] = server.requests.filter(
      (request) => request.path === '/v1/batches' && request.method === 'POST',
    );
    assert.ok(first?.headers['idempotency-key']?.startsWith('chatwright-'));
    assert.is(second?.headers['idempotency-key'], first?.headers['idempotency-key']);
    const list = await client.batches.list();
    assert.equal(
      list.data.map((batch) => [batch.id, batch.input_file_id]),
      [['batch_fake_2', 'file-fake-1']],
    );
    assert.is(job.parts[0]?.batch.id, 'batch_fake_2');
  });
});

test("creates that keep failing: the client's retry count and onRetry, a search after each, then the file is deleted", async () => {
  await withServer(async (server) => {
    const retries: RetryEvent[] = [];
    const client = clientOf(server, { onRetry: (event) => retries.push(event) });
    const failure = replies.error(500, 'The server had an error', { type: 'server_error' });
    server.enqueueBatch({ refuseCreate: failure }, { refuseCreate: failure }, { refuseCreate: failure });
    const error = expectError(
      await rejection(submitBatch(client, itemsOf(server, ['a']))),
      InternalServerError,
    );
    assert.is(error.message, '500: The server had an error (request req_fake_6)');
    assert.equal(calls(server), [
      'POST /v1/files',
      'POST /v1/batches',
      'GET /v1/batches?limit=100',
      'POST /v1/batches',
      'GET /v1/batches?limit=100',
      'POST /v1/batches',
      'GET /v1/batches?limit=100',
      'DELETE /v1/files/file-fake-1',
    ]);
    assert.equal(
      retries.map((event) => [event.retry, (event.error as InternalServerError).status]),
      [
        [1, 500],
        [2, 500],
      ],
    );
    assert.is(server.files.size, 0);
  });
});

test('an abort while the create is in flight: the batch it made is cancelled and its file deleted', async () => {
  await withServer(async (server) => {
    const client = clientOf(server);
    const controller = new AbortController();
    // The batch exists when this reply is chosen: the abort lands while the create awaits its answer.
    server.enqueueBatch({
      polls: 100,
      loseCreateAnswer: replies.dynamic(() => {
        controller.abort();
        return replies.hang();
      }),
    });
    const submission = submitBatch(client, itemsOf(server, ['a']), { signal: controller.signal });
    expectError(await rejection(submission), APIUserAbortError);
    assert.equal(calls(server), [
      'POST /v1/files',
      'POST /v1/batches',
      'GET /v1/batches?limit=100',
      'POST /v1/batches/batch_fake_2/cancel',
      'DELETE /v1/files/file-fake-1',
    ]);
    assert.is(server.files.has('file-fake-1'), false);
    assert.is((await client.batches.retrieve('batch_fake_2')).status, 'cancelled');
  });
});

test('client.batches.list(): newest first, paged by after and limit, in the API shape', async () => {
  await withServer(async (server) => {
    const client = clientOf(server);
    const file = await client.files.upload(new Blob(['']), { filename: 'in.jsonl', purpose: 'batch' });
    const params = {
      input_file_id: file.id,
      endpoint: '/v1/chat/completions',
      completion_window: '24h',
    } as const;
    for (let i = 0; i < 3; i++) await client.batches.create(params);
    const first = await client.batches.list({ limit: 2 });
    assert.equal(
      { ...first, data: first.data.map((batch) => batch.id) },
      {
        object: 'list',
        data: ['batch_fake_4', 'batch_fake_3'],
        first_id: 'batch_fake_4',
        last_id: 'batch_fake_3',
        has_more: true,
      },
    );
    const second = await client.batches.list({ limit: 2, after: first.last_id ?? '' });
    assert.equal(
      { ...second, data: second.data.map((batch) => batch.id) },
      {
        object: 'list',
        data: ['batch_fake_2'],
        first_id: 'batch_fake_2',
        last_id: 'batch_fake_2',
        has_more: false,
      },
    );
    assert.equal(server.requests.at(-1)?.query, { limit: '2', after: 'batch_fake_3' });
    const tooMany = expectError(await rejection(client.batches.list({ limit: 101 })), BadRequestError);
    assert.is(tooMany.param, 'limit');
  });
});

test.run();
