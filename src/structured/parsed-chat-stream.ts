import { type ChatStream, readValues } from '../stream/chat-stream.js';
import type { PartialToolCall } from '../stream/tool-call-partials.js';
import type { ChatCompletionChunk } from '../wire/chunk.js';
import { OutputPartials } from './output-partials.js';
import { type ParseSpec, parseCompletion } from './parse-completion.js';
import type { ParsedChatCompletion, ParsedToolCall } from './parsed-completion.js';

/** A value still arriving: every property optional, all the way down. */
export type DeepPartial<T> = T extends readonly (infer TItem)[]
  ? DeepPartial<TItem>[]
  : T extends object
    ? { [K in keyof T]?: DeepPartial<T[K]> }
    : T;

/**
 * The partial view of a parsed tool call type: for a schema tool, its name and its arguments with every
 * property optional; a union of tools gives a union discriminated by `name`.
 */
export type inferPartialToolCall<TCall> = TCall extends {
  type: 'function';
  function: { name: infer TName extends string; parsed_arguments: infer TArgs };
}
  ? PartialToolCall<TName, DeepPartial<TArgs>>
  : never;

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
   * a new value after each chunk that changed it (a key, a number or a literal still arriving is left
   * out). Successive values share every subtree that did not change: compare by identity to re-render
   * only what changed; a value once yielded never changes. Each chunk costs work proportional to its
   * own text (with very wide arrays or objects open, a value comes every few chunks instead, see
   * `PartialJsonParser.due`); the last value equals the parsed output. Not validated (it is
   * incomplete): `final()` is.
   */
  partials(): AsyncIterableIterator<DeepPartial<TParsed>> {
    return readValues(this.#stream, 'partials()', new OutputPartials<DeepPartial<TParsed>>());
  }

  /**
   * The function tool calls of the first choice while they stream, typed by their tools: after each
   * chunk that changed them, every call so far with its arguments parsed leniently (as `partials()`
   * does for the output). Not validated: `final()` is.
   *
   * @example
   * for await (const calls of stream.toolCallPartials()) {
   *   for (const call of calls) if (call.name === 'get_weather') console.log(call.arguments?.city);
   * }
   */
  toolCallPartials(): AsyncIterableIterator<readonly inferPartialToolCall<TCall>[]> {
    return this.#stream.toolCallPartials() as AsyncIterableIterator<readonly inferPartialToolCall<TCall>[]>;
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
