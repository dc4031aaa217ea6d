// Building, validating and serializing requests: chatwright against a plain object literal +
// JSON.stringify (the floor: no validation, no immutability) and a literal + a full valibot safeParse
// of the same body (what validating naively costs). Runnable alone: `npx tsx bench/builder.bench.ts`.
import { pathToFileURL } from 'node:url';
import * as v from 'valibot';
import { chat } from '../src/index.js';
import { requestSchema } from '../src/schema/request-schema.js';
import { median, opsPerSecond } from './measure.js';

const system = 'You answer billing questions for Acme Corp. Be brief, be kind, cite the invoice number.';

export async function run(): Promise<{ title: string; markdown: string }> {
  const preset = chat().model('gpt-4o').system(system).temperature(0.2).maxCompletionTokens(512);
  let sink = 0;

  // The same body as `preset.user(q)` makes, written out by hand.
  const literal = () => ({
    model: 'gpt-4o',
    messages: [
      { role: 'system', content: system },
      { role: 'user', content: `question ${sink}` },
    ],
    temperature: 0.2,
    max_completion_tokens: 512,
  });
  const floor = () => {
    sink += JSON.stringify(literal()).length;
  };
  const naive = () => {
    const body = literal();
    if (!v.safeParse(requestSchema, body).success) throw new Error('invalid');
    sink += JSON.stringify(body).length;
  };
  const derived = () => {
    const builder = preset.user(`question ${sink}`);
    if (!builder.validate().success) throw new Error('invalid');
    sink += JSON.stringify(builder).length;
  };
  const chain = () => {
    const builder = chat()
      .model('gpt-4o')
      .system(system)
      .temperature(0.2)
      .topP(0.9)
      .maxCompletionTokens(512)
      .seed(7)
      .stop('END')
      .store(false)
      .metadata({ team: 'billing' })
      .user(`question ${sink}`);
    if (!builder.validate().success) throw new Error('invalid');
    sink += JSON.stringify(builder).length;
  };

  const rounds = 5;
  const figures = {
    floor: median(rounds, () => opsPerSecond(floor)),
    naive: median(rounds, () => opsPerSecond(naive)),
    derived: median(rounds, () => opsPerSecond(derived)),
    chain: median(rounds, () => opsPerSecond(chain)),
  };
  const memory = heapPerDerivedBuilder();
  if (sink === 0) throw new Error('nothing measured');

  const row = (name: string, ops: number) =>
    `| ${name} | ${Math.round(ops).toLocaleString('en-US')} | ${(ops / figures.floor).toFixed(2)}x |`;
  const markdown = `Requests per second on one core (median of ${rounds} runs of about 300 ms), and their ratio to the floor.

| what | requests/s | vs floor |
| --- | ---: | ---: |
${row('floor: object literal + JSON.stringify', figures.floor)}
${row('literal + valibot safeParse + JSON.stringify', figures.naive)}
${row('preset.user(q): derive, validate, serialize', figures.derived)}
${row('10-call chain from chat(), validated, serialized', figures.chain)}

1M derived requests take about ${(1_000_000 / figures.derived).toFixed(1)} s at this rate.

Memory: ${memory.count.toLocaleString('en-US')} builders derived from one preset with a ${memory.promptKB} KB system prompt
retain ${memory.bytesPerBuilder.toFixed(0)} bytes each (heap after GC, divided by the count): the prompt is shared, not copied.`;
  return { title: 'Building requests', markdown };
}

function heapPerDerivedBuilder() {
  const gc = (globalThis as { gc?: () => void }).gc;
  const count = 10_000;
  const prompt = 'p'.repeat(10_000);
  const preset = chat().model('gpt-4o').system(prompt);
  gc?.();
  const before = process.memoryUsage().heapUsed;
  const kept = Array.from({ length: count }, (_, i) => preset.user(`q${i}`));
  gc?.();
  const after = process.memoryUsage().heapUsed;
  if (kept.length !== count) throw new Error('unreachable');
  return { count, promptKB: 10, bytesPerBuilder: (after - before) / count, exactGc: gc !== undefined };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.log((await run()).markdown);
}
