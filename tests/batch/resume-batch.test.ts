import { expectTypeOf } from 'expect-type';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import * as v from 'valibot';
import { resumeBatch, submitBatch } from '../../src/batch/index.js';
import {
  type BatchCompletion,
  type BatchItemError,
  ChatwrightError,
  ParsedOutputError,
} from '../../src/index.js';
import { completionBody, type FakeServer } from '../../src/testing/index.js';
import { clientOf, expectError, rejection, withServer } from '../client/support.js';

async function collect<T>(results: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const result of results) all.push(result);
  return all;
}

/** Submits in a "process" of its own: only the batch ids, as JSON, leave it. */
async function submitElsewhere(server: FakeServer, ids: readonly string[], maxRequestsPerFile?: number) {
  const client = clientOf(server);
  const preset = client.chat().model('gpt-4o-mini').system('Answer in one word.');
  const job = await submitBatch(
    client,
    ids.map((id) => ({ customId: id, builder: preset.user(id) })),
    { maxRequestsPerFile },
  );
  return JSON.stringify(job.parts.map((part) => part.batch.id));
}

const echo = (line: { custom_id: string }) => ({ body: completionBody(`answer to ${line.custom_id}`) });

test('a job resumed from its batch ids in another client: wait() and results() give every custom id once', async () => {
  await withServer(async (server) => {
    server.enqueueBatch(
      { polls: 2, answer: echo },
      { polls: 1, outcome: 'expired', answered: 1, answer: echo },
    );
    const stored = await submitElsewhere(server, ['a', 'b', 'c', 'd', 'e'], 3);

    const client = clientOf(server);
    const job = await resumeBatch(client, JSON.parse(stored) as string[]);
    // Read back as the API has them now (the fake moves a batch on as it is read).
    assert.equal(
      job.parts.map((part) => [part.batch.id, part.batch.status, part.file.filename, part.input]),
      [
        [
          'batch_fake_2',
          'in_progress',
          'batch-1-of-2.jsonl',
          { path: undefined, requests: 3, bytes: 561, customIds: ['a', 'b', 'c'] },
        ],
        [
          'batch_fake_4',
          'in_progress',
          'batch-2-of-2.jsonl',
          { path: undefined, requests: 2, bytes: 374, customIds: ['d', 'e'] },
        ],
      ],
    );
    assert.is(job.total, 5);
    const batches = await job.wait({ pollIntervalMs: 1 });
    assert.equal(
      batches.map((batch) => [batch.status, batch.request_counts]),
      [
        ['completed', { total: 3, completed: 3, failed: 0 }],
        ['expired', { total: 2, completed: 1, failed: 1 }],
      ],
    );
    const results = await collect(job.results());
    assert.equal(
      results.map((result) =>
        result.ok
          ? [result.customId, result.value.choices[0]?.message.content, result.value.requestId]
          : [
              result.customId,
              (result.error as BatchItemError).code,
              (result.error as BatchItemError).batchId,
            ],
      ),
      [
        ['a', 'answer to a', 'req_batch_fake_1'],
        ['b', 'answer to b', 'req_batch_fake_2'],
        ['c', 'answer to c', 'req_batch_fake_3'],
        ['d', 'answer to d', 'req_batch_fake_1'],
        ['e', 'batch_expired', 'batch_fake_4'],
      ],
    );
    expectTypeOf(results[0]!).toEqualTypeOf<
      | { readonly customId: string; readonly ok: true; readonly value: BatchCompletion }
      | { readonly customId: string; readonly ok: false; readonly error: ChatwrightError }
    >();
  });
});

test("parseWith: the preset's schema parses and types every result of the resumed job", async () => {
  await withServer(async (server) => {
    const Answer = v.object({ word: v.string() });
    const preset = clientOf(server).chat().model('gpt-4o-mini').jsonSchema(Answer, { name: 'answer' });
    server.enqueueBatch({
      answer: (line) => ({
        body: completionBody(line.custom_id === 'bad' ? '{"word":1}' : `{"word":"${line.custom_id}"}`),
      }),
    });
    const submitted = await submitBatch(clientOf(server), [
      { customId: 'good', builder: preset.user('a') },
      { customId: 'bad', builder: preset.user('b') },
    ]);
    const ids = submitted.parts.map((part) => part.batch.id);

    const job = await resumeBatch(clientOf(server), ids, { parseWith: preset });
    await job.wait({ pollIntervalMs: 1 });
    const [good, bad] = await collect(job.results());
    if (!good?.ok) throw new Error('expected a result');
    expectTypeOf(good.value.choices[0]!.message.parsed).toEqualTypeOf<{ word: string } | null>();
    assert.equal(good.value.choices[0]?.message.parsed, { word: 'good' });
    assert.is(bad?.customId, 'bad');
    assert.instance(bad?.ok === false ? bad.error : undefined, ParsedOutputError);

    // Without parseWith, the same lines are the completions as they came.
    const raw = await collect((await resumeBatch(clientOf(server), ids)).results());
    assert.equal(
      raw.map((result) => [result.customId, result.ok && result.value.choices[0]?.message.content]),
      [
        ['good', '{"word":"good"}'],
        ['bad', '{"word":1}'],
      ],
    );
  });
});

test('a custom id in two batches, a batch given twice, a batch not found: errors that name them', async () => {
  await withServer(async (server) => {
    const client = clientOf(server);
    const [first] = JSON.parse(await submitElsewhere(server, ['x', 'y'])) as string[];
    const [second] = JSON.parse(await submitElsewhere(server, ['y', 'z'])) as string[];
    const twice = expectError(
      await rejection(resumeBatch(client, [first ?? '', second ?? ''])),
      ChatwrightError,
    );
    assert.is(
      twice.message,
      'the custom id "y" is in batch batch_fake_2 and in batch batch_fake_4: resume the batches of one submission together, and others apart',
    );
    const repeated = expectError(
      await rejection(resumeBatch(client, [first ?? '', first ?? ''])),
      ChatwrightError,
    );
    assert.is(repeated.message, 'batch batch_fake_2 is given twice');
    const missing = await rejection(resumeBatch(client, ['batch_nope']));
    assert.is((missing as Error).name, 'NotFoundError');
  });
});

test.run();
