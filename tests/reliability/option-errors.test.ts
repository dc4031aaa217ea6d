import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { resumeBatch, submitBatch, writeBatchFiles } from '../../src/batch/index.js';
import { ClientOptionsError, createClient, fanOut } from '../../src/index.js';
import { completion, json, rejectionOf, withFaultServer } from './fault-server.js';

const SECRET = 'sk-SECRET-3f9a';
const badBaseURLs = [
  `https//user:${SECRET}@example.com/v1`,
  `example.com/v1?api_key=${SECRET}`,
  `ftp://user:${SECRET}@example.com/?key=${SECRET}`,
  `https://exa mple.com/v1?api_key=${SECRET}`,
  `https:${SECRET}@example.com`,
  `//example.com/v1#${SECRET}`,
];

for (const baseURL of badBaseURLs) {
  test(`options: a rejected baseURL is not echoed with its credentials: ${baseURL.replace(SECRET, '<key>')}`, () => {
    let error: unknown;
    try {
      createClient({ baseURL, apiKey: null });
    } catch (caught) {
      error = caught;
    }
    assert.instance(error, ClientOptionsError);
    assert.is((error as ClientOptionsError).option, 'baseURL');
    assert.not.ok((error as Error).message.includes(SECRET), (error as Error).message);
  });
}

test('options: a rejected OPENAI_BASE_URL is not echoed with its credentials either', async () => {
  const saved = process.env.OPENAI_BASE_URL;
  try {
    for (const baseURL of badBaseURLs) {
      process.env.OPENAI_BASE_URL = baseURL;
      const error = await rejectionOf(
        createClient({ apiKey: null }).chat().model('gpt-4o').user('Hi').send(),
      );
      assert.instance(error, ClientOptionsError);
      assert.is((error as ClientOptionsError).option, 'OPENAI_BASE_URL');
      assert.not.ok((error as Error).message.includes(SECRET), (error as Error).message);
    }
  } finally {
    if (saved === undefined) delete process.env.OPENAI_BASE_URL;
    else process.env.OPENAI_BASE_URL = saved;
  }
});

/** The ClientOptionsError `run` throws or rejects with. */
async function optionError(run: () => unknown): Promise<ClientOptionsError> {
  let error: unknown;
  try {
    await run();
  } catch (caught) {
    error = caught;
  }
  assert.instance(error, ClientOptionsError);
  return error as ClientOptionsError;
}

test('options: a misspelled createClient() option is refused with a suggestion', async () => {
  const error = await optionError(() => createClient({ baseUrl: 'http://127.0.0.1:1/v1' } as never));
  assert.is(error.option, 'baseUrl');
  assert.is(error.message, 'createClient() has no option "baseUrl" (did you mean "baseURL"?)');
  const other = await optionError(() => createClient({ apiKey: null }).withOptions({ tiemout: 5 } as never));
  assert.is(other.message, 'createClient() has no option "tiemout" (did you mean "timeout"?)');
});

test('options: a misspelled send() option is refused before anything is sent', async () => {
  await withFaultServer(
    (_request, response) => json(response, completion('ok')),
    async (server) => {
      const builder = server.client().chat().model('gpt-4o').user('Hi');
      const error = await optionError(() => builder.send({ tiemout: 5 } as never));
      assert.is(error.message, 'send() has no option "tiemout" (did you mean "timeout"?)');
      const stream = builder.stream().send({ singal: undefined } as never);
      const streamed = await optionError(() => stream.final());
      assert.is(streamed.message, 'send() has no option "singal" (did you mean "signal"?)');
      const run = await optionError(() => builder.run({ maxStep: 3 } as never));
      assert.is(run.message, 'run() has no option "maxStep" (did you mean "maxSteps"?)');
      assert.is(server.requests, 0);
    },
  );
});

test('options: misspelled fanOut() and batch options are refused with a suggestion', async () => {
  const builders = [createClient({ apiKey: null }).chat().model('gpt-4o').user('Hi')];
  const fan = await optionError(() => fanOut(builders, { concurency: 2 } as never));
  assert.is(fan.message, 'fanOut() has no option "concurency" (did you mean "concurrency"?)');
  const nested = await optionError(() => fanOut(builders, { sendOptions: { timout: 1 } } as never));
  assert.is(nested.message, 'fanOut() sendOptions has no option "timout" (did you mean "timeout"?)');
  const items = [{ customId: 'a', builder: builders[0] as never }];
  const write = await optionError(() =>
    writeBatchFiles(items, { directory: '.', maxRequestPerFile: 1 } as never),
  );
  assert.is(
    write.message,
    'writeBatchFiles() has no option "maxRequestPerFile" (did you mean "maxRequestsPerFile"?)',
  );
  const submit = await optionError(() =>
    submitBatch(createClient({ apiKey: null }), items, { onBatchCreate: () => {} } as never),
  );
  assert.is(submit.message, 'submitBatch() has no option "onBatchCreate" (did you mean "onBatchCreated"?)');
  const resume = await optionError(() =>
    resumeBatch(createClient({ apiKey: null }), [], { parseWtih: undefined } as never),
  );
  assert.is(resume.message, 'resumeBatch() has no option "parseWtih" (did you mean "parseWith"?)');
});

test.run();
