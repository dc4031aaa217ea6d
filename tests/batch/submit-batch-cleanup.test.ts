import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { submitBatch } from '../../src/batch/index.js';
import { BadRequestError } from '../../src/index.js';
import { errorBody, type FakeServer, replies } from '../../src/testing/index.js';
import { clientOf, expectError, rejection, withServer } from '../client/support.js';

function itemsOf(server: FakeServer, ids: readonly string[]) {
  const preset = clientOf(server).chat().model('gpt-4o-mini');
  return ids.map((id) => ({ customId: id, builder: preset.user(id) }));
}

const refused = replies.error(400, 'Enqueued token limit reached for gpt-4o-mini.', {
  code: 'token_limit_exceeded',
});

test('a refused create: the batches made are cancelled, the file without a batch is deleted, the create error is thrown', async () => {
  await withServer(async (server) => {
    const client = clientOf(server);
    server.enqueueBatch({ polls: 100 }, { refuseCreate: refused });
    const error = expectError(
      await rejection(submitBatch(client, itemsOf(server, ['a', 'b']), { maxRequestsPerFile: 1 })),
      BadRequestError,
    );
    assert.is(error.message, '400: Enqueued token limit reached for gpt-4o-mini. (request req_fake_4)');
    assert.is(error.code, 'token_limit_exceeded');
    const calls = server.requests.map((request) => `${request.method} ${request.path}`);
    assert.equal(calls.slice(0, 4), [
      'POST /v1/files',
      'POST /v1/batches',
      'POST /v1/files',
      'POST /v1/batches',
    ]);
    assert.equal(calls.slice(4).sort(), [
      'DELETE /v1/files/file-fake-3',
      'POST /v1/batches/batch_fake_2/cancel',
    ]);
    // The first file stays: its batch (now cancelled) refers to it. The second is gone.
    assert.equal([...server.files.keys()], ['file-fake-1']);
    assert.is((await client.batches.retrieve('batch_fake_2')).status, 'cancelled');
  });
});

test('a delete that fails while cleaning up does not replace the error of the create', async () => {
  await withServer(async (server) => {
    let deletes = 0;
    const client = clientOf(server, {
      fetch: (input, init) => {
        if (init?.method === 'DELETE') {
          deletes++;
          const body = JSON.stringify(errorBody('The server had an error', { type: 'server_error' }));
          return Promise.resolve(new Response(body, { status: 500 }));
        }
        return fetch(input, init);
      },
    });
    server.enqueueBatch({ refuseCreate: refused });
    const error = expectError(await rejection(submitBatch(client, itemsOf(server, ['a']))), BadRequestError);
    assert.is(error.message, '400: Enqueued token limit reached for gpt-4o-mini. (request req_fake_2)');
    // The client's own retries ran (maxRetries 2), then the delete's error was dropped.
    assert.is(deletes, 3);
    assert.equal([...server.files.keys()], ['file-fake-1']);
  });
});

test.run();
