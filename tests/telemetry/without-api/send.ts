// Run by without-api.test.ts in a child process where `@opentelemetry/api` cannot be resolved.
import * as v from 'valibot';
import { createClient, fanOut, tool } from '../../../src/index.js';
import { createFakeServer } from '../../../src/testing/index.js';
import { toolCallReply } from '../tool-call-reply.js';

let hidden = false;
try {
  await import('@opentelemetry/api');
} catch {
  hidden = true;
}
const server = await createFakeServer().start();
try {
  const client = createClient({ baseURL: server.url, apiKey: 'sk-child', logLevel: 'off' });
  const reply = await client.chat().model('gpt-4o').name('child').user('Hi').send();
  const streamed = await client.chat().model('gpt-4o').user('Hi').stream().send().final();
  server.enqueue(toolCallReply('call_1', 'echo', '{"text":"x"}'));
  const echo = tool({ name: 'echo', parameters: v.object({ text: v.string() }), run: ({ text }) => text });
  const run = await client.chat().model('gpt-4o').tool(echo).user('Echo x').run();
  const fanned = await fanOut([client.chat().model('gpt-4o').user('a')]);
  console.log(
    JSON.stringify({
      hidden,
      reply: reply.choices[0]?.message.content,
      streamed: streamed.choices[0]?.message.content,
      steps: run.steps.length,
      fanned: fanned.every((result) => result.ok),
    }),
  );
} finally {
  await server.close();
}
