import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { ClientOptionsError, createClient } from '../../src/index.js';
import { rejectionOf } from './fault-server.js';

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

test.run();
