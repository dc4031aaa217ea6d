// Structured streaming: what following a structured answer (partials()) or a tool call's arguments
// (toolCallPartials()) as they arrive costs on top of reading the stream for final() alone. Run alone:
// `node --expose-gc --import tsx bench/run.ts structured-stream` (`BENCH_ONLY=report` for the rows
// whose name has that text).
//
// Each answer is sent in 4-character content deltas (a token is about four characters) as a recorded
// gpt-4o stream would carry them, through the whole client (`createClient` with a `fetch` that answers
// from memory, so no network time hides CPU). The figure is the process's CPU time per stream
// (process.cpuUsage); runs alternate between the two readers and the median run is reported. The ratio
// must stay flat as the answer grows: per-chunk work that grew with the text so far would show here.
import { pathToFileURL } from 'node:url';
import * as v from 'valibot';
import { createClient, tool } from '../src/index.js';
import { medianOf } from './measure.js';

const chunkSize = 4;
const head = {
  id: 'chatcmpl-BENCHxkqTg3pXbA0Ll9WQcYzFZr1',
  object: 'chat.completion.chunk',
  created: 1_727_346_178,
  model: 'gpt-4o-2024-08-06',
  system_fingerprint: 'fp_5050236cbd',
};

const Section = v.object({
  heading: v.string(),
  body: v.string(),
  score: v.number(),
  tags: v.array(v.string()),
});
const Report = v.object({ title: v.string(), sections: v.array(Section) });
const Text = v.object({ text: v.string() });
const Values = v.object({ values: v.array(v.number()) });

const words = 'the quick brown fox jumps over the lazy dog, and café 日本 "quoted"\n'.split(' ');

function prose(length: number, seed: number): string {
  let out = '';
  for (let i = seed; out.length < length; i++) out += `${words[i % words.length]} `;
  return out.slice(0, length);
}

/** A report of about `bytes` of JSON: a title and sections of about 1 KB each (body, score, tags). */
function report(bytes: number): string {
  const sections = [];
  for (let i = 0; i * 1_100 < bytes; i++) {
    sections.push({ heading: `Section ${i}`, body: prose(1_000, i), score: i / 7, tags: ['a', `t${i}`] });
  }
  return JSON.stringify({ title: 'A long report', sections });
}

function sseOf(events: readonly unknown[]): Uint8Array {
  const text = `${events.map((event) => `data: ${JSON.stringify(event)}\n\n`).join('')}data: [DONE]\n\n`;
  return new TextEncoder().encode(text);
}

function pieces(text: string): string[] {
  const out: string[] = [];
  for (let at = 0; at < text.length; at += chunkSize) out.push(text.slice(at, at + chunkSize));
  return out;
}

function contentStream(answer: string): Uint8Array {
  return sseOf([
    ...pieces(answer).map((content) => ({
      ...head,
      choices: [{ index: 0, delta: { content }, logprobs: null, finish_reason: null }],
      obfuscation: 'cPjOd',
    })),
    { ...head, choices: [{ index: 0, delta: {}, logprobs: null, finish_reason: 'stop' }], obfuscation: 'k' },
  ]);
}

function toolStream(args: string): Uint8Array {
  const open = {
    index: 0,
    id: 'call_0JMW1whyEaYG438VE1OIflxA2',
    type: 'function',
    function: { name: 'write_report', arguments: '' },
  };
  return sseOf([
    { ...head, choices: [{ index: 0, delta: { tool_calls: [open] }, logprobs: null, finish_reason: null }] },
    ...pieces(args).map((piece) => ({
      ...head,
      choices: [
        {
          index: 0,
          delta: { tool_calls: [{ index: 0, function: { arguments: piece } }] },
          logprobs: null,
          finish_reason: null,
        },
      ],
      obfuscation: 'Qz',
    })),
    { ...head, choices: [{ index: 0, delta: {}, logprobs: null, finish_reason: 'tool_calls' }] },
  ]);
}

/** A client whose every request is answered with these SSE bytes, in 16 KiB reads, from memory. */
function clientAnswering(bytes: Uint8Array) {
  return createClient({
    apiKey: 'sk-bench',
    maxRetries: 0,
    fetch: async () => {
      let offset = 0;
      const body = new ReadableStream<Uint8Array>({
        pull(controller) {
          if (offset >= bytes.length) return controller.close();
          controller.enqueue(bytes.subarray(offset, offset + 16_384));
          offset += 16_384;
        },
      });
      return new Response(body, { headers: { 'content-type': 'text/event-stream' } });
    },
  });
}

interface Case {
  readonly name: string;
  readonly bytes: number;
  readonly chunks: number;
  /** Reads the stream for final() alone; returns a figure that proves the work was done. */
  readonly final: () => Promise<unknown>;
  /** Reads the partials, then final(); returns how many partials came and whether the last equals final(). */
  readonly partials: () => Promise<{ count: number; last: unknown; parsed: unknown }>;
}

function outputCase(name: string, answer: string, schema: v.GenericSchema): Case {
  const client = clientAnswering(contentStream(answer));
  const builder = () =>
    client.chat().model('gpt-4o').user('Write it.').jsonSchema(schema, { name: 'answer' }).stream();
  return {
    name,
    bytes: answer.length,
    chunks: Math.ceil(answer.length / chunkSize),
    final: async () => (await builder().send().final()).choices[0]?.message.parsed,
    partials: async () => {
      const stream = builder().send();
      let count = 0;
      let last: unknown;
      for await (const partial of stream.partials()) {
        count++;
        last = partial;
      }
      const parsed = (await stream.final()).choices[0]?.message.parsed;
      return { count, last, parsed };
    },
  };
}

function toolCase(name: string, args: string): Case {
  const client = clientAnswering(toolStream(args));
  const writeReport = tool({ name: 'write_report', parameters: Report });
  const builder = () => client.chat().model('gpt-4o').user('Write it.').tool(writeReport).stream();
  const parsedOf = (
    completion: Awaited<ReturnType<ReturnType<ReturnType<typeof builder>['send']>['final']>>,
  ) => {
    const call = completion.choices[0]?.message.tool_calls?.[0];
    return call?.type === 'function' ? call.function.parsed_arguments : undefined;
  };
  return {
    name,
    bytes: args.length,
    chunks: Math.ceil(args.length / chunkSize),
    final: async () => parsedOf(await builder().send().final()),
    partials: async () => {
      const stream = builder().send();
      let count = 0;
      let last: unknown;
      for await (const calls of stream.toolCallPartials()) {
        count++;
        last = calls[0]?.arguments;
      }
      return { count, last, parsed: parsedOf(await stream.final()) };
    },
  };
}

function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1_000;
}

/** CPU ms per stream, over `streams` streams read one after the other (small answers take several). */
async function measure(read: () => Promise<unknown>, streams: number): Promise<number> {
  globalThis.gc?.();
  const start = cpuMs();
  for (let i = 0; i < streams; i++) await read();
  return (cpuMs() - start) / streams;
}

interface Row {
  readonly name: string;
  readonly bytes: number;
  readonly chunks: number;
  readonly finalMs: number;
  readonly partialsMs: number;
  readonly partialsCount: number;
}

async function runCase(item: Case, runs: number): Promise<Row> {
  // About 500,000 chunks a run in all, so that a garbage collection lands in both readers alike.
  const streams = Math.max(1, Math.round(500_000 / item.chunks));
  // Warm-up and check: the last partial is the parsed value.
  const check = await item.partials();
  if (JSON.stringify(check.last) !== JSON.stringify(check.parsed) || check.parsed === undefined) {
    throw new Error(`${item.name}: the last partial is not the parsed value`);
  }
  await item.final();
  const finals: number[] = [];
  const withPartials: number[] = [];
  for (let i = 0; i < runs; i++) {
    finals.push(await measure(item.final, streams));
    withPartials.push(await measure(item.partials, streams));
  }
  return {
    name: item.name,
    bytes: item.bytes,
    chunks: item.chunks,
    finalMs: medianOf(finals),
    partialsMs: medianOf(withPartials),
    partialsCount: check.count,
  };
}

/** Runs the benchmark and returns its section of docs/benchmarks.md. */
export async function run(): Promise<{ title: string; markdown: string }> {
  const values = JSON.stringify({ values: Array.from({ length: 100_000 }, (_, i) => i * 3) });
  const cases: Array<[Case, number]> = [
    [outputCase('report, 10 KB', report(10_000), Report), 5],
    [outputCase('report, 100 KB', report(100_000), Report), 5],
    [outputCase('report, 1 MB', report(1_000_000), Report), 5],
    [outputCase('one string member, 1 MB', JSON.stringify({ text: prose(1_000_000, 0) }), Text), 3],
    [outputCase('an array of 100,000 numbers', values, Values), 3],
    [toolCase('tool-call arguments, 100 KB (toolCallPartials())', report(100_000)), 5],
  ];
  const rows: Row[] = [];
  const only = process.env.BENCH_ONLY;
  for (const [item, runs] of cases) {
    if (only !== undefined && !item.name.includes(only)) continue;
    console.error(`  ${item.name}...`);
    rows.push(await runCase(item, runs));
  }
  return { title: 'Structured streaming', markdown: render(rows) };
}

function size(bytes: number): string {
  return bytes >= 1e6 ? `${(bytes / 1e6).toFixed(2)} MB` : `${Math.round(bytes / 1e3)} KB`;
}

function render(rows: readonly Row[]): string {
  const lines = [
    `Answers in ${chunkSize}-character deltas through the whole client, answered from memory; CPU time of the process`,
    'per stream (median run; a run reads about 500,000 chunks: 178 streams of 10 KB, 20 of 100 KB, 2 of 1 MB).',
    '`final()` alone parses and validates the answer; the other reader also takes every',
    'partial value (`partials()`, or `toolCallPartials()` for the tool call) before `final()`.',
    '',
    '| answer | chunks | `final()` alone, CPU ms | with partials, CPU ms | ratio | partial values |',
    '|---|---:|---:|---:|---:|---:|',
  ];
  for (const row of rows) {
    lines.push(
      `| ${row.name} (${size(row.bytes)}) | ${row.chunks.toLocaleString('en-US')} | ${row.finalMs.toFixed(1)} | ${row.partialsMs.toFixed(1)} | ${(row.partialsMs / row.finalMs).toFixed(2)}x | ${row.partialsCount.toLocaleString('en-US')} |`,
    );
  }
  const ratio = (name: string) => {
    const row = rows.find((candidate) => candidate.name.startsWith(name));
    return row === undefined ? Number.NaN : row.partialsMs / row.finalMs;
  };
  const reports = ['report, 10 KB', 'report, 100 KB', 'report, 1 MB'].map(ratio);
  const tools = ratio('tool-call arguments');
  lines.push(
    '',
    'Targets:',
    '',
    `- ${reports.every((value) => value <= 1.5) ? 'met' : 'NOT met'}: partials() + final() within 1.5x of final() alone at 10 KB, 100 KB and 1 MB (${reports.map((value) => `${value.toFixed(2)}x`).join(', ')})`,
    `- ${tools <= 1.5 ? 'met' : 'NOT met'}: tool-argument partials within 1.5x for 100 KB of arguments (${tools.toFixed(2)}x)`,
  );
  return lines.join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { title, markdown } = await run();
  console.log(`## ${title}\n\n${markdown}`);
}
