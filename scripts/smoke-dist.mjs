// After the build: the published entry points load in both module systems and do real work
// (the package resolves itself through its own `exports`, as a user's code would).
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const expected = '{"model":"gpt-4o","messages":[{"role":"user","content":"Hi"}]}';

const esm = await import('chatwright');
const cjs = require('chatwright');
for (const [format, lib] of [
  ['esm', esm],
  ['cjs', cjs],
]) {
  const body = JSON.stringify(lib.chat().model('gpt-4o').user('Hi'));
  if (body !== expected) throw new Error(`${format}: unexpected body ${body}`);
}
for (const entry of ['chatwright/testing', 'chatwright/batch', 'chatwright/tokens']) {
  const [fromEsm, fromCjs] = [await import(entry), require(entry)];
  if (Object.keys(fromEsm).length === 0 || Object.keys(fromCjs).length === 0)
    throw new Error(`${entry} exports nothing`);
}
// Templates and preset documents, and the shipped JSON Schema of the documents.
for (const [format, lib] of [
  ['esm', esm],
  ['cjs', cjs],
]) {
  const preset = lib.chat().model('gpt-4o').system(lib.template('You help {{customer}}.')).user('Hi');
  const restored = lib.chat.fromPreset(JSON.parse(JSON.stringify(preset.toPreset())));
  const body = JSON.stringify(restored.vars({ customer: 'Acme' }));
  if (!body.includes('You help Acme.')) throw new Error(`${format}: preset round trip gave ${body}`);
}
const schema = require('chatwright/preset.schema.json');
if (schema.properties?.chatwright?.const !== 1)
  throw new Error('chatwright/preset.schema.json is not the schema');
// Each module system loads one implementation, shared by its entry points: an error thrown by code of
// chatwright/batch is an instance of the classes exported by chatwright.
const server = await (await import('chatwright/testing')).createFakeServer().start();
try {
  for (const [format, lib, batch] of [
    ['esm', esm, await import('chatwright/batch')],
    ['cjs', cjs, require('chatwright/batch')],
  ]) {
    const client = lib.createClient({ baseURL: server.url, apiKey: 'sk-smoke', maxRetries: 0 });
    const reply = await client.chat().model('gpt-4o').user('Hi').send();
    if (typeof reply.choices[0]?.message.content !== 'string') throw new Error(`${format}: no reply content`);
    const error = await batch.resumeBatch(client, ['batch_missing']).catch((thrown) => thrown);
    if (!(error instanceof lib.NotFoundError))
      throw new Error(`${format}: chatwright/batch threw ${error?.name}, not chatwright's NotFoundError`);
  }
} finally {
  await server.close();
}
// Both builds find the optional @opentelemetry/api themselves and record spans through the provider.
const { trace } = await import('@opentelemetry/api');
const { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } = await import(
  '@opentelemetry/sdk-trace-base'
);
const exporter = new InMemorySpanExporter();
trace.setGlobalTracerProvider(
  new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] }),
);
const tracedServer = await (await import('chatwright/testing')).createFakeServer().start();
try {
  for (const [format, lib] of [
    ['esm', esm],
    ['cjs', cjs],
  ]) {
    exporter.reset();
    const client = lib.createClient({ baseURL: tracedServer.url, apiKey: 'sk-smoke' });
    const reply = await client.chat().model('gpt-4o').user('Hi').send();
    if (typeof reply.choices[0]?.message.content !== 'string') throw new Error(`${format}: no reply content`);
    const spans = exporter.getFinishedSpans().map((span) => span.name);
    if (spans.join() !== 'chat gpt-4o') throw new Error(`${format}: unexpected spans ${spans.join()}`);
  }
} finally {
  await tracedServer.close();
}
// chatwright/tokens counts in both builds, and its import reaches the main entry's client.
for (const [format, tokens] of [
  ['esm', await import('chatwright/tokens')],
  ['cjs', require('chatwright/tokens')],
]) {
  const total = tokens.countTokens(esm.chat().model('gpt-4o').user('Hi')).total;
  if (total !== 8) throw new Error(`${format}: countTokens gave ${total}, expected 8`);
}
// The client's context-window check throws its own build's ValidationError, whichever build of
// chatwright/tokens registered last (both did, above).
for (const [format, lib] of [
  ['esm', esm],
  ['cjs', cjs],
]) {
  const checking = lib.createClient({
    baseURL: 'http://127.0.0.1:9/v1',
    apiKey: 'sk-smoke',
    tokens: { checkContextWindow: true },
  });
  const tooLong = checking.chat().model('gpt-4-0613').user('word '.repeat(9_000)).maxCompletionTokens(10);
  const refusal = await tooLong.send().catch((error) => error);
  if (!(refusal instanceof lib.ValidationError)) {
    throw new Error(`${format}: the context-window check did not refuse with a ValidationError: ${refusal}`);
  }
}
console.log(
  'dist smoke test: esm and cjs entry points load, share one implementation each, round-trip a preset, send through the fake server and record spans; the preset schema resolves',
);

// Without @opentelemetry/api (its resolution hidden), the CommonJS build still loads and sends.
const { execFileSync } = await import('node:child_process');
const withoutApi = `
const lib = require('chatwright');
const { createFakeServer } = require('chatwright/testing');
(async () => {
  const server = await createFakeServer().start();
  try {
    const reply = await lib.createClient({ baseURL: server.url, apiKey: 'sk-smoke' }).chat().model('gpt-4o').user('Hi').send();
    console.log(reply.choices[0].message.content);
  } finally {
    await server.close();
  }
})();
`;
const printed = execFileSync(
  process.execPath,
  ['--import', './tests/telemetry/without-api/hide-otel.mjs', '-e', withoutApi],
  { encoding: 'utf8' },
);
if (printed.trim() !== 'Hello from the fake server.') throw new Error(`cjs without the API: ${printed}`);
console.log('dist smoke test: the cjs build sends without @opentelemetry/api installed');
