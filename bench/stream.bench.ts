// Streaming: reading a long recorded-style SSE stream over loopback, and parsing the same bytes in
// memory. Run alone: `npx tsx bench/stream.bench.ts`.
//
// The floor is the least any client must do: fetch, decode, split on "\n\n", JSON.parse each event.
// Every client reads the same 2,003-chunk stream (text, then two tool calls whose arguments arrive in
// pieces, a finish chunk and a usage chunk) from a `node:http` server in a worker thread, so the
// server's work does not share the measured event loop. Runs alternate between the clients (a slow
// moment of the machine hits all alike); the median run is reported.
import { availableParallelism } from 'node:os';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import OpenAI from 'openai';
import { createClient } from '../src/client/create-client.js';
import { ChatStream } from '../src/stream/chat-stream.js';
import { SseParser } from '../src/stream/sse-parser.js';
import { medianOf } from './measure.js';

const key = 'sk-bench';
const runs = 7;
const streamsPerRun = 20;
const parseRuns = 9;
const parsePassesPerRun = 40;

/** A stream shaped like a recorded gpt-4o answer: obfuscation padding, fingerprint, usage chunk. */
function syntheticStream(): string {
  const head = {
    id: 'chatcmpl-BENCHxkqTg3pXbA0Ll9WQcYzFZr1',
    object: 'chat.completion.chunk',
    created: 1_727_346_178,
    model: 'gpt-4o-2024-08-06',
    service_tier: 'default',
    system_fingerprint: 'fp_5050236cbd',
  };
  const words = [
    'The',
    ' quick',
    ' brown',
    ' fox',
    ' jumps',
    ' over',
    ' the',
    ' lazy',
    ' dog',
    ',',
    ' and',
    ' café',
    ' 日本',
    '.',
  ];
  const events: unknown[] = [
    {
      ...head,
      choices: [
        {
          index: 0,
          delta: { role: 'assistant', content: '', refusal: null },
          logprobs: null,
          finish_reason: null,
        },
      ],
      usage: null,
      obfuscation: 'b5n4VhWv',
    },
  ];
  for (let index = 0; index < 1_000; index++) {
    const content = words[index % words.length];
    events.push({
      ...head,
      choices: [{ index: 0, delta: { content }, logprobs: null, finish_reason: null }],
      usage: null,
      obfuscation: 'cPjOdbd9c'.slice(0, 1 + (index % 9)),
    });
  }
  for (const call of [0, 1]) {
    events.push({
      ...head,
      choices: [
        {
          index: 0,
          delta: {
            tool_calls: [
              {
                index: call,
                id: `call_${call}JMW1whyEaYG438VE1OIflxA2`,
                type: 'function',
                function: { name: call === 0 ? 'get_weather' : 'get_stock_price', arguments: '' },
              },
            ],
          },
          logprobs: null,
          finish_reason: null,
        },
      ],
      usage: null,
      obfuscation: 'x1',
    });
    for (let index = 0; index < 499; index++) {
      const piece = index === 0 ? '{"items": [' : index === 498 ? '0]}' : `${index}, `;
      events.push({
        ...head,
        choices: [
          {
            index: 0,
            delta: { tool_calls: [{ index: call, function: { arguments: piece } }] },
            logprobs: null,
            finish_reason: null,
          },
        ],
        usage: null,
        obfuscation: 'Qz',
      });
    }
  }
  events.push({
    ...head,
    choices: [{ index: 0, delta: {}, logprobs: null, finish_reason: 'tool_calls' }],
    usage: null,
    obfuscation: 'k',
  });
  events.push({
    ...head,
    choices: [],
    usage: {
      prompt_tokens: 149,
      completion_tokens: 2_000,
      total_tokens: 2_149,
      prompt_tokens_details: { cached_tokens: 0, audio_tokens: 0 },
      completion_tokens_details: {
        reasoning_tokens: 0,
        audio_tokens: 0,
        accepted_prediction_tokens: 0,
        rejected_prediction_tokens: 0,
      },
    },
    obfuscation: 'Vd',
  });
  return `${events.map((event) => `data: ${JSON.stringify(event)}\n\n`).join('')}data: [DONE]\n\n`;
}

const body = syntheticStream();
const bodyBytes = new TextEncoder().encode(body);
const chunkCount = body.split('\n\n').length - 2;

// The server writes eight events a write, as a model server flushes tokens in small batches.
const serverSource = `
const { createServer } = require('node:http');
const { parentPort, workerData } = require('node:worker_threads');
const events = workerData.split(/(?<=\\n\\n)/);
const writes = [];
for (let i = 0; i < events.length; i += 8) writes.push(Buffer.from(events.slice(i, i + 8).join('')));
const server = createServer((request, response) => {
  request.resume();
  request.on('end', () => {
    response.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'x-request-id': 'req_bench' });
    for (const piece of writes) response.write(piece);
    response.end();
  });
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => parentPort.postMessage(server.address().port));
parentPort.on('message', () => server.close(() => process.exit(0)));
`;

async function startServer(): Promise<{ url: string; stop: () => Promise<void> }> {
  const worker = new Worker(serverSource, { eval: true, workerData: body });
  const port = await new Promise<number>((resolve) => worker.once('message', resolve));
  return {
    url: `http://127.0.0.1:${port}/v1`,
    stop: async () => {
      worker.postMessage('stop');
      await new Promise((resolve) => worker.once('exit', resolve));
    },
  };
}

/** Reads one whole stream; returns how many chunks it saw (checked, so no client can skip work). */
type ReadStream = () => Promise<number>;

const requestBody = JSON.stringify({
  model: 'gpt-4o',
  stream: true,
  stream_options: { include_usage: true },
  messages: [{ role: 'user', content: 'Stream a long answer.' }],
});

function post(url: string, signal?: AbortSignal): Promise<Response> {
  return fetch(`${url}/chat/completions`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${key}`,
      'content-type': 'application/json',
      accept: 'text/event-stream',
    },
    body: requestBody,
    ...(signal ? { signal } : {}),
  });
}

/** The anchor: split on "\n\n" and JSON.parse each `data:` event, nothing else. */
function floorParser(): { feed: (bytes: Uint8Array) => void; end: () => number } {
  const decoder = new TextDecoder();
  let buffer = '';
  let count = 0;
  const events = (text: string) => {
    const parts = text.split('\n\n');
    buffer = parts.pop() ?? '';
    for (const part of parts) {
      if (part.startsWith('data: ') && part !== 'data: [DONE]') {
        JSON.parse(part.slice(6));
        count++;
      }
    }
  };
  return {
    feed: (bytes) => events(buffer + decoder.decode(bytes, { stream: true })),
    end: () => {
      events(`${buffer}${decoder.decode()}\n\n`);
      return count;
    },
  };
}

function clients(baseURL: string): Array<[string, ReadStream]> {
  const openai = new OpenAI({ apiKey: key, baseURL, maxRetries: 0 });
  const chatwright = createClient({ apiKey: key, baseURL, maxRetries: 0 });
  return [
    [
      'floor: fetch + split("\\n\\n") + JSON.parse',
      async () => {
        const response = await post(baseURL);
        const parser = floorParser();
        for await (const bytes of response.body as ReadableStream<Uint8Array>) parser.feed(bytes);
        return parser.end();
      },
    ],
    [
      'ChatStream over fetch: for await + final()',
      async () => {
        const controller = new AbortController();
        const stream = new ChatStream({
          response: post(baseURL, controller.signal),
          abort: (reason) => controller.abort(reason),
          signal: controller.signal,
        });
        let count = 0;
        for await (const _ of stream) count++;
        const completion = await stream.final();
        if (completion.choices[0]?.message.tool_calls?.length !== 2) throw new Error('bad final()');
        return count;
      },
    ],
    [
      'chatwright client: stream().send(), for await + final()',
      async () => {
        const stream = chatwright
          .chat()
          .model('gpt-4o')
          .user('Stream a long answer.')
          .stream()
          .streamOptions({ include_usage: true })
          .send();
        let count = 0;
        for await (const _ of stream) count++;
        const completion = await stream.final();
        if (completion.choices[0]?.message.tool_calls?.length !== 2) throw new Error('bad final()');
        return count;
      },
    ],
    [
      'openai: create({ stream: true }), for await',
      async () => {
        const stream = await openai.chat.completions.create({
          model: 'gpt-4o',
          stream: true,
          stream_options: { include_usage: true },
          messages: [{ role: 'user', content: 'Stream a long answer.' }],
        });
        let count = 0;
        for await (const _ of stream) count++;
        return count;
      },
    ],
    [
      'openai: chat.completions.stream() + finalChatCompletion()',
      async () => {
        const stream = openai.chat.completions.stream({
          model: 'gpt-4o',
          stream_options: { include_usage: true },
          messages: [{ role: 'user', content: 'Stream a long answer.' }],
        });
        let count = 0;
        for await (const _ of stream) count++;
        const completion = await stream.finalChatCompletion();
        if (completion.choices[0]?.message.tool_calls?.length !== 2)
          throw new Error('bad finalChatCompletion()');
        return count;
      },
    ],
  ];
}

async function timeRun(read: ReadStream, streams: number): Promise<number> {
  const start = performance.now();
  for (let index = 0; index < streams; index++) {
    const count = await read();
    if (count !== chunkCount) throw new Error(`saw ${count} chunks, expected ${chunkCount}`);
  }
  return (performance.now() - start) / streams;
}

/** In memory: the same bytes in 16 KiB pieces (a typical socket read), parsed `passes` times. */
async function parseRun(parse: Parse, pieces: readonly Uint8Array[]): Promise<number> {
  const start = performance.now();
  for (let pass = 0; pass < parsePassesPerRun; pass++) {
    if ((await parse(pieces)) !== chunkCount) throw new Error('parser miscounted');
  }
  return (performance.now() - start) / parsePassesPerRun;
}

type Parse = (pieces: readonly Uint8Array[]) => number | Promise<number>;

/** A body that hands out the pieces one read at a time, as a socket would. */
function bodyOf(pieces: readonly Uint8Array[]): Response {
  let index = 0;
  return new Response(
    new ReadableStream<Uint8Array>({
      pull(controller) {
        const piece = pieces[index++];
        if (piece === undefined) controller.close();
        else controller.enqueue(piece);
      },
    }),
  );
}

const parsers: Array<[string, Parse]> = [
  [
    'anchor: split("\\n\\n") + JSON.parse',
    (pieces) => {
      const parser = floorParser();
      for (const piece of pieces) parser.feed(piece);
      return parser.end();
    },
  ],
  [
    'SseParser + JSON.parse',
    (pieces) => {
      let count = 0;
      const parser = new SseParser((data) => {
        if (data !== '[DONE]') {
          JSON.parse(data);
          count++;
        }
      });
      for (const piece of pieces) parser.feed(piece);
      parser.end();
      return count;
    },
  ],
  [
    'anchor over a Response body (for await of body)',
    async (pieces) => {
      const parser = floorParser();
      for await (const bytes of bodyOf(pieces).body as ReadableStream<Uint8Array>) parser.feed(bytes);
      return parser.end();
    },
  ],
  [
    'ChatStream over a Response body: for await + final()',
    async (pieces) => {
      const stream = new ChatStream({ response: Promise.resolve(bodyOf(pieces)), abort: () => {} });
      let count = 0;
      for await (const _ of stream) count++;
      await stream.final();
      return count;
    },
  ],
];

interface Row {
  readonly name: string;
  readonly ms: number;
}

/** Runs the benchmark and returns its section of docs/benchmarks.md. */
export async function run(): Promise<{ title: string; markdown: string }> {
  const pieces: Uint8Array[] = [];
  for (let offset = 0; offset < bodyBytes.length; offset += 16_384)
    pieces.push(bodyBytes.subarray(offset, offset + 16_384));
  for (const [, parse] of parsers) await parseRun(parse, pieces);
  const parseSamples = new Map<string, number[]>(parsers.map(([name]) => [name, []]));
  for (let index = 0; index < parseRuns; index++) {
    for (const [name, parse] of parsers) parseSamples.get(name)?.push(await parseRun(parse, pieces));
  }
  const parseRows: Row[] = parsers.map(([name]) => ({ name, ms: medianOf(parseSamples.get(name) ?? []) }));

  const server = await startServer();
  const rows: Row[] = [];
  try {
    const candidates = clients(server.url);
    // Warm-up: JIT, connection pool, lazy imports.
    for (const [, read] of candidates) await timeRun(read, 5);
    const samples = new Map<string, number[]>(candidates.map(([name]) => [name, []]));
    for (let index = 0; index < runs; index++) {
      for (const [name, read] of candidates) samples.get(name)?.push(await timeRun(read, streamsPerRun));
    }
    for (const [name] of candidates) rows.push({ name, ms: medianOf(samples.get(name) ?? []) });
  } finally {
    await server.stop();
  }
  return { title: 'Streaming', markdown: render(rows, parseRows) };
}

function render(rows: readonly Row[], parseRows: readonly Row[]): string {
  const kib = Math.round(bodyBytes.length / 1024);
  const floor = rows[0]?.ms ?? Number.NaN;
  const anchor = parseRows[0]?.ms ?? Number.NaN;
  const lines = [
    `One ${chunkCount}-chunk stream (${kib} KiB: text, then two tool calls with split arguments, a usage chunk)`,
    `from a loopback \`node:http\` server in a worker thread; median of ${runs} runs of ${streamsPerRun} streams each, after`,
    `a warm-up. Node ${process.version}, ${availableParallelism()} cores. Lower is better; the ratio is to the floor.`,
    '',
    '| client | ms per stream | vs floor |',
    '|---|---:|---:|',
  ];
  for (const row of rows)
    lines.push(`| ${row.name} | ${row.ms.toFixed(2)} | ${(row.ms / floor).toFixed(2)}x |`);
  lines.push(
    '',
    `The same bytes in memory, in 16 KiB pieces (median of ${parseRuns} runs of ${parsePassesPerRun} passes): the parser`,
    'alone, then the whole pipeline read from a `Response` body, where no network time hides the CPU cost.',
    '',
    '| reader | ms per stream | vs anchor |',
    '|---|---:|---:|',
  );
  for (const row of parseRows)
    lines.push(`| ${row.name} | ${row.ms.toFixed(2)} | ${(row.ms / anchor).toFixed(2)}x |`);
  const ours = rows.find((row) => row.name.startsWith('ChatStream'))?.ms ?? Number.NaN;
  const client = rows.find((row) => row.name.startsWith('chatwright client'))?.ms ?? Number.NaN;
  lines.push(
    '',
    'Goals:',
    '',
    `- ${ours <= floor * 1.3 ? 'reached' : 'not reached'}: ChatStream (iteration + final()) within 1.3x of the floor (${(ours / floor).toFixed(2)}x)`,
    `- ${client <= floor * 1.3 ? 'reached' : 'not reached'}: the full chatwright client within 1.3x of the floor (${(client / floor).toFixed(2)}x)`,
  );
  return lines.join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { title, markdown } = await run();
  console.log(`## ${title}\n\n${markdown}`);
}
