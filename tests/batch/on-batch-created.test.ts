import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { type BatchCreatedEvent, resumeBatch, submitBatch } from '../../src/batch/index.js';
import type { FakeServer } from '../../src/testing/index.js';
import { clientOf, rejection, withServer } from '../client/support.js';

function itemsOf(server: FakeServer, ids: readonly string[]) {
  const preset = clientOf(server).chat().model('gpt-4o-mini');
  return ids.map((id) => ({ customId: id, builder: preset.user(id) }));
}

test('onBatchCreated: called with each batch as it is created, before the next file is uploaded', async () => {
  await withServer(async (server) => {
    const events: Array<{ id: string; index: number; total: number; requestsSoFar: number }> = [];
    const job = await submitBatch(clientOf(server), itemsOf(server, ['a', 'b', 'c']), {
      maxRequestsPerFile: 2,
      onBatchCreated: ({ batch, index, total }: BatchCreatedEvent) => {
        events.push({ id: batch.id, index, total, requestsSoFar: server.requests.length });
      },
    });
    assert.equal(events, [
      { id: 'batch_fake_2', index: 0, total: 2, requestsSoFar: 2 },
      { id: 'batch_fake_4', index: 1, total: 2, requestsSoFar: 4 },
    ]);
    assert.equal(
      job.parts.map((part) => part.batch.id),
      events.map((event) => event.id),
    );
  });
});

test('onBatchCreated: a hook that throws fails the submission; the batch it was told of is cancelled, and its id resumes it', async () => {
  await withServer(async (server) => {
    const stored: string[] = [];
    const failure = new Error('the database is down');
    const error = await rejection(
      submitBatch(clientOf(server), itemsOf(server, ['a', 'b']), {
        maxRequestsPerFile: 1,
        onBatchCreated: async ({ batch }) => {
          stored.push(batch.id);
          if (stored.length === 1) throw failure;
        },
      }),
    );
    assert.is(error, failure);
    assert.equal(stored, ['batch_fake_2']);
    // A hook that throws fails the submission like any failure: the batch made is cancelled.
    assert.is((await clientOf(server).batches.retrieve('batch_fake_2')).status, 'cancelled');
    const resumed = await resumeBatch(clientOf(server), stored);
    assert.equal(resumed.parts[0]?.input.customIds, ['a']);
  });
});

test.run();
