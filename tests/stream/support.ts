import { ChatStream, type StreamSource } from '../../src/stream/chat-stream.js';

const encoder = new TextEncoder();

/** Bytes of a string (or the bytes themselves). */
export function bytesOf(body: string | Uint8Array): Uint8Array {
  return typeof body === 'string' ? encoder.encode(body) : body;
}

/**
 * Cuts bytes into pieces whose sizes cycle through `sizes` (odd sizes land inside UTF-8 characters,
 * inside `data:` and between `\r` and `\n`).
 */
export function splitBytes(body: string | Uint8Array, sizes: readonly number[]): Uint8Array[] {
  const bytes = bytesOf(body);
  const pieces: Uint8Array[] = [];
  let offset = 0;
  let turn = 0;
  while (offset < bytes.length) {
    const size = Math.max(1, sizes[turn++ % sizes.length] ?? 1);
    pieces.push(bytes.subarray(offset, offset + size));
    offset += size;
  }
  return pieces;
}

/** A `Response` whose body streams the given pieces, one per read. */
export function responseOf(pieces: readonly Uint8Array[], headers?: HeadersInit): Response {
  let index = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      const piece = pieces[index++];
      if (piece === undefined) controller.close();
      else controller.enqueue(piece);
    },
  });
  return new Response(body, { headers: { 'content-type': 'text/event-stream', ...headers } });
}

/** A StreamSource over a prepared response that records the abort calls it receives. */
export interface RecordingSource extends StreamSource {
  readonly aborts: unknown[];
}

export function sourceOf(response: Response | Promise<Response>): RecordingSource {
  const aborts: unknown[] = [];
  return {
    response: Promise.resolve(response),
    aborts,
    abort(reason?: unknown) {
      aborts.push(reason);
    },
  };
}

/** A ChatStream reading `body`, cut at the given piece sizes (default: whole). */
export function streamOf(
  body: string | Uint8Array,
  options: { sizes?: readonly number[]; headers?: HeadersInit } = {},
): { stream: ChatStream; source: RecordingSource } {
  const bytes = bytesOf(body);
  const pieces = options.sizes ? splitBytes(bytes, options.sizes) : [bytes];
  const source = sourceOf(responseOf(pieces, options.headers));
  return { stream: new ChatStream(source), source };
}

/** Frames chunk objects as an SSE body, ending with `data: [DONE]` unless `done` is false. */
export function sseOf(chunks: readonly unknown[], done = true): string {
  let body = '';
  for (const chunk of chunks) body += `data: ${JSON.stringify(chunk)}\n\n`;
  return done ? `${body}data: [DONE]\n\n` : body;
}

/** Collects every chunk of a stream. */
export async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}

/** Runs `action` and returns what it threw (fails when it does not throw). */
export async function rejectionOf(action: () => unknown): Promise<unknown> {
  try {
    await action();
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection, got none');
}

/** A text chunk of choice `index` (default 0). */
export function textChunk(content: string, extra: Record<string, unknown> = {}, index = 0) {
  return {
    id: 'chatcmpl-1',
    object: 'chat.completion.chunk',
    created: 1700000000,
    model: 'gpt-4o-2024-08-06',
    choices: [{ index, delta: { content }, logprobs: null, finish_reason: null }],
    ...extra,
  };
}
