import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { writeBatchFiles } from '../../src/batch/index.js';
import { APIUserAbortError, BatchInputError, batchLimits, chat, toBatchLine } from '../../src/index.js';
import { expectError, rejection } from '../client/support.js';

const preset = chat().model('gpt-4o-mini').system('Answer in one word.');

function items(count: number, from = 0) {
  return Array.from({ length: count }, (_, i) => ({
    customId: `q-${from + i}`,
    builder: preset.user(`Question ${from + i}`),
  }));
}

async function withDirectory(run: (directory: string) => Promise<void>): Promise<void> {
  const directory = await mkdtemp(join(tmpdir(), 'chatwright-test-'));
  try {
    await run(directory);
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}

test('the documented limits: 50,000 requests and 200 MB (read as 10^6 bytes) per file', () => {
  assert.equal({ ...batchLimits }, { maxRequestsPerFile: 50_000, maxBytesPerFile: 200_000_000 });
});

test('one file holds every line, in order, one request a line', async () => {
  await withDirectory(async (directory) => {
    const input = items(3);
    const files = await writeBatchFiles(input, { directory });
    assert.equal(
      files.map(({ path, requests, customIds }) => ({ path, requests, customIds })),
      [{ path: join(directory, 'batch-1.jsonl'), requests: 3, customIds: ['q-0', 'q-1', 'q-2'] }],
    );
    const text = await readFile(join(directory, 'batch-1.jsonl'), 'utf8');
    assert.is(text, `${input.map((item) => toBatchLine(item.builder, item.customId)).join('\n')}\n`);
    assert.is(files[0]?.bytes, Buffer.byteLength(text));
  });
});

test('files are split at maxRequestsPerFile', async () => {
  await withDirectory(async (directory) => {
    const files = await writeBatchFiles(items(7), { directory, maxRequestsPerFile: 3, prefix: 'part' });
    assert.equal(
      files.map((file) => [file.path.slice(directory.length + 1), file.requests, file.customIds[0]]),
      [
        ['part-1.jsonl', 3, 'q-0'],
        ['part-2.jsonl', 3, 'q-3'],
        ['part-3.jsonl', 1, 'q-6'],
      ],
    );
  });
});

test('files are split before a line would take one past maxBytesPerFile', async () => {
  await withDirectory(async (directory) => {
    const input = items(5);
    const lineBytes = Buffer.byteLength(toBatchLine(input[0]?.builder ?? preset, 'q-0')) + 1;
    // Two lines fit, a third would not.
    const files = await writeBatchFiles(input, { directory, maxBytesPerFile: lineBytes * 3 - 1 });
    assert.equal(
      files.map((file) => file.requests),
      [2, 2, 1],
    );
    for (const file of files) {
      assert.ok(file.bytes <= lineBytes * 3 - 1);
      assert.is(file.bytes, Buffer.byteLength(await readFile(file.path, 'utf8')));
    }
  });
});

test('an async iterable is pulled one item at a time', async () => {
  await withDirectory(async (directory) => {
    let pulled = 0;
    async function* source() {
      for (const item of items(4)) {
        pulled++;
        yield item;
      }
    }
    const files = await writeBatchFiles(source(), { directory });
    assert.is(pulled, 4);
    assert.equal(files[0]?.customIds, ['q-0', 'q-1', 'q-2', 'q-3']);
  });
});

test('a duplicate custom id is refused and the files written so far are removed', async () => {
  await withDirectory(async (directory) => {
    const input = [...items(3), { customId: 'q-1', builder: preset.user('again') }];
    const error = expectError(
      await rejection(writeBatchFiles(input, { directory, maxRequestsPerFile: 2 })),
      BatchInputError,
    );
    assert.is(error.problem, 'duplicate_custom_id');
    assert.is(error.customId, 'q-1');
    assert.is(error.message, 'the custom id "q-1" is used twice');
    assert.equal(await readdir(directory), []);
  });
});

test('limits above the API limits are refused', async () => {
  await withDirectory(async (directory) => {
    const error = expectError(
      await rejection(writeBatchFiles(items(1), { directory, maxRequestsPerFile: 50_001 })),
      BatchInputError,
    );
    assert.is(error.problem, 'invalid_limits');
    assert.is(
      error.message,
      "maxRequestsPerFile must be a whole number from 1 to 50000, the Batch API's limit (got 50001)",
    );
  });
});

test('a line larger than a whole file may be is refused', async () => {
  await withDirectory(async (directory) => {
    const error = expectError(
      await rejection(writeBatchFiles(items(1), { directory, maxBytesPerFile: 10 })),
      BatchInputError,
    );
    assert.is(error.problem, 'line_too_large');
    assert.is(error.customId, 'q-0');
  });
});

test('an abort stops writing and removes the partial files', async () => {
  await withDirectory(async (directory) => {
    const controller = new AbortController();
    async function* source() {
      yield* items(2);
      controller.abort(new Error('stop'));
      yield* items(2, 2);
    }
    const error = expectError(
      await rejection(writeBatchFiles(source(), { directory, signal: controller.signal })),
      APIUserAbortError,
    );
    assert.is((error.cause as Error).message, 'stop');
    assert.equal(await readdir(directory), []);
  });
});

test.run();
