// A CommonJS project's Jest suite (Jest's default mode: every module through `require`), run by
// scripts/check-package.mjs against the packed tarball installed in a temporary project.
const { APIError, ChatwrightError, chat, createClient, defineModels, NotFoundError } = require('chatwright');
const { resumeBatch, writeBatchFiles } = require('chatwright/batch');
const { createFakeServer, replies } = require('chatwright/testing');
const { mkdtempSync, rmSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');

let server;
let client;
beforeAll(async () => {
  server = await createFakeServer().start();
  client = createClient({ baseURL: server.url, apiKey: 'test-key', maxRetries: 0 });
});
afterAll(() => server.close());

test('send() answers through the fake server', async () => {
  server.enqueue(replies.completion('Paris.'));
  const reply = await client.chat().model('gpt-4o').user('Capital of France?').send();
  expect(reply.choices[0].message.content).toBe('Paris.');
  expect(server.requests.at(-1).body).toEqual({
    model: 'gpt-4o',
    messages: [{ role: 'user', content: 'Capital of France?' }],
  });
});

test('a stream is read to the end', async () => {
  server.enqueue(replies.completion('Once upon a time'));
  let text = '';
  for await (const piece of client.chat().model('gpt-4o').user('Story?').stream().send().text())
    text += piece;
  expect(text).toBe('Once upon a time');
});

test('an error thrown by chatwright/batch is an APIError of chatwright', async () => {
  const failure = resumeBatch(client, ['batch_missing']);
  await expect(failure).rejects.toBeInstanceOf(NotFoundError);
  await expect(failure).rejects.toBeInstanceOf(APIError);
});

test('a model declared through chatwright is known to chatwright/batch', async () => {
  const directory = mkdtempSync(join(tmpdir(), 'chatwright-jest-batch-'));
  try {
    defineModels({ 'acme-reasoner': { extends: 'o3' } });
    const items = [{ customId: 'a', builder: chat().model('acme-reasoner').user('x').temperature(0.5) }];
    const failure = writeBatchFiles(items, { directory });
    await expect(failure).rejects.toBeInstanceOf(ChatwrightError);
    await expect(failure).rejects.toThrow('acme-reasoner does not accept temperature');
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
});
