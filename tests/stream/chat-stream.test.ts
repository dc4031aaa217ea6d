import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { APIError } from '../../src/errors/api-error.js';
import { AuthenticationError } from '../../src/errors/authentication-error.js';
import { ChatwrightError } from '../../src/errors/chatwright-error.js';
import { IncompleteStreamError } from '../../src/errors/incomplete-stream-error.js';
import { StreamParseError } from '../../src/errors/stream-parse-error.js';
import { ChatStream } from '../../src/stream/chat-stream.js';
import { collect, rejectionOf, sourceOf, sseOf, streamOf, textChunk } from './support.js';

const base = {
  id: 'chatcmpl-1',
  object: 'chat.completion.chunk',
  created: 1700000000,
  model: 'gpt-4o-2024-08-06',
};
const chunks = [
  {
    ...base,
    system_fingerprint: 'fp_1',
    choices: [{ index: 0, delta: { role: 'assistant', content: '' }, finish_reason: null }],
  },
  {
    ...base,
    system_fingerprint: 'fp_1',
    choices: [{ index: 0, delta: { content: 'Hel' }, finish_reason: null }],
  },
  {
    ...base,
    system_fingerprint: 'fp_1',
    choices: [{ index: 0, delta: { content: 'lo' }, finish_reason: null }],
  },
  { ...base, system_fingerprint: 'fp_1', choices: [{ index: 0, delta: {}, finish_reason: 'stop' }] },
  {
    ...base,
    system_fingerprint: 'fp_1',
    choices: [],
    usage: { prompt_tokens: 5, completion_tokens: 2, total_tokens: 7 },
  },
];
const expected = {
  id: 'chatcmpl-1',
  object: 'chat.completion',
  created: 1700000000,
  model: 'gpt-4o-2024-08-06',
  choices: [
    {
      index: 0,
      message: { role: 'assistant', content: 'Hello', refusal: null },
      finish_reason: 'stop',
      logprobs: null,
    },
  ],
  usage: { prompt_tokens: 5, completion_tokens: 2, total_tokens: 7 },
  system_fingerprint: 'fp_1',
};

test('final() reads the stream itself when nobody iterates', async () => {
  const { stream } = streamOf(sseOf(chunks), { sizes: [5, 11] });
  assert.equal(await stream.final(), expected);
});

test('iteration yields every chunk, then final() resolves to the same object each time', async () => {
  const { stream } = streamOf(sseOf(chunks), { sizes: [13] });
  assert.equal(await collect(stream), chunks);
  const first = await stream.final();
  assert.equal(first, expected);
  assert.is(await stream.final(), first);
});

test('final() awaited during the loop resolves when the loop reaches the end', async () => {
  const { stream } = streamOf(sseOf(chunks));
  let final: Promise<unknown> | undefined;
  let seen = 0;
  for await (const _ of stream) {
    seen++;
    final ??= stream.final();
  }
  assert.is(seen, 5);
  assert.equal(await final, expected);
});

test('text() yields the non-empty content deltas of choice 0', async () => {
  const body = sseOf([
    textChunk('A'),
    textChunk('x', {}, 1),
    textChunk(''),
    textChunk('B'),
    { ...base, choices: [{ index: 0, delta: {}, finish_reason: 'stop' }] },
  ]);
  const { stream } = streamOf(body, { sizes: [3] });
  assert.equal(await collect(stream.text()), ['A', 'B']);
  assert.is((await stream.final()).choices[1]?.message.content, 'x');
});

test('next() called again before the previous one settled still yields the chunks in order', async () => {
  const { stream } = streamOf(sseOf(chunks), { sizes: [31] });
  const iterator = stream[Symbol.asyncIterator]();
  const results = await Promise.all([1, 2, 3, 4, 5, 6].map(() => iterator.next()));
  assert.equal(
    results.map((result) => result.value),
    [...chunks, undefined],
  );
  assert.equal(await stream.final(), expected);
});

test('a second consumer gets a clear error, not an empty stream', async () => {
  const { stream } = streamOf(sseOf(chunks));
  await collect(stream);
  const again = await rejectionOf(() => collect(stream));
  assert.instance(again, ChatwrightError);
  assert.is(
    (again as Error).message,
    'This stream is already read by a for await loop; a stream can be read once. ' +
      'Await final() after (or during) the loop for the assembled completion.',
  );
  assert.throws(() => stream.text(), /already read by a for await loop/);
  assert.throws(() => stream.toReadableStream(), /already read by a for await loop/);
});

test('after final() started reading, iterating is refused', async () => {
  const { stream } = streamOf(sseOf(chunks));
  const final = stream.final();
  assert.throws(() => stream[Symbol.asyncIterator](), /already read by final\(\)/);
  assert.equal(await final, expected);
});

test('the iterable returned by text() can be iterated once only', async () => {
  const { stream } = streamOf(sseOf(chunks));
  const texts = stream.text();
  assert.equal(await collect(texts), ['Hel', 'lo']);
  assert.equal(await stream.final(), expected);
  assert.throws(() => texts[Symbol.asyncIterator](), /already iterated/);
});

test('leaving the loop early cancels the request and final() rejects as incomplete', async () => {
  const { stream, source } = streamOf(sseOf(chunks), { sizes: [40] });
  for await (const _ of stream) break;
  assert.equal(source.aborts, [undefined]);
  const error = await rejectionOf(() => stream.final());
  assert.instance(error, IncompleteStreamError);
  assert.is((error as IncompleteStreamError).chunks, 1);
  assert.is(
    (error as Error).message,
    'The stream was left after 1 chunk, before its end; the request was cancelled.',
  );
});

test('a stream that ends without [DONE] is an IncompleteStreamError, after the chunks that came', async () => {
  const { stream } = streamOf(sseOf(chunks.slice(0, 3), false), {
    sizes: [17],
    headers: { 'x-request-id': 'req_9' },
  });
  const seen: unknown[] = [];
  const error = await rejectionOf(async () => {
    for await (const chunk of stream) seen.push(chunk);
  });
  assert.equal(seen, chunks.slice(0, 3));
  assert.instance(error, IncompleteStreamError);
  assert.is(
    (error as Error).message,
    'The stream ended without its "data: [DONE]" terminator after 3 chunks: the connection was closed early.',
  );
  assert.is((error as IncompleteStreamError).requestId, 'req_9');
  assert.is(await rejectionOf(() => stream.final()), error);
});

test('an empty body is incomplete too', async () => {
  const { stream } = streamOf('');
  const error = await rejectionOf(() => stream.final());
  assert.instance(error, IncompleteStreamError);
  assert.is((error as IncompleteStreamError).chunks, 0);
});

test('an error event rejects with the typed APIError after the chunks before it', async () => {
  const body =
    sseOf(chunks.slice(0, 2), false) +
    'event: error\ndata: {"error":{"message":"The server had an error","type":"server_error","param":null,"code":"overloaded"}}\n\n';
  const { stream } = streamOf(body, { sizes: [9], headers: { 'x-request-id': 'req_7' } });
  const seen: unknown[] = [];
  const error = await rejectionOf(async () => {
    for await (const chunk of stream) seen.push(chunk);
  });
  assert.equal(seen, chunks.slice(0, 2));
  assert.instance(error, APIError);
  const api = error as APIError;
  assert.is(api.status, undefined);
  assert.is(api.type, 'server_error');
  assert.is(api.code, 'overloaded');
  assert.is(api.requestId, 'req_7');
  assert.is(api.message, 'stream error: The server had an error (request req_7)');
});

test('an error object without an event name is an APIError too', async () => {
  const { stream } = streamOf(
    'data: {"error":{"message":"Rate limit reached","type":"tokens","code":"rate_limit_exceeded"}}\n\n',
  );
  const error = await rejectionOf(() => stream.final());
  assert.instance(error, APIError);
  assert.is((error as APIError).code, 'rate_limit_exceeded');
});

test('an error event with plain text data keeps the text as the message', async () => {
  const { stream } = streamOf('event: error\ndata: upstream overloaded\n\n');
  const error = await rejectionOf(() => stream.final());
  assert.instance(error, APIError);
  assert.is((error as APIError).message, 'stream error: upstream overloaded');
});

test('malformed JSON is a StreamParseError carrying the raw data', async () => {
  const { stream } = streamOf(`${sseOf(chunks.slice(0, 1), false)}data: {"id": "chatcmpl-1", "choi\n\n`);
  const error = await rejectionOf(() => stream.final());
  assert.instance(error, StreamParseError);
  assert.is((error as StreamParseError).data, '{"id": "chatcmpl-1", "choi');
  assert.is(
    (error as Error).message,
    'A stream event is not a JSON object: "{\\"id\\": \\"chatcmpl-1\\", \\"choi"',
  );
  assert.instance((error as Error).cause, SyntaxError);
});

test('JSON that is not an object is a StreamParseError', async () => {
  for (const data of ['42', 'null', '[1]', '"text"']) {
    const { stream } = streamOf(`data: ${data}\n\ndata: [DONE]\n\n`);
    const error = await rejectionOf(() => stream.final());
    assert.instance(error, StreamParseError, data);
    assert.is((error as StreamParseError).data, data);
  }
});

test('named events other than error are skipped; events after [DONE] are ignored', async () => {
  const body = `event: ping\ndata: {}\n\n${sseOf(chunks)}data: {"ignored": true}\n\n`;
  const { stream } = streamOf(body);
  assert.equal(await collect(stream), chunks);
});

test('a rejected response rejects iteration and final() with the same error', async () => {
  const failure = new AuthenticationError({ status: 401, error: { message: 'bad key' } });
  const source = sourceOf(Promise.reject(failure));
  const stream = new ChatStream(source);
  assert.is(await rejectionOf(() => collect(stream)), failure);
  assert.is(await rejectionOf(() => stream.final()), failure);
});

test('response and requestId expose the HTTP response', async () => {
  const { stream } = streamOf(sseOf(chunks), { headers: { 'x-request-id': 'req_42' } });
  assert.is(await stream.requestId, 'req_42');
  assert.is((await stream.response).headers.get('content-type'), 'text/event-stream');
  const { stream: without } = streamOf(sseOf(chunks));
  assert.is(await without.requestId, undefined);
});

test('requestId of a failed request rejects when awaited, and is no unhandled rejection when not', async () => {
  const failure = new AuthenticationError({ status: 401, error: { message: 'bad key' } });
  const unhandled: unknown[] = [];
  const record = (reason: unknown): void => {
    unhandled.push(reason);
  };
  process.on('unhandledRejection', record);
  try {
    const stream = new ChatStream(sourceOf(Promise.reject(failure)));
    void stream.requestId;
    assert.is(await rejectionOf(() => stream.requestId), failure);
    // Node reports unhandled rejections once the microtask queue drains: two macrotask turns suffice.
    await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setImmediate(resolve));
  } finally {
    process.off('unhandledRejection', record);
  }
  assert.equal(unhandled, []);
});

test('toReadableStream() re-encodes the chunks as SSE that a ChatStream reads back', async () => {
  const { stream } = streamOf(sseOf(chunks), { sizes: [7] });
  const text = await new Response(stream.toReadableStream()).text();
  assert.is(text, sseOf(chunks));
  const { stream: again } = streamOf(text);
  assert.equal(await again.final(), expected);
  assert.equal(await stream.final(), expected);
});

test('toReadableStream() turns a mid-stream error into a final error event', async () => {
  const body = `${sseOf(chunks.slice(0, 1), false)}data: {"error":{"message":"boom","type":"server_error","code":null}}\n\n`;
  const { stream } = streamOf(body);
  const text = await new Response(stream.toReadableStream()).text();
  assert.is(
    text,
    `${sseOf(chunks.slice(0, 1), false)}event: error\ndata: {"error":{"message":"boom","type":"server_error","code":null,"param":null}}\n\n`,
  );
  const { stream: downstream } = streamOf(text);
  const error = await rejectionOf(() => downstream.final());
  assert.instance(error, APIError);
  assert.is((error as APIError).type, 'server_error');
});

test('toReadableStream() reports a cut stream as an error event, without [DONE]', async () => {
  const { stream } = streamOf(sseOf(chunks.slice(0, 1), false));
  const text = await new Response(stream.toReadableStream()).text();
  assert.ok(
    text.endsWith(
      'event: error\ndata: {"error":{"message":"The stream ended without its \\"data: [DONE]\\" terminator after 1 chunk: the connection was closed early.","type":"IncompleteStreamError","code":null,"param":null}}\n\n',
    ),
  );
});

test('cancelling the readable stream cancels the request', async () => {
  const { stream, source } = streamOf(sseOf(chunks), { sizes: [50] });
  const reader = stream.toReadableStream().getReader();
  await reader.read();
  await reader.cancel('client left');
  assert.equal(source.aborts, [undefined]);
  assert.instance(await rejectionOf(() => stream.final()), IncompleteStreamError);
});

test.run();
