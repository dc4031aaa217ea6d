import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { writeBatchFiles } from '../../src/batch/index.js';
import { BatchInputError, type ChatwrightClient, chat, ValidationError } from '../../src/index.js';
import { json, rejectionOf, withFaultServer } from './fault-server.js';

const calls: ReadonlyArray<[string, (client: ChatwrightClient, id: string) => Promise<unknown>]> = [
  ['files.retrieve', (client, id) => client.files.retrieve(id)],
  ['files.content', (client, id) => client.files.content(id)],
  ['files.delete', (client, id) => client.files.delete(id)],
  ['batches.retrieve', (client, id) => client.batches.retrieve(id)],
  ['batches.cancel', (client, id) => client.batches.cancel(id)],
];

for (const [name, call] of calls) {
  test(`ids: ${name} refuses ".", ".." and "" with a ValidationError, sending nothing`, async () => {
    await withFaultServer(
      (_request, response) => json(response, {}),
      async (server) => {
        for (const id of ['.', '..', '']) {
          const error = await rejectionOf(call(server.client(), id));
          assert.instance(error, ValidationError, `${name}(${JSON.stringify(id)})`);
          assert.match((error as Error).message, 'id must be a non-empty string other than "." and ".."');
        }
        assert.is(server.requests, 0);
      },
    );
  });
}

test('ids: an id with a slash or a dot inside is sent encoded, as one path segment', async () => {
  await withFaultServer(
    (_request, response) => json(response, { id: 'x', deleted: true }),
    async (server) => {
      await server.client().files.delete('../a/b.c');
      assert.equal(server.seen, ['DELETE /v1/files/..%2Fa%2Fb.c']);
    },
  );
});

test('ids: writeBatchFiles refuses a prefix that leaves its directory, writing nothing', async () => {
  const root = await mkdtemp(join(tmpdir(), 'chatwright-prefix-'));
  const directory = join(root, 'inside');
  try {
    const items = [{ customId: 'a', builder: chat().model('gpt-4o').user('Hi') }];
    for (const prefix of ['../x', '..', 'a/b', 'a\\b', '', '/etc/x', 'nul\0']) {
      const error = await rejectionOf(writeBatchFiles(items, { directory, prefix }));
      assert.instance(error, BatchInputError, JSON.stringify(prefix));
      assert.is((error as BatchInputError).problem, 'invalid_prefix');
    }
    assert.equal(await readdir(root), []);
  } finally {
    await rm(root, { recursive: true, force: true });
  }
});

test.run();
