import { choiceIndex } from '../stream/chunk-assembler.js';
import type { ChunkReader } from '../stream/chunk-reader.js';
import { PartialJsonParser } from '../stream/partial-json-parser.js';
import type { ChatCompletionChunk } from '../wire/chunk.js';

/**
 * Follows the content of the first choice (index 0) as JSON, chunk by chunk: `add()` returns the value
 * when the chunk changed it and the parser says a read is due (see `PartialJsonParser.due`); `end()`
 * returns the last value if it is still to be handed out, so the last one always equals the parsed
 * answer.
 */
export class OutputPartials<T> implements ChunkReader<T> {
  readonly #parser = new PartialJsonParser();

  add(chunk: ChatCompletionChunk): T | undefined {
    const choices = chunk.choices;
    if (!Array.isArray(choices)) return undefined;
    for (let i = 0; i < choices.length; i++) {
      const choice = choices[i];
      if (choice === undefined || choiceIndex(choice.index) !== 0) continue;
      const delta = choice.delta?.content;
      if (typeof delta === 'string' && delta !== '') this.#parser.push(delta);
    }
    return this.#parser.due ? (this.#parser.value as T) : undefined;
  }

  end(): T | undefined {
    this.#parser.end();
    return this.#parser.changed ? (this.#parser.value as T) : undefined;
  }
}
