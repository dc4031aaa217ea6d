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
for (const entry of ['chatwright/testing', 'chatwright/batch']) {
  const [fromEsm, fromCjs] = [await import(entry), require(entry)];
  if (Object.keys(fromEsm).length === 0 || Object.keys(fromCjs).length === 0)
    throw new Error(`${entry} exports nothing`);
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
const server = await (await import('chatwright/testing')).createFakeServer().start();
try {
  for (const [format, lib] of [
    ['esm', esm],
    ['cjs', cjs],
  ]) {
    exporter.reset();
    const client = lib.createClient({ baseURL: server.url, apiKey: 'sk-smoke' });
    const reply = await client.chat().model('gpt-4o').user('Hi').send();
    if (typeof reply.choices[0]?.message.content !== 'string') throw new Error(`${format}: no reply content`);
    const spans = exporter.getFinishedSpans().map((span) => span.name);
    if (spans.join() !== 'chat gpt-4o') throw new Error(`${format}: unexpected spans ${spans.join()}`);
  }
} finally {
  await server.close();
}
console.log('dist smoke test: esm and cjs entry points load, send through the fake server and record spans');

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
