import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { BadRequestError } from '../../src/index.js';
import { completionBody } from '../../src/testing/index.js';
import { clientOf, expectError, rejection, withServer } from '../client/support.js';

const line = (id: string, body: unknown) =>
  JSON.stringify({ custom_id: id, method: 'POST', url: '/v1/chat/completions', body });

test('the fake refuses a batch whose input repeats a custom id, naming the line', async () => {
  await withServer(async (server) => {
    const client = clientOf(server);
    const hi = { model: 'gpt-4o', messages: [{ role: 'user', content: 'Hi' }] };
    const file = await client.files.upload(new Blob([`${line('a', hi)}\n${line('a', hi)}\n`]), {
      filename: 'in.jsonl',
      purpose: 'batch',
    });
    assert.equal(
      { ...file },
      {
        id: file.id,
        object: 'file',
        bytes: 2 * Buffer.byteLength(line('a', hi)) + 2,
        created_at: 1_700_000_000,
        filename: 'in.jsonl',
        purpose: 'batch',
        status: 'processed',
      },
    );
    const created = await client.batches.create({
      input_file_id: file.id,
      endpoint: '/v1/chat/completions',
      completion_window: '24h',
    });
    assert.is(created.status, 'validating');
    assert.is((await client.batches.retrieve(created.id)).status, 'in_progress');
    const done = await client.batches.retrieve(created.id);
    assert.is(done.status, 'failed');
    assert.equal(done.errors?.data, [
      { code: 'duplicate_custom_id', message: 'The custom_id a is used twice.', line: 2 },
    ]);
  });
});

test('by default the fake answers a valid line with a completion and an invalid one with the API 400', async () => {
  await withServer(async (server) => {
    const client = clientOf(server);
    const text = `${line('ok', { model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'Hi' }] })}\n${line('bad', { model: 'gpt-4o', messages: [] })}\n`;
    const file = await client.files.upload(new Blob([text]), { filename: 'in.jsonl', purpose: 'batch' });
    const created = await client.batches.create({
      input_file_id: file.id,
      endpoint: '/v1/chat/completions',
      completion_window: '24h',
    });
    assert.is((await client.batches.retrieve(created.id)).status, 'in_progress');
    const batch = await client.batches.retrieve(created.id);
    assert.is(batch.status, 'completed');
    assert.equal(batch.request_counts, { total: 2, completed: 1, failed: 1 });
    const output = (await (await client.files.content(batch.output_file_id ?? '')).text()).trim();
    assert.equal(JSON.parse(output), {
      id: 'batch_req_fake_1',
      custom_id: 'ok',
      response: {
        status_code: 200,
        request_id: 'req_batch_fake_1',
        body: completionBody('Hello from the fake server.', { model: 'gpt-4o-mini' }),
      },
      error: null,
    });
    const failed = JSON.parse(
      (await (await client.files.content(batch.error_file_id ?? '')).text()).trim(),
    ) as {
      custom_id: string;
      response: { status_code: number };
    };
    assert.equal([failed.custom_id, failed.response.status_code], ['bad', 400]);
  });
});

test('a batch from a file that is not for batches is refused with the API 400', async () => {
  await withServer(async (server) => {
    const client = clientOf(server);
    const file = await client.files.upload(new Blob(['{}']), { filename: 'x.jsonl', purpose: 'user_data' });
    const error = expectError(
      await rejection(
        client.batches.create({
          input_file_id: file.id,
          endpoint: '/v1/chat/completions',
          completion_window: '24h',
        }),
      ),
      BadRequestError,
    );
    assert.is(error.param, 'input_file_id');
  });
});

test.run();
