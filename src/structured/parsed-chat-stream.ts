import type { ChatStream } from '../stream/chat-stream.js';
import type { ChatCompletionChunk } from '../wire/chunk.js';
import { type ParseSpec, parseCompletion } from './parse-completion.js';
import type { ParsedChatCompletion, ParsedToolCall } from './parsed-completion.js';
import { parsePartialJson } from './partial-json.js';

/** A value still arriving: every property optional, all the way down. */
export type DeepPartial<T> = T extends readonly (infer TItem)[]
  ? DeepPartial<TItem>[]
  : T extends object
    ? { [K in keyof T]?: DeepPartial<T[K]> }
    : T;

/**
 * A streamed completion with a schema: a `ChatStream` whose `final()` is parsed and validated (the
 * structured output in `message.parsed`, typed tool calls), and which can yield the structured output
 * while it arrives (`partials()`). Like any stream it is read once: by a loop, `text()`, `partials()`
 * or `toReadableStream()`; `final()` resolves when that reader reaches the end.
 *
 * @example
 * const stream = chat().model('gpt-4o').jsonSchema(Place, { name: 'place' }).user('Paris?').stream().send();
 * for await (const partial of stream.partials()) console.log(partial.city);
 * const place = (await stream.final()).choices[0]?.message.parsed;
 */
export class ParsedChatStream<TParsed = null, TCall = ParsedToolCall>
  implements AsyncIterable<ChatCompletionChunk>
{
  readonly #stream: ChatStream;
  readonly #spec: ParseSpec;
  readonly #parsedElsewhere: (() => Promise<ParsedChatCompletion<TParsed, TCall>>) | undefined;
  #final: Promise<ParsedChatCompletion<TParsed, TCall>> | undefined;

  /**
   * `parsedElsewhere`, when given, makes the parsed completion instead of `final()` (the tool loop
   * parses each step once, collecting argument errors for the model, and hands out that result).
   */
  constructor(
    stream: ChatStream,
    spec: ParseSpec,
    parsedElsewhere?: () => Promise<ParsedChatCompletion<TParsed, TCall>>,
  ) {
    this.#stream = stream;
    this.#spec = spec;
    this.#parsedElsewhere = parsedElsewhere;
  }

  /** The HTTP response (headers and status); its body belongs to the stream. */
  get response(): Promise<Response> {
    return this.#stream.response;
  }

  /** The `x-request-id` response header, to quote to support. */
  get requestId(): Promise<string | undefined> {
    return this.#stream.requestId;
  }

  /** Iterates the raw chunks as they arrive. */
  [Symbol.asyncIterator](): AsyncIterator<ChatCompletionChunk> {
    return this.#stream[Symbol.asyncIterator]();
  }

  /** The content deltas of the first choice as strings. */
  text(): AsyncIterable<string> {
    return this.#stream.text();
  }

  /**
   * The structured output of the first choice as it arrives, parsed leniently from the JSON so far:
   * a new value each time a chunk changes it. Not validated (it is incomplete): `final()` is.
   */
  async *partials(): AsyncGenerator<DeepPartial<TParsed>, void, undefined> {
    let content = '';
    // A chunk that only adds a quote or a colon changes no value: such repeats are skipped.
    let last = '';
    for await (const chunk of this.#stream) {
      let grew = false;
      for (const choice of chunk.choices) {
        const delta = choice.index === 0 ? choice.delta?.content : undefined;
        if (delta) {
          content += delta;
          grew = true;
        }
      }
      if (!grew) continue;
      const partial = parsePartialJson(content);
      if (partial === undefined) continue;
      const json = JSON.stringify(partial);
      if (json === last) continue;
      last = json;
      yield partial as DeepPartial<TParsed>;
    }
  }

  /**
   * The completion assembled from every chunk, with the structured output parsed and validated and
   * the tool calls' arguments parsed: the same errors as a non-streaming `send()`.
   */
  final(): Promise<ParsedChatCompletion<TParsed, TCall>> {
    this.#final ??=
      this.#parsedElsewhere?.() ??
      this.#stream.final().then(async (completion) => {
        await parseCompletion(completion, this.#spec);
        return completion as unknown as ParsedChatCompletion<TParsed, TCall>;
      });
    return this.#final;
  }

  /** Cancels the request; pending reads reject with `APIUserAbortError`. */
  abort(reason?: unknown): void {
    this.#stream.abort(reason);
  }

  /** The chunks re-encoded as a `text/event-stream` body, as `ChatStream.toReadableStream()`. */
  toReadableStream(): ReadableStream<Uint8Array> {
    return this.#stream.toReadableStream();
  }
}
