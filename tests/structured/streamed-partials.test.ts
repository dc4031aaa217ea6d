// partials() and toolCallPartials() over real streams from the fake server: what each value holds,
// when one comes, what it shares with the one before, and that the last one is the parsed answer.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import * as v from 'valibot';
import {
  type ChatCompletionChunk,
  ChatStream,
  IncompleteStreamError,
  parsePartialJson,
  tool,
} from '../../src/index.js';
import { type FakeServer, replies } from '../../src/testing/index.js';
import { clientOf, withServer } from '../client/support.js';

const test = suite('streamed partials');

const head = { id: 'chatcmpl-p', object: 'chat.completion.chunk', created: 1, model: 'gpt-4o' };

/** One chunk per piece of content, then a finish chunk. */
function contentChunks(pieces: readonly string[]): ChatCompletionChunk[] {
  return [
    ...pieces.map((content) => ({
      ...head,
      choices: [{ index: 0, delta: { content }, finish_reason: null }],
    })),
    { ...head, choices: [{ index: 0, delta: {}, finish_reason: 'stop' }] },
  ];
}

/** Tool-call chunks: each call opens with its id and name, then its arguments in pieces (interleaved). */
function callChunks(
  calls: ReadonlyArray<{ name: string; pieces: readonly string[] }>,
): ChatCompletionChunk[] {
  const chunks: ChatCompletionChunk[] = calls.map(({ name }, index) => ({
    ...head,
    choices: [
      {
        index: 0,
        delta: {
          tool_calls: [{ index, id: `call_${index}`, type: 'function', function: { name, arguments: '' } }],
        },
        finish_reason: null,
      },
    ],
  }));
  const longest = Math.max(...calls.map((call) => call.pieces.length));
  for (let at = 0; at < longest; at++) {
    calls.forEach(({ pieces }, index) => {
      const piece = pieces[at];
      if (piece === undefined) return;
      chunks.push({
        ...head,
        choices: [
          {
            index: 0,
            delta: { tool_calls: [{ index, function: { arguments: piece } }] },
            finish_reason: null,
          },
        ],
      });
    });
  }
  chunks.push({ ...head, choices: [{ index: 0, delta: {}, finish_reason: 'tool_calls' }] });
  return chunks;
}

function piecesOf(text: string, size: number): string[] {
  const out: string[] = [];
  for (let at = 0; at < text.length; at += size) out.push(text.slice(at, at + size));
  return out;
}

function streamOf(chunks: readonly ChatCompletionChunk[]): ChatStream {
  const body = `${chunks.map((chunk) => `data: ${JSON.stringify(chunk)}\n\n`).join('')}data: [DONE]\n\n`;
  return new ChatStream({ response: Promise.resolve(new Response(body)), abort() {} });
}

const Report = v.object({
  title: v.string(),
  pi: v.number(),
  done: v.object({ ok: v.boolean(), tags: v.array(v.string()) }),
  rows: v.array(v.object({ name: v.string(), score: v.number() })),
});
const answer = JSON.stringify({
  title: 'Qu\u00e9bec \ud83d\ude00 "quoted"',
  pi: 4.2517,
  done: { ok: true, tags: ['a', 'b'] },
  rows: [
    { name: 'x', score: -1.5e3 },
    { name: 'y', score: 20 },
  ],
});

/** A streamed request for a Report, from the fake server. */
function reportStream(server: FakeServer) {
  return clientOf(server)
    .chat()
    .model('gpt-4o')
    .user('Report')
    .jsonSchema(Report, { name: 'report' })
    .stream()
    .send();
}

test('partials(): each value is the text so far parsed, only when it changed, sharing what did not, ending on the parsed output', async () => {
  const pieces = piecesOf(answer, 3);
  await withServer(async (server) => {
    server.enqueue(replies.stream(contentChunks(pieces)));
    const stream = reportStream(server);
    const partials: unknown[] = [];
    const frozen: string[] = [];
    for await (const partial of stream.partials()) {
      partials.push(partial);
      frozen.push(JSON.stringify(partial));
    }
    // Exactly the distinct values of the prefixes at chunk ends, in order.
    const expected: string[] = [];
    let sent = '';
    for (const piece of pieces) {
      sent += piece;
      const value = parsePartialJson(sent);
      const json = JSON.stringify(value);
      if (value !== undefined && json !== expected.at(-1)) expected.push(json);
    }
    assert.equal(frozen, expected);
    // A value yielded earlier never changed afterwards.
    assert.equal(
      partials.map((partial) => JSON.stringify(partial)),
      frozen,
    );
    // The pi number never shows cut: 4, 4.2... are left out until the comma.
    assert.ok(frozen.every((json) => !json.includes('"pi":4,') && !json.includes('"pi":4.2,')));
    assert.ok(frozen.some((json) => json.includes('"pi":4.2517')));
    // Once complete, `done` is the same object in every later value.
    const withDone = partials.filter(
      (partial) => JSON.stringify((partial as { done?: unknown }).done) === '{"ok":true,"tags":["a","b"]}',
    ) as Array<{ done: object; rows?: Array<object> }>;
    const closed = withDone.filter((partial) => partial.rows !== undefined);
    assert.ok(closed.length > 3);
    for (const partial of closed) assert.is(partial.done, closed[0]?.done);
    // The first row, once complete, is shared while the second one grows.
    const rows = closed.map((partial) => partial.rows ?? []).filter((list) => list.length === 2);
    assert.ok(rows.length > 2);
    for (const list of rows) assert.is(list[0], rows[0]?.[0]);
    const final = await stream.final();
    assert.equal(partials.at(-1), final.choices[0]?.message.parsed);
  });
});

test('partials(): a stream whose answer is not JSON yields nothing, and final() reports it', async () => {
  await withServer(async (server) => {
    server.enqueue(replies.stream(contentChunks(['{"title": ', 'Sure! Here', ' it is'])));
    const stream = reportStream(server);
    const partials: unknown[] = [];
    for await (const partial of stream.partials()) partials.push(partial);
    assert.equal(partials, [{}]);
    try {
      await stream.final();
      assert.unreachable('final() should reject');
    } catch (error) {
      assert.is((error as Error).name, 'ParsedOutputError');
    }
  });
});

const weather = tool({
  name: 'get_weather',
  parameters: v.object({ city: v.string(), days: v.array(v.number()) }),
});
const clock = tool({ name: 'clock', parameters: v.object({}) });

test('toolCallPartials(): typed calls as their arguments arrive, unchanged calls shared, ending on parsed_arguments', async () => {
  const args = '{"city": "Paris", "days": [1, 22, 333]}';
  await withServer(async (server) => {
    server.enqueue(
      replies.stream(
        callChunks([
          { name: 'get_weather', pieces: piecesOf(args, 4) },
          { name: 'clock', pieces: [] },
        ]),
      ),
    );
    const stream = clientOf(server)
      .chat()
      .model('gpt-4o')
      .user('Weather?')
      .tool(weather)
      .tool(clock)
      .stream()
      .send();
    const lists: Array<readonly unknown[]> = [];
    const seen: Array<readonly unknown[]> = [];
    const cities: Array<string | undefined> = [];
    for await (const calls of stream.toolCallPartials()) {
      seen.push(calls);
      lists.push(structuredClone(calls));
      for (const call of calls) {
        if (call.name === 'get_weather') cities.push(call.arguments?.city);
      }
    }
    assert.equal(lists[0], [{ index: 0, id: 'call_0', name: 'get_weather', arguments: undefined }]);
    assert.equal(lists.at(-1), [
      { index: 0, id: 'call_0', name: 'get_weather', arguments: { city: 'Paris', days: [1, 22, 333] } },
      { index: 1, id: 'call_1', name: 'clock', arguments: {} },
    ]);
    assert.ok(cities.includes('Pa'), JSON.stringify(cities));
    // Days appear only once complete: never a cut 3 or 33.
    const days = lists.map((list) =>
      JSON.stringify((list[0] as { arguments?: { days?: unknown } }).arguments?.days),
    );
    assert.ok(
      days.every((json) => json === undefined || ['[]', '[1]', '[1,22]', '[1,22,333]'].includes(json)),
    );
    // The clock call, once open, is the same object until the end (where its empty arguments become {}).
    const clocks = seen
      .slice(0, -1)
      .flatMap((list) => list.filter((call) => (call as { name: string }).name === 'clock'));
    assert.ok(clocks.length > 2, JSON.stringify(lists));
    for (const call of clocks) assert.is(call, clocks[0]);
    // Lists never change after they are handed out.
    assert.equal(
      seen.map((list) => structuredClone(list)),
      lists,
    );
    const final = await stream.final();
    const call = final.choices[0]?.message.tool_calls?.[0];
    assert.equal(call?.type === 'function' ? call.function.parsed_arguments : undefined, {
      city: 'Paris',
      days: [1, 22, 333],
    });
  });
});

test('ChatStream.toolCallPartials(): any stream, untyped arguments; a chunk that changes nothing yields nothing', async () => {
  const chunks = callChunks([{ name: 'lookup', pieces: ['{"q"', ': ', '"ab', 'c"', '}'] }]);
  const stream = streamOf(chunks);
  const lists: unknown[] = [];
  for await (const calls of stream.toolCallPartials()) lists.push(calls.map((call) => call.arguments));
  assert.equal(lists, [[undefined], [{}], [{ q: 'ab' }], [{ q: 'abc' }]]);
  const final = await stream.final();
  assert.is(final.choices[0]?.message.tool_calls?.length, 1);
});

test('run(): the step hook reads typed tool-call partials, and the loop goes on', async () => {
  const runnable = tool({
    name: 'get_weather',
    parameters: v.object({ city: v.string() }),
    run: ({ city }) => `Sunny in ${city}`,
  });
  await withServer(async (server) => {
    server.enqueue(
      replies.stream(callChunks([{ name: 'get_weather', pieces: ['{"ci', 'ty": "Ly', 'on"}'] }])),
      replies.completion('Sunny.'),
    );
    const seen: string[] = [];
    const result = await clientOf(server)
      .chat()
      .model('gpt-4o')
      .user('Weather in Lyon?')
      .tool(runnable)
      .stream()
      .run({
        onStream: async (stream, step) => {
          for await (const calls of stream.toolCallPartials()) {
            for (const call of calls) seen.push(`${step}:${call.name}:${call.arguments?.city ?? '-'}`);
          }
        },
      });
    // Open (no arguments yet), then `{}` (the key still arriving), then the city as it grows.
    assert.equal(seen, ['0:get_weather:-', '0:get_weather:-', '0:get_weather:Ly', '0:get_weather:Lyon']);
    assert.is(result.completion.choices[0]?.message.content, 'Sunny.');
    assert.is(result.steps[0]?.toolMessages[0]?.content, 'Sunny in Lyon');
  });
});

test('partial readers are streams readers: claimed at the first next(), one at a time, in order, leaving cancels', async () => {
  const chunks = callChunks([{ name: 'lookup', pieces: ['{"q"', ': ', '"ab', 'c"', '}'] }]);
  // Asked for but never read: final() still reads the stream.
  const unread = streamOf(chunks);
  unread.toolCallPartials();
  assert.is((await unread.final()).choices[0]?.message.tool_calls?.length, 1);
  // Read: a second reader is refused, naming the first.
  const read = streamOf(chunks);
  const partials = read.toolCallPartials();
  // Asked for all at once, the values still come in order.
  const all = await Promise.all([partials.next(), partials.next(), partials.next(), partials.next()]);
  assert.equal(
    all.map((result) => (result.done ? 'done' : result.value[0]?.arguments)),
    [undefined, {}, { q: 'ab' }, { q: 'abc' }],
  );
  assert.throws(() => read.text(), /already read by toolCallPartials\(\)/);
  assert.is((await partials.next()).done, true);
  // Leaving early cancels the request, as leaving a loop does (this body never ends by itself).
  const open = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(new TextEncoder().encode(`data: ${JSON.stringify(chunks[0])}\n\n`));
    },
  });
  const left = new ChatStream({ response: Promise.resolve(new Response(open)), abort() {} });
  for await (const _ of left.toolCallPartials()) break;
  try {
    await left.final();
    assert.unreachable('final() should reject');
  } catch (error) {
    assert.instance(error, IncompleteStreamError);
  }
});

test.run();
