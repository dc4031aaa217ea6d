// Building, validating and serializing requests: chatwright against a plain object literal +
// JSON.stringify (the floor: no validation, no immutability) and a literal + a full valibot safeParse
// of the same body (what validating naively costs). Runnable alone: `npx tsx bench/builder.bench.ts`.
import { pathToFileURL } from 'node:url';
import { freeze, Immer } from 'immer';
import * as v from 'valibot';
import { chat, template } from '../src/index.js';
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
  // The same request from a templated preset: derive, fill its variable, validate, serialize. Filling
  // the last variable renders the template text into the body once; from there it is a request.
  const templated = chat()
    .model('gpt-4o')
    .system(
      template('You answer billing questions for {{company}}. Be brief, be kind, cite the invoice number.'),
    )
    .temperature(0.2)
    .maxCompletionTokens(512);
  const filled = () => {
    const builder = templated.vars({ company: 'Acme Corp' }).user(`question ${sink}`);
    if (!builder.validate().success) throw new Error('invalid');
    sink += JSON.stringify(builder).length;
  };
  if (
    JSON.stringify(templated.vars({ company: 'Acme Corp' }).user('q')) !== JSON.stringify(preset.user('q'))
  ) {
    throw new Error('the templated request differs from the plain one');
  }
  // The Batch API path: one JSONL line per request, the same bytes as a literal line object.
  const lineFloor = () => {
    sink += JSON.stringify({
      custom_id: 'q',
      method: 'POST',
      url: '/v1/chat/completions',
      body: literal(),
    }).length;
  };
  const line = () => {
    sink += preset.user(`question ${sink}`).toBatchLine('q').length;
  };
  // Where a derived request's time goes: each step measured with the ones before it.
  const derive = () => {
    sink += preset.user(`question ${sink}`) === preset ? 0 : 1;
  };
  const body = () => {
    sink += preset.user(`question ${sink}`).toJSON() === undefined ? 0 : 1;
  };
  const validated = () => {
    sink += preset.user(`question ${sink}`).validate().success ? 1 : 0;
  };
  // What immer's produce costs for one changed field (the body a derivation makes), next to a frozen
  // shallow copy of the same object: the share of the stack's immutability in the figures above.
  const immer = new Immer({ autoFreeze: false });
  const presetBody = preset.toJSON() as Record<string, unknown>;
  const messages = presetBody.messages as readonly unknown[];
  const produce = () => {
    const next = Object.freeze([...messages, Object.freeze({ role: 'user', content: 'q' })]);
    const made = immer.produce(presetBody, (draft: Record<string, unknown>) => {
      draft.messages = next;
    });
    sink += Object.freeze(made) === presetBody ? 0 : 1;
  };
  const shallow = () => {
    const next = Object.freeze([...messages, Object.freeze({ role: 'user', content: 'q' })]);
    sink += Object.freeze({ ...presetBody, messages: next }) === presetBody ? 0 : 1;
  };
  freeze(presetBody, true);
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
    filled: median(rounds, () => opsPerSecond(filled)),
    chain: median(rounds, () => opsPerSecond(chain)),
    lineFloor: median(rounds, () => opsPerSecond(lineFloor)),
    line: median(rounds, () => opsPerSecond(line)),
    derive: median(rounds, () => opsPerSecond(derive)),
    body: median(rounds, () => opsPerSecond(body)),
    validated: median(rounds, () => opsPerSecond(validated)),
    produce: median(rounds, () => opsPerSecond(produce)),
    shallow: median(rounds, () => opsPerSecond(shallow)),
  };
  const memory = heapPerDerivedBuilder();
  if (sink === 0) throw new Error('nothing measured');

  const row = (name: string, ops: number, floor = figures.floor) =>
    `| ${name} | ${Math.round(ops).toLocaleString('en-US')} | ${(ops / floor).toFixed(2)}x |`;
  const micros = (ops: number) => 1e6 / ops;
  const step = (name: string, ops: number, before: number | undefined) =>
    `| ${name} | ${(before === undefined ? micros(ops) : micros(ops) - micros(before)).toFixed(2)} |`;
  const markdown = `Requests per second on one core (median of ${rounds} runs of about 300 ms), and their ratio to the floor.

| what | requests/s | vs floor |
| --- | ---: | ---: |
${row('floor: object literal + JSON.stringify', figures.floor)}
${row('literal + valibot safeParse + JSON.stringify', figures.naive)}
${row('preset.user(q): derive, validate, serialize', figures.derived)}
${row('templated.vars({ company }).user(q): derive, fill, validate, serialize', figures.filled)}
${row('10-call chain from chat(), validated, serialized', figures.chain)}

1M derived requests take about ${(1_000_000 / figures.derived).toFixed(1)} s at this rate.

The Batch API path, against its own floor (the same line written as a literal and stringified):

| what | lines/s | vs floor |
| --- | ---: | ---: |
${row('floor: literal line object + JSON.stringify', figures.lineFloor, figures.lineFloor)}
${row('preset.user(q).toBatchLine(id): derive, validate, serialize', figures.line, figures.lineFloor)}

Where a derived request's time goes (each step measured together with the ones before it; µs):

| step | µs |
| --- | ---: |
${step('derive: preset.user(q) records the call', figures.derive, undefined)}
${step('make the body: one immer produce over the preset body', figures.body, figures.derive)}
${step('validate: the new message and the rules that read messages', figures.validated, figures.body)}
${step('serialize: JSON.stringify(builder)', figures.derived, figures.validated)}
| the floor, for scale | ${micros(figures.floor).toFixed(2)} |

Of the body step, immer's \`produce\` of one field costs ${micros(figures.produce).toFixed(2)} µs where a frozen shallow copy of the
same object costs ${micros(figures.shallow).toFixed(2)} µs.

Memory: ${memory.count.toLocaleString('en-US')} builders derived from one preset with a ${memory.promptKB} KB system prompt
retain ${memory.bytesPerBuilder.toFixed(0)} bytes each (heap after GC, divided by the count): the prompt is shared, not copied.
Validated (the body made and the verdict kept, as after \`send()\` or \`toBatchLine()\`), they retain ${memory.bytesPerValidated.toFixed(0)} bytes each.

Goals:

- ${verdict(figures.derived >= 0.5 * figures.floor)}: a derived request, validated and serialized, at least 0.5x the floor (${(figures.derived / figures.floor).toFixed(2)}x; as a batch line, ${(figures.line / figures.lineFloor).toFixed(2)}x its floor)
- ${verdict(figures.chain >= 0.25 * figures.floor)}: a 10-call chain, validated and serialized, within 4x the floor (${(figures.floor / figures.chain).toFixed(1)}x)
- ${verdict(memory.bytesPerBuilder < 1024 && memory.bytesPerValidated < 1024)}: under 1 KB of heap per derived builder (${memory.bytesPerBuilder.toFixed(0)} B, ${memory.bytesPerValidated.toFixed(0)} B validated)`;
  return { title: 'Building requests', markdown };
}

function verdict(met: boolean): string {
  return met ? 'reached' : 'not reached';
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
  for (const builder of kept) if (!builder.validate().success) throw new Error('invalid');
  gc?.();
  const validated = process.memoryUsage().heapUsed;
  if (kept.length !== count) throw new Error('unreachable');
  return {
    count,
    promptKB: 10,
    bytesPerBuilder: (after - before) / count,
    bytesPerValidated: (validated - before) / count,
    exactGc: gc !== undefined,
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.log((await run()).markdown);
}
