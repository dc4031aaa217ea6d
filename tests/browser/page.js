// The page of scripts/check-browser.mjs, bundled by esbuild from the built package. It talks to the
// fake server given in `?api=` (another origin, so every call is a CORS request) and leaves what it
// saw in `window.results`.
import { APIUserAbortError, ClientOptionsError, createClient } from 'chatwright';

async function run() {
  const api = new URL(location.href).searchParams.get('api');
  const results = {};
  const client = createClient({ baseURL: api, apiKey: null, maxRetries: 0 });

  const reply = await client.chat().model('gpt-4o').user('Capital of France?').send();
  results.send = reply.choices[0]?.message.content;

  let text = '';
  for await (const piece of client.chat().model('gpt-4o').user('Story?').stream().send().text())
    text += piece;
  results.stream = text;

  const controller = new AbortController();
  const hanging = client.chat().model('gpt-4o').user('Wait').send({ signal: controller.signal });
  setTimeout(() => controller.abort(), 50);
  results.abort = await hanging.then(
    () => 'answered',
    (error) => (error instanceof APIUserAbortError ? 'APIUserAbortError' : String(error)),
  );

  try {
    createClient({ baseURL: api, apiKey: 'sk-in-a-page' });
    results.keyInBrowser = 'accepted';
  } catch (error) {
    results.keyInBrowser = error instanceof ClientOptionsError ? error.option : String(error);
  }
  const allowed = createClient({ baseURL: api, apiKey: 'sk-allowed', dangerouslyAllowBrowser: true });
  results.keyAllowed = (await allowed.chat().model('gpt-4o').user('Hi').send()).choices[0]?.message.content;
  return results;
}

run().then(
  (results) => {
    window.results = results;
  },
  (error) => {
    window.results = { error: `${error?.name}: ${error?.message}` };
  },
);
