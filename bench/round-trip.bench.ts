// Non-streaming round trips against a loopback server: raw fetch, the official `openai` package and
// chatwright, at concurrency 1 and 16. Run alone: `npx tsx bench/round-trip.bench.ts`.
//
// The server runs in a child process, so its work shares neither the event loop nor the CPU account
// of the clients being measured: besides throughput, the bench reports the client's own CPU time per
// request (process.cpuUsage), which other load on the machine disturbs far less than wall time. All
// three clients go through Node's global fetch (undici). Each run sends a fixed number of requests;
// runs alternate between the clients (a slow moment of the machine hits all of them alike) and the
// median run is reported.

import { availableParallelism } from 'node:os';
import { pathToFileURL } from 'node:url';
import * as otel from '@opentelemetry/api';
import { BasicTracerProvider, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import OpenAI from 'openai';
import { normalizeClientOptions } from '../src/client/client-options.js';
import { createClient, useOpenTelemetry } from '../src/index.js';
import { observeRequest, type RequestObservation } from '../src/telemetry/request-observation.js';
import type { ChatCompletion } from '../src/wire/response.js';
import { smallCompletion, startServerProcess } from './loopback-server.js';
import { median, medianOf, opsPerSecond } from './measure.js';

const key = 'sk-bench';
const runs = Number(process.env.BENCH_RUNS ?? 7);
const requestsPerRun: Record<number, number> = { 1: 1_500, 16: 6_000 };

const completion = smallCompletion('Paris is the capital of France.', 8);

const serverSource = `
const { createServer } = require('node:http');
const body = process.argv[1];
const server = createServer((request, response) => {
  const chunks = [];
  request.on('data', (chunk) => chunks.push(chunk));
  request.on('end', () => {
    JSON.parse(Buffer.concat(chunks).toString('utf8'));
    response.writeHead(200, { 'content-type': 'application/json', 'x-request-id': 'req_bench', 'content-length': Buffer.byteLength(body) });
    response.end(body);
  });
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => process.send(server.address().port));
process.on('message', () => process.exit(0));
`;

type Send = (question: string) => Promise<unknown>;

/**
 * The tracing set-up a row runs under, made before each of its runs (rows alternate): tracing off as
 * when `@opentelemetry/api` is not installed; the API present with no provider registered (the
 * non-recording spans it hands out); an SDK provider recording every span into an exporter that drops
 * them (what recording costs the client, without the exporter's own work).
 */
type Tracing = 'off' | 'api without provider' | 'sdk provider';

const dropping = new SimpleSpanProcessor({
  export: (_spans, done) => done({ code: 0 }),
  shutdown: async () => {},
});
const recordingProvider = new BasicTracerProvider({ spanProcessors: [dropping] });

function useTracing(tracing: Tracing): void {
  otel.trace.disable();
  useOpenTelemetry(tracing === 'off' ? false : otel);
  if (tracing === 'sdk provider') otel.trace.setGlobalTracerProvider(recordingProvider);
}

interface Row {
  readonly client: string;
  readonly concurrency: number;
  readonly perSecond: number;
  /** The client process's CPU time per request (user + system), in microseconds. */
  readonly cpuMicros: number;
}

interface Sample {
  readonly perSecond: number;
  readonly cpuMicros: number;
}

function startServer(): Promise<{ url: string; stop: () => Promise<void> }> {
  return startServerProcess(serverSource, completion);
}

function clients(baseURL: string): Array<[string, Send, Tracing?]> {
  const openai = new OpenAI({ apiKey: key, baseURL });
  const chatwright = createClient({ apiKey: key, baseURL });
  const prebuilt = chatwright.chat().model('gpt-4o-mini').user('What is the capital of France?');
  return [
    [
      'raw fetch',
      async (question) => {
        const response = await fetch(`${baseURL}/chat/completions`, {
          method: 'POST',
          headers: {
            authorization: `Bearer ${key}`,
            'content-type': 'application/json',
            accept: 'application/json',
          },
          body: JSON.stringify({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: question }] }),
        });
        if (!response.ok) throw new Error(`status ${response.status}`);
        return response.json();
      },
    ],
    [
      'openai (official SDK)',
      (question) =>
        openai.chat.completions.create({
          model: 'gpt-4o-mini',
          messages: [{ role: 'user', content: question }],
        }),
    ],
    // A fresh builder a request: the builder, its validation and the transport are all measured.
    ['chatwright', (question) => chatwright.chat().model('gpt-4o-mini').user(question).send(), 'off'],
    // The same request built once (its validation is cached): the transport alone.
    ['chatwright (request built once)', () => prebuilt.send(), 'off'],
    // The same request under each tracing set-up: what spans cost, next to the round trip.
    ['chatwright, tracing: API without provider', () => prebuilt.send(), 'api without provider'],
    ['chatwright, tracing: SDK provider', () => prebuilt.send(), 'sdk provider'],
  ];
}

async function measure(send: Send, concurrency: number, total: number): Promise<Sample> {
  let next = 0;
  const worker = async () => {
    while (next < total) {
      next++;
      await send('What is the capital of France?');
    }
  };
  const cpu = process.cpuUsage();
  const start = performance.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  const elapsed = performance.now() - start;
  const used = process.cpuUsage(cpu);
  return { perSecond: (total / elapsed) * 1000, cpuMicros: (used.user + used.system) / total };
}

/**
 * What watching one request costs the client under each tracing set-up, measured in process without
 * HTTP (the round trip's own noise is far larger than these figures): the request's observation is
 * started, given the response and ended with the completion, as `send()` does.
 */
async function tracingOverhead(): Promise<Array<[Tracing | 'sdk span alone', number]>> {
  const settings = normalizeClientOptions({ apiKey: key }).observability;
  const body = {
    model: 'gpt-4o-mini',
    messages: [{ role: 'user' as const, content: 'Hi' }],
    temperature: 0.2,
  };
  const request = {
    url: 'http://127.0.0.1:8080/v1/chat/completions',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    body,
    stream: false,
    name: 'bench',
    options: undefined,
  };
  const response = new Response(completion, { headers: { 'x-request-id': 'req_bench' } });
  const parsed = JSON.parse(completion) as ChatCompletion;
  const rows: Array<[Tracing | 'sdk span alone', number]> = [];
  for (const tracing of ['off', 'api without provider', 'sdk provider'] as const) {
    useTracing(tracing);
    // The first observation may wait for the API's look-up; every later one is synchronous.
    await observeRequest(settings, request);
    const once = (): void => {
      const observation = observeRequest(settings, request) as RequestObservation;
      observation.responded(response);
      observation.succeeded(parsed);
    };
    rows.push([tracing, 1e6 / median(5, () => opsPerSecond(once))]);
  }
  // For scale: the SDK's own cost for a span with as many attributes, without chatwright.
  const tracer = otel.trace.getTracer('bench');
  const attributes = Object.fromEntries(Array.from({ length: 18 }, (_, i) => [`bench.attribute_${i}`, i]));
  const bare = (): void => {
    tracer
      .startSpan('chat gpt-4o-mini', { kind: otel.SpanKind.CLIENT, attributes }, otel.context.active())
      .end();
  };
  rows.push(['sdk span alone', 1e6 / median(5, () => opsPerSecond(bare))]);
  useTracing('off');
  return rows;
}

/** Runs the benchmark and returns its section of docs/benchmarks.md. */
export async function run(): Promise<{ title: string; markdown: string }> {
  const server = await startServer();
  const rows: Row[] = [];
  try {
    const candidates = clients(server.url);
    for (const concurrency of [1, 16]) {
      const total = requestsPerRun[concurrency] ?? 1_000;
      // Warm-up: JIT, connection pool, lazy imports.
      for (const [, send, tracing] of candidates) {
        if (tracing !== undefined) useTracing(tracing);
        await measure(send, concurrency, Math.min(total, 500));
      }
      const samples = new Map<string, Sample[]>(candidates.map(([name]) => [name, []]));
      for (let index = 0; index < runs; index++) {
        for (const [name, send, tracing] of candidates) {
          if (tracing !== undefined) useTracing(tracing);
          samples.get(name)?.push(await measure(send, concurrency, total));
        }
      }
      for (const [name] of candidates) {
        const mine = samples.get(name) ?? [];
        rows.push({
          client: name,
          concurrency,
          perSecond: medianOf(mine.map((sample) => sample.perSecond)),
          cpuMicros: medianOf(mine.map((sample) => sample.cpuMicros)),
        });
      }
    }
  } finally {
    await server.stop();
  }
  return { title: 'Round trip (non-streaming)', markdown: render(rows, await tracingOverhead()) };
}

function render(rows: readonly Row[], overhead: ReadonlyArray<[Tracing | 'sdk span alone', number]>): string {
  const rate = (client: string, concurrency: number) =>
    rows.find((row) => row.client === client && row.concurrency === concurrency)?.perSecond ?? Number.NaN;
  const lines = [
    `Non-streaming requests against a loopback \`node:http\` server in a child process; median of ${runs} runs`,
    `(${requestsPerRun[1]} requests a run at concurrency 1, ${requestsPerRun[16]} at 16), after a warm-up.`,
    `Node ${process.version}, ${availableParallelism()} cores. chatwright builds and validates a fresh request each time.`,
    'The chatwright rows run with tracing off (as without `@opentelemetry/api`), except the two "tracing" rows:',
    'the request built once with the API present and no tracer provider, then with an SDK provider recording',
    'every span (into an exporter that drops them).',
    '',
    '| client | concurrency | requests/s | vs raw fetch | vs openai | client CPU per request |',
    '|---|---:|---:|---:|---:|---:|',
  ];
  for (const row of rows) {
    const raw = rate('raw fetch', row.concurrency);
    const openai = rate('openai (official SDK)', row.concurrency);
    lines.push(
      `| ${row.client} | ${row.concurrency} | ${Math.round(row.perSecond)} | ${(row.perSecond / raw).toFixed(2)}x | ${(row.perSecond / openai).toFixed(2)}x | ${Math.round(row.cpuMicros)} us |`,
    );
  }
  const ours16 = rate('chatwright', 16);
  const goals = [
    [
      'no slower than the official package (c=1)',
      rate('chatwright', 1) >= rate('openai (official SDK)', 1) * 0.97,
    ],
    ['no slower than the official package (c=16)', ours16 >= rate('openai (official SDK)', 16) * 0.97],
    ['at least 0.8x raw fetch throughput at c=16', ours16 >= rate('raw fetch', 16) * 0.8],
  ] as const;
  lines.push('', 'Goals (3 % tolerance for run-to-run noise on "no slower"):', '');
  for (const [goal, met] of goals) lines.push(`- ${met ? 'reached' : 'not reached'}: ${goal}`);
  const cost = (tracing: Tracing) => overhead.find(([name]) => name === tracing)?.[1] ?? Number.NaN;
  const perRequest = medianOf(
    rows.filter((row) => row.client === 'chatwright (request built once)').map((row) => row.cpuMicros),
  );
  lines.push(
    '',
    "Tracing overhead per request, measured in process without HTTP (a request's observation started, given",
    'its response and ended, as `send()` does; median of 5 rounds). "sdk span alone" is the SDK\'s own cost for',
    'a span with as many attributes, without chatwright: most of the "sdk provider" figure is the SDK\'s.',
    '',
    "| tracing | CPU per request | share of a round trip's client CPU |",
    '|---|---:|---:|',
    ...overhead.map(
      ([tracing, micros]) =>
        `| ${tracing} | ${micros.toFixed(2)} us | ${((micros / perRequest) * 100).toFixed(2)} % |`,
    ),
    '',
    `- ${cost('api without provider') < perRequest * 0.01 ? 'reached' : 'not reached'}: without a tracer provider, tracing costs under 1 % of a request's client CPU`,
  );
  return lines.join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { title, markdown } = await run();
  console.log(`## ${title}\n\n${markdown}`);
}
