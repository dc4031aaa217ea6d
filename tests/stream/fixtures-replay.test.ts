import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { APIError } from '../../src/errors/api-error.js';
import { apiErrorFromStatus } from '../../src/errors/api-error-from-status.js';
import { AuthenticationError } from '../../src/errors/authentication-error.js';
import { BadRequestError } from '../../src/errors/bad-request-error.js';
import { NotFoundError } from '../../src/errors/not-found-error.js';
import { ChatStream } from '../../src/stream/chat-stream.js';
import { corpusMissing, sharedDir } from '../support/shared-corpus.js';
import { collect, rejectionOf, responseOf, sourceOf, splitBytes } from './support.js';

interface IndexEntry {
  file: string;
  kind: 'sse' | 'jsonl' | 'json';
  status: number;
  meta_file: string | null;
  chunks: number | null;
}

const fixturesDir = sharedDir === undefined ? undefined : join(sharedDir, 'fixtures');
const entries: IndexEntry[] =
  corpusMissing('fixtures replay') || fixturesDir === undefined
    ? []
    : JSON.parse(readFileSync(join(fixturesDir, 'index.json'), 'utf8'));

function read(file: string): Buffer {
  return readFileSync(join(fixturesDir as string, file));
}

function headersOf(entry: IndexEntry): Record<string, string> {
  if (entry.meta_file === null) return {};
  const path = join(fixturesDir as string, entry.meta_file);
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')).headers ?? {}) : {};
}

/** The SSE bytes of a stream fixture: `*.sse` as recorded, `*.chunks.jsonl` framed one chunk an event. */
function sseBytes(entry: IndexEntry): Uint8Array {
  if (entry.kind === 'sse') return read(entry.file);
  const lines = read(entry.file)
    .toString('utf8')
    .split('\n')
    .filter((line) => line.trim() !== '');
  return new TextEncoder().encode(`${lines.map((line) => `data: ${line}\n\n`).join('')}data: [DONE]\n\n`);
}

/**
 * The chunks the fixture holds, read independently of the parser under test: every fixture is
 * LF-framed, one `data:` line an event (one recording has a stray space before its first `data:`).
 */
function chunksOf(bytes: Uint8Array): unknown[] {
  return new TextDecoder()
    .decode(bytes)
    .split('\n\n')
    .map((event) => event.trim())
    .filter((event) => event.startsWith('data: ') && event !== 'data: [DONE]')
    .map((event) => JSON.parse(event.slice('data: '.length)));
}

/**
 * A deliberately plain reading of what the chunks say, to check the optimised assembler against:
 * built with maps and spreads, in a different shape from the code under test.
 */
function expectedCompletion(chunks: any[]): any {
  const first = (key: string, empty: unknown) =>
    chunks.map((c) => c[key]).find((v) => v !== undefined && v !== empty);
  const choices = new Map<number, any>();
  for (const chunk of chunks) {
    for (const choice of chunk.choices ?? []) {
      const state = choices.get(choice.index) ?? {
        content: null,
        refusal: null,
        reasoning: null,
        tools: new Map<number, any>(),
        fn: undefined,
        finish: null,
        logprobs: null,
        filter: undefined,
      };
      choices.set(choice.index, state);
      const delta = choice.delta ?? {};
      if (typeof delta.content === 'string') state.content = (state.content ?? '') + delta.content;
      if (typeof delta.refusal === 'string') state.refusal = (state.refusal ?? '') + delta.refusal;
      if (typeof delta.reasoning_content === 'string')
        state.reasoning = (state.reasoning ?? '') + delta.reasoning_content;
      for (const part of delta.tool_calls ?? []) {
        const call = state.tools.get(part.index) ?? { id: '', type: '', name: '', arguments: '' };
        state.tools.set(part.index, {
          id: call.id || part.id || '',
          type: call.type || part.type || '',
          name: call.name || part.function?.name || '',
          arguments: call.arguments + (part.function?.arguments ?? ''),
        });
      }
      if (delta.function_call) {
        const fn = state.fn ?? { name: '', arguments: '' };
        state.fn = {
          name: fn.name || delta.function_call.name || '',
          arguments: fn.arguments + (delta.function_call.arguments ?? ''),
        };
      }
      if (choice.finish_reason) state.finish = choice.finish_reason;
      if (choice.logprobs) {
        const previous = state.logprobs ?? { content: null, refusal: null };
        state.logprobs = {
          content: choice.logprobs.content
            ? [...(previous.content ?? []), ...choice.logprobs.content]
            : previous.content,
          refusal: choice.logprobs.refusal
            ? [...(previous.refusal ?? []), ...choice.logprobs.refusal]
            : previous.refusal,
        };
      }
      if (choice.content_filter_results && Object.keys(choice.content_filter_results).length > 0) {
        state.filter = choice.content_filter_results;
      }
    }
  }
  const completion: any = {
    id: first('id', '') ?? '',
    object: 'chat.completion',
    created: first('created', 0) ?? 0,
    model: first('model', '') ?? '',
    choices: [...choices.entries()]
      .sort(([a], [b]) => a - b)
      .map(([index, state]) => {
        const message: any = { role: 'assistant', content: state.content, refusal: state.refusal };
        if (state.tools.size > 0) {
          message.tool_calls = [...state.tools.entries()]
            .sort(([a]: [number], [b]: [number]) => a - b)
            .map(([, call]: [number, any]) => ({
              id: call.id,
              type: 'function',
              function: { name: call.name, arguments: call.arguments },
            }));
        }
        if (state.reasoning !== null) message.reasoning_content = state.reasoning;
        if (state.fn) message.function_call = state.fn;
        const choice: any = { index, message, finish_reason: state.finish, logprobs: state.logprobs };
        if (state.filter) choice.content_filter_results = state.filter;
        return choice;
      }),
  };
  const usage = chunks.filter((c) => c.usage).at(-1)?.usage;
  if (usage) completion.usage = usage;
  const fingerprints = chunks.map((c) => c.system_fingerprint).filter((v) => v !== undefined);
  if (fingerprints.length > 0)
    completion.system_fingerprint = fingerprints.filter((v) => v !== null).at(-1) ?? null;
  const tiers = chunks.map((c) => c.service_tier).filter((v) => v !== undefined);
  if (tiers.length > 0) completion.service_tier = tiers.filter((v) => v !== null).at(-1) ?? null;
  const filters = chunks.filter((c) => c.prompt_filter_results !== undefined).at(-1);
  if (filters) completion.prompt_filter_results = filters.prompt_filter_results;
  return completion;
}

const streams = entries.filter(
  (entry) => entry.status === 200 && (entry.kind === 'sse' || entry.kind === 'jsonl'),
);
const bodies = entries.filter((entry) => entry.status === 200 && entry.kind === 'json');
const errors = entries.filter((entry) => entry.status >= 400);

test('the corpus holds the streams, bodies and errors this suite replays', () => {
  if (fixturesDir === undefined) return;
  assert.is(streams.length, 55);
  assert.is(bodies.length, 84);
  assert.is(errors.length, 6);
});

for (const entry of streams) {
  test(`replays ${entry.file}: every chunk, and final() equals what the chunks say`, async () => {
    const bytes = sseBytes(entry);
    const chunks = chunksOf(bytes);
    // index.json's count misses the chunk behind the stray " data:" of one OpenRouter recording.
    const stray = entry.kind === 'sse' && bytes[0] === 0x20 ? 1 : 0;
    if (entry.chunks !== null) assert.is(chunks.length, entry.chunks + stray, 'chunk count from index.json');
    const expected = expectedCompletion(chunks);
    const headers = headersOf(entry);
    // Whole, odd sizes that cut UTF-8 characters and `data:` prefixes, and byte by byte for small files.
    const splits: number[][] = [[bytes.length], [7, 13, 251], [4093]];
    if (bytes.length < 20_000) splits.push([1]);
    for (const sizes of splits) {
      const stream = new ChatStream(sourceOf(responseOf(splitBytes(bytes, sizes), headers)));
      assert.equal(await collect(stream), chunks, `chunks, pieces of ${sizes.join('/')} bytes`);
      assert.equal(await stream.final(), expected, `final(), pieces of ${sizes.join('/')} bytes`);
      assert.is(await stream.requestId, headers['x-request-id']);
    }
    // final() alone, with nobody iterating.
    const alone = new ChatStream(sourceOf(responseOf(splitBytes(bytes, [509]), headers)));
    assert.equal(await alone.final(), expected);
  });
}

/** Checks a recorded body against the lenient `ChatCompletion` type; returns what does not fit. */
function misfits(body: any): string[] {
  const out: string[] = [];
  const expect = (ok: boolean, what: string) => {
    if (!ok) out.push(what);
  };
  const optional = (value: unknown, check: (v: any) => boolean) => value === undefined || check(value);
  const stringOrNull = (v: unknown) => v === null || typeof v === 'string';
  expect(typeof body.id === 'string', 'id');
  expect(body.object === 'chat.completion', 'object');
  expect(typeof body.created === 'number', 'created');
  expect(typeof body.model === 'string', 'model');
  expect(optional(body.system_fingerprint, stringOrNull), 'system_fingerprint');
  expect(optional(body.service_tier, stringOrNull), 'service_tier');
  expect(
    optional(
      body.usage,
      (u) =>
        u === null ||
        ['prompt_tokens', 'completion_tokens', 'total_tokens'].every((k) => typeof u[k] === 'number'),
    ),
    'usage',
  );
  expect(Array.isArray(body.choices), 'choices');
  for (const choice of body.choices ?? []) {
    expect(typeof choice.index === 'number', 'choices.index');
    expect(optional(choice.finish_reason, stringOrNull), 'choices.finish_reason');
    expect(
      optional(choice.logprobs, (l) => l === null || l.content === null || Array.isArray(l.content)),
      'logprobs',
    );
    const message = choice.message;
    expect(message?.role === 'assistant', 'message.role');
    expect(stringOrNull(message?.content), 'message.content');
    expect(optional(message?.refusal, stringOrNull), 'message.refusal');
    expect(optional(message?.annotations, Array.isArray), 'message.annotations');
    expect(
      optional(message?.audio, (a) => a === null || typeof a === 'object'),
      'message.audio',
    );
    expect(
      optional(
        message?.function_call,
        (f) => f === null || (typeof f.name === 'string' && typeof f.arguments === 'string'),
      ),
      'message.function_call',
    );
    for (const call of message?.tool_calls ?? []) {
      expect(typeof call.id === 'string', 'tool_calls.id');
      expect(
        (call.type === 'function' &&
          typeof call.function?.name === 'string' &&
          typeof call.function?.arguments === 'string') ||
          (call.type === 'custom' &&
            typeof call.custom?.name === 'string' &&
            typeof call.custom?.input === 'string'),
        'tool_calls shape',
      );
    }
  }
  return out;
}

test('every recorded JSON body fits the lenient ChatCompletion type', () => {
  for (const entry of bodies) {
    assert.equal(misfits(JSON.parse(read(entry.file).toString('utf8'))), [], entry.file);
  }
});

const classByStatus: Record<number, typeof APIError> = {
  400: BadRequestError,
  401: AuthenticationError,
  404: NotFoundError,
};

test('every recorded error body maps to its APIError subclass, and to an APIError inside a stream', async () => {
  for (const entry of errors) {
    const body = JSON.parse(read(entry.file).toString('utf8'));
    const headers = new Headers(headersOf(entry));
    const error = apiErrorFromStatus(entry.status, body, headers);
    const ErrorClass = classByStatus[entry.status];
    assert.ok(ErrorClass, `${entry.file}: status ${entry.status} has an expected class`);
    assert.instance(error, ErrorClass as typeof APIError, entry.file);
    assert.is(error.status, entry.status);
    assert.is(error.type, body.error.type ?? undefined, entry.file);
    assert.is(error.code, body.error.code == null ? undefined : String(body.error.code), entry.file);
    assert.is(error.requestId, headers.get('x-request-id') ?? undefined);

    const stream = new ChatStream(
      sourceOf(
        responseOf(
          [new TextEncoder().encode(`event: error\ndata: ${JSON.stringify(body)}\n\n`)],
          headersOf(entry),
        ),
      ),
    );
    const streamed = await rejectionOf(() => stream.final());
    assert.instance(streamed, APIError, entry.file);
    assert.is((streamed as APIError).status, undefined);
    assert.is((streamed as APIError).code, error.code);
    assert.is((streamed as APIError).error?.message, body.error.message);
  }
});

test.run();
