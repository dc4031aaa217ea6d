// Scale: writing batch input files, a batch round trip, and the bounded fan-out.
// Run alone: `node --expose-gc --import tsx bench/scale.bench.ts` (or `npm run bench -- scale`).
//
// - JSONL writing: 100,000 requests from one preset, produced by a generator (as a caller streaming
//   rows from a database would), validated and written with `writeBatchFiles`; throughput, and the
//   peak heap growth sampled every 1,000 items (after a forced GC when `--expose-gc` is given).
// - A 10,000-request batch round trip against the in-process fake server (write, upload, create,
//   poll, download, map back).
// - Fan-out throughput against a loopback server in a child process (so its work does not share our
//   event loop), at concurrency 16 and 64, next to a hand-written worker pool calling `send()` at
//   the same concurrency: the difference is the fan-out's own cost (rate-limit bookkeeping, results).

import { mkdtemp, rm } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { submitBatch, writeBatchFiles } from '../src/batch/index.js';
import { createClient, fanOut, toBatchLine } from '../src/index.js';
import { createFakeServer } from '../src/testing/index.js';
import { smallCompletion, startServerProcess } from './loopback-server.js';
import { medianOf, opsPerSecond } from './measure.js';

const runs = Number(process.env.BENCH_RUNS ?? 3);
const builders = 100_000;
const fanOutRequests = 4_000;

const completion = smallCompletion('Paris.', 2);

const serverSource = `
const { createServer } = require('node:http');
const body = process.argv[1];
const server = createServer((request, response) => {
  request.resume();
  request.on('end', () => {
    response.writeHead(200, {
      'content-type': 'application/json',
      'x-request-id': 'req_bench',
      'x-ratelimit-remaining-requests': '9999',
      'x-ratelimit-reset-requests': '6ms',
      'x-ratelimit-remaining-tokens': '1999000',
      'x-ratelimit-reset-tokens': '30ms',
      'content-length': Buffer.byteLength(body),
    });
    response.end(body);
  });
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => process.send(server.address().port));
process.on('message', () => process.exit(0));
`;

const gc = (globalThis as { gc?: () => void }).gc;

function heapMB(): number {
  return process.memoryUsage().heapUsed / 2 ** 20;
}

const preset = createClient({ apiKey: 'sk-bench', baseURL: 'http://127.0.0.1:9/v1' })
  .chat()
  .model('gpt-4o-mini')
  .system('Classify the support ticket as billing, bug or other. Answer with the one word.')
  .temperature(0);

interface WriteSample {
  readonly seconds: number;
  readonly bytes: number;
  readonly files: number;
  readonly peakHeapMB: number;
}

/**
 * One write of every request. With `retained`, a GC runs every 10,000 items before the heap is read,
 * so the figure is what the writer keeps (not garbage waiting for collection); that run is not timed.
 */
async function writeOnce(retained = false): Promise<WriteSample> {
  const directory = await mkdtemp(join(tmpdir(), 'chatwright-bench-'));
  try {
    gc?.();
    const base = heapMB();
    let peak = 0;
    function* items() {
      for (let i = 0; i < builders; i++) {
        if (retained && i % 10_000 === 0) gc?.();
        if (i % (retained ? 10_000 : 1_000) === 0) peak = Math.max(peak, heapMB() - base);
        yield {
          customId: `ticket-${i}`,
          builder: preset.user(`Ticket ${i}: I was charged twice this month.`),
        };
      }
    }
    const start = performance.now();
    const files = await writeBatchFiles(items(), { directory });
    const seconds = (performance.now() - start) / 1_000;
    if (retained) gc?.();
    return {
      seconds,
      bytes: files.reduce((sum, file) => sum + file.bytes, 0),
      files: files.length,
      peakHeapMB: Math.max(peak, heapMB() - base),
    };
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}

/** Heap held by 100,000 builders in an array: what streaming from a generator avoids. */
function arrayHeapMB(): number {
  gc?.();
  const base = heapMB();
  const held = Array.from({ length: builders }, (_, i) =>
    preset.user(`Ticket ${i}: I was charged twice this month.`),
  );
  gc?.();
  const grown = heapMB() - base;
  if (held.length !== builders) throw new Error('unreachable');
  return grown;
}

async function batchRoundTrip(): Promise<number> {
  const server = await createFakeServer().start();
  try {
    const client = createClient({ baseURL: server.url, apiKey: 'sk-bench' });
    const local = client.chat().model('gpt-4o-mini');
    const start = performance.now();
    const job = await submitBatch(
      client,
      Array.from({ length: 10_000 }, (_, i) => ({
        customId: `q-${i}`,
        builder: local.user(`Question ${i}`),
      })),
    );
    await job.wait({ pollIntervalMs: 1 });
    let count = 0;
    for await (const result of job.results()) if (result.ok) count++;
    if (count !== 10_000) throw new Error(`lost results: ${count}`);
    return (performance.now() - start) / 1_000;
  } finally {
    await server.close();
  }
}

function startServer(): Promise<{ url: string; stop: () => Promise<void> }> {
  return startServerProcess(serverSource, completion);
}

type Runner = (concurrency: number) => Promise<number>;

function runners(baseURL: string): Array<[string, Runner]> {
  const remote = createClient({ apiKey: 'sk-bench', baseURL }).chat().model('gpt-4o-mini');
  const requests = () => Array.from({ length: fanOutRequests }, (_, i) => remote.user(`Question ${i}`));
  return [
    [
      'worker pool over send()',
      async (concurrency) => {
        const all = requests();
        let next = 0;
        const start = performance.now();
        await Promise.all(
          Array.from({ length: concurrency }, async () => {
            for (let index = next++; index < all.length; index = next++) await all[index]?.send();
          }),
        );
        return fanOutRequests / ((performance.now() - start) / 1_000);
      },
    ],
    [
      'fanOut()',
      async (concurrency) => {
        const all = requests();
        const start = performance.now();
        const results = await fanOut(all, { concurrency });
        const elapsed = (performance.now() - start) / 1_000;
        if (!results.every((result) => result.ok)) throw new Error('a request failed');
        return fanOutRequests / elapsed;
      },
    ],
  ];
}

export async function run(): Promise<{ title: string; markdown: string }> {
  // Batch input writing.
  const lineRate = opsPerSecond(() => {
    toBatchLine(preset.user('Ticket 1: I was charged twice this month.'), 'ticket-1');
  });
  await writeOnce(); // warm-up
  const writes: WriteSample[] = [];
  for (let index = 0; index < runs; index++) writes.push(await writeOnce());
  const seconds = medianOf(writes.map((sample) => sample.seconds));
  const bytes = writes[0]?.bytes ?? 0;
  const peak = medianOf(writes.map((sample) => sample.peakHeapMB));
  const retained = gc === undefined ? Number.NaN : (await writeOnce(true)).peakHeapMB;
  const held = arrayHeapMB();

  await batchRoundTrip(); // warm-up
  const roundTrips: number[] = [];
  for (let index = 0; index < runs; index++) roundTrips.push(await batchRoundTrip());

  // Fan-out.
  const server = await startServer();
  const rates = new Map<string, number[]>();
  try {
    const candidates = runners(server.url);
    for (const [, runner] of candidates) await runner(16);
    for (const concurrency of [16, 64]) {
      for (let index = 0; index < runs; index++) {
        for (const [name, runner] of candidates) {
          const key = `${name}@${concurrency}`;
          rates.set(key, [...(rates.get(key) ?? []), await runner(concurrency)]);
        }
      }
    }
  } finally {
    await server.stop();
  }
  const rate = (name: string, concurrency: number) => medianOf(rates.get(`${name}@${concurrency}`) ?? []);

  const lines = [
    `Node ${process.version}, ${availableParallelism()} cores; medians of ${runs} runs after a warm-up${gc === undefined ? ' (no --expose-gc: heap figures are rough)' : ''}.`,
    '',
    '| measure | figure |',
    '|---|---:|',
    `| \`toBatchLine()\` (fresh builder, validated, serialised) | ${Math.round(lineRate).toLocaleString('en')} lines/s |`,
    `| \`writeBatchFiles()\`, ${builders.toLocaleString('en')} requests from a generator | ${seconds.toFixed(2)} s, ${Math.round(builders / seconds).toLocaleString('en')} lines/s, ${(bytes / 1e6 / seconds).toFixed(1)} MB/s |`,
    `| files written (50,000 requests each at most) | ${writes[0]?.files} files, ${(bytes / 1e6).toFixed(1)} MB |`,
    `| peak heap growth while writing (garbage included) | ${peak.toFixed(1)} MB |`,
    `| heap retained while writing, after GC (the custom ids kept to refuse duplicates) | ${retained.toFixed(1)} MB, ${Math.round((retained * 2 ** 20) / builders)} bytes a request |`,
    `| heap held by the same ${builders.toLocaleString('en')} builders in an array, for comparison | ${held.toFixed(1)} MB |`,
    `| 10,000-request batch round trip against the in-process fake server | ${medianOf(roundTrips).toFixed(2)} s |`,
    '',
    `Fan-out: ${fanOutRequests.toLocaleString('en')} non-streaming requests a run against a loopback \`node:http\` server in a child process`,
    '(it sends `x-ratelimit-*` headers with budget to spare, so the bookkeeping runs but never pauses).',
    '',
    '| sender | concurrency | requests/s | vs worker pool |',
    '|---|---:|---:|---:|',
  ];
  for (const concurrency of [16, 64]) {
    const pool = rate('worker pool over send()', concurrency);
    for (const name of ['worker pool over send()', 'fanOut()']) {
      const value = rate(name, concurrency);
      lines.push(`| ${name} | ${concurrency} | ${Math.round(value)} | ${(value / pool).toFixed(2)}x |`);
    }
  }
  return { title: 'Scale: batch files and fan-out', markdown: lines.join('\n') };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { title, markdown } = await run();
  console.log(`## ${title}\n\n${markdown}`);
}
