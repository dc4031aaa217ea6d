// `npm run demo`: one request and one streamed reply. With OPENAI_API_KEY set it talks to the OpenAI
// API; without, to a scripted local server (chatwright/testing), so it runs with no key and no network.
import { createClient } from '../src/index.js';
import { createFakeServer, replies } from '../src/testing/index.js';

const live = process.env.OPENAI_API_KEY !== undefined && process.env.OPENAI_API_KEY !== '';
const server = live ? undefined : await createFakeServer().start();
server?.enqueue(
  replies.completion(
    'An immutable builder returns a new object from every call, so a configured one can be shared and reused safely.',
  ),
  replies.completion(
    'The lighthouse keeper counted ships for forty years. On the last night, every ship blinked back.',
    {
      chunkDelayMs: 60,
    },
  ),
);
const client = createClient(server === undefined ? {} : { baseURL: server.url, apiKey: 'demo-key' });
console.log(
  live
    ? 'Using the OpenAI API (OPENAI_API_KEY is set).\n'
    : 'No OPENAI_API_KEY: using a local fake server.\n',
);

// A preset: configured once, reused for every question. Each call returns a new builder.
const tutor = client.chat().model('gpt-4o-mini').system('Answer in at most two sentences.').temperature(0.3);

try {
  // 1. Send one request and wait for the whole answer.
  const answer = await tutor.user('What is an immutable builder?').send();
  console.log(answer.choices[0]?.message.content);
  console.log(`(${answer.usage?.total_tokens ?? '?'} tokens, request ${answer.requestId ?? 'without id'})\n`);

  // 2. Stream a reply to the terminal as it is written.
  const stream = tutor.user('Tell me a very short story about a lighthouse.').stream().send();
  for await (const text of stream.text()) process.stdout.write(text);
  process.stdout.write('\n');
} finally {
  await server?.close();
}
