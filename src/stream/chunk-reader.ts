import type { ChatCompletionChunk } from '../wire/chunk.js';

/**
 * Turns a stream's chunks into values to hand out (the partials): `add()` sees each chunk and returns
 * a value when the chunk changed what it shows, else `undefined`; `end()` runs once after the last
 * chunk and may return a last value. Values are never `undefined`.
 */
export interface ChunkReader<T> {
  add(chunk: ChatCompletionChunk): T | undefined;
  end(): T | undefined;
}
