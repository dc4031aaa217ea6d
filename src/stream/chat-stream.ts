import { APIError } from '../errors/api-error.js';
import { apiErrorFromStatus } from '../errors/api-error-from-status.js';
import { ChatwrightError } from '../errors/chatwright-error.js';
import { APIConnectionError } from '../errors/connection-error.js';
import { IncompleteStreamError } from '../errors/incomplete-stream-error.js';
import { StreamParseError } from '../errors/stream-parse-error.js';
import { APITimeoutError } from '../errors/timeout-error.js';
import { APIUserAbortError } from '../errors/user-abort-error.js';
import { cutText } from '../internal/cut-text.js';
import { IdleWatch } from '../transport/idle-watch.js';
import { errorBodyLimit } from '../transport/read-error-body.js';
import { chunkShapeProblem, invalidResponse } from '../transport/response-shape.js';
import type { ChatCompletionChunk } from '../wire/chunk.js';
import type { ChatCompletion } from '../wire/response.js';
import { ChunkAssembler } from './chunk-assembler.js';
import type { ChunkReader } from './chunk-reader.js';
import { SseParser } from './sse-parser.js';
import { type PartialToolCall, ToolCallPartials } from './tool-call-partials.js';

/**
 * Where a ChatStream reads from. Built by the client; also usable directly to wrap any SSE
 * `Response` (a recorded body, a proxied stream) in a ChatStream.
 *
 * @example
 * const body = new Response('data: {"id":"c","object":"chat.completion.chunk","created":0,"model":"m","choices":[]}\n\ndata: [DONE]\n\n');
 * const stream = new ChatStream({ response: Promise.resolve(body), abort() {} });
 */
export interface StreamSource {
  /**
   * The HTTP response whose body is the SSE stream, already retried and status-checked, or a
   * rejection with a ChatwrightError.
   */
  readonly response: Promise<Response>;
  /** Cancels the underlying request. */
  abort(reason?: unknown): void;
  /**
   * The request's abort signal, when there is one. Lets a failed body read be told apart: aborted
   * for a timeout (the reason is an `APITimeoutError`), aborted by the caller, or a network failure.
   */
  readonly signal?: AbortSignal | undefined;
  /**
   * Milliseconds the body may stay silent between two reads before the stream fails with
   * `APITimeoutError` (the client passes its `timeout`); none when absent.
   */
  readonly idleTimeout?: number | undefined;
  /** Told of the stream's first chunk and of its end (the client's spans, hooks and logs). */
  readonly observer?: StreamObserver | undefined;
}

/** What a stream tells its observer. Calls are made once each, in this order; errors are not its. */
export interface StreamObserver {
  firstChunk(): void;
  completed(completion: ChatCompletion): void;
  failed(error: unknown): void;
}

type State = 'open' | 'done' | 'failed';

let valuesOf: <T>(stream: ChatStream, owner: string, reader: ChunkReader<T>) => AsyncIterableIterator<T>;

/**
 * Reads a stream for the values a reader makes from its chunks (a `ParsedChatStream`'s partials), the
 * way `toolCallPartials()` does. Not public: the stream's fast path to its parsed chunks stays private.
 */
export function readValues<T>(
  stream: ChatStream,
  owner: string,
  reader: ChunkReader<T>,
): AsyncIterableIterator<T> {
  return valuesOf(stream, owner, reader);
}

const DONE: IteratorReturnResult<undefined> = Object.freeze({ done: true, value: undefined });
const noop = (): void => {};

/**
 * A streamed chat completion: iterate it for the chunks, or `text()` for the content deltas, or await
 * `final()` for the assembled `ChatCompletion`, or pipe `toReadableStream()` into a server response.
 *
 * A stream is read once: a second consumer (iterating again, or `text()` after a loop) throws a
 * `ChatwrightError` saying who is already reading it, instead of silently getting nothing. `final()`
 * is not a consumer when someone else reads the stream: it resolves when they reach the end.
 *
 * @example
 * const stream = chat().model('gpt-4o').user('Tell me a story').stream().send();
 * for await (const chunk of stream) process.stdout.write(chunk.choices[0]?.delta?.content ?? '');
 * const completion = await stream.final();
 * console.log(completion.usage?.total_tokens);
 */
export class ChatStream implements AsyncIterable<ChatCompletionChunk> {
  static {
    valuesOf = (stream, owner, reader) => stream.#values(owner, reader);
  }

  readonly #source: StreamSource;
  readonly #assembler = new ChunkAssembler();
  readonly #final: Promise<ChatCompletion>;
  #resolveFinal: (completion: ChatCompletion) => void = noop;
  #rejectFinal: (error: unknown) => void = noop;

  /** Who reads the stream (named in the "already read by" error); undefined while nobody does. */
  #owner: string | undefined;
  #state: State = 'open';
  #error: unknown;
  #aborted = false;
  #abortReason: unknown;
  #sawDone = false;
  #idle: IdleWatch | undefined;
  /** Whether any SSE event arrived: from then on a failure is not worth sending the request again. */
  #sawEvent = false;
  /** The body's text while no event has come (up to errorBodyLimit): a gateway's error, if none ever does. */
  #preamble = '';
  readonly #preambleDecoder = new TextDecoder();

  #reader: ReadableStreamDefaultReader<Uint8Array> | undefined;
  #headers: Headers | undefined;
  #requestId: string | undefined;
  readonly #parser: SseParser;
  /** Chunks parsed from the last read and not yet handed out; `#head` is the next one. */
  readonly #queue: ChatCompletionChunk[] = [];
  #head = 0;
  /** Calls of next() not yet settled, and the last of them: later calls queue behind it. */
  #waiting = 0;
  #tail: Promise<unknown> = Promise.resolve();

  constructor(source: StreamSource) {
    this.#source = source;
    this.#final = new Promise<ChatCompletion>((resolve, reject) => {
      this.#resolveFinal = resolve;
      this.#rejectFinal = reject;
    });
    // Marked handled: a stream that fails while nobody awaits final() must not crash the process.
    // Callers of final() still receive the rejection.
    this.#final.catch(noop);
    source.response.catch(noop);
    this.#parser = new SseParser((data, event) => this.#onEvent(data, event));
    const limit = source.idleTimeout;
    // Watched from the headers on, read or not: a stream nobody reads must not hold its socket forever.
    if (limit !== undefined) {
      source.response.then(() => {
        if (this.#state === 'open') this.#idle = ChatStream.#watchIdle(new WeakRef(this), source, limit);
      }, noop);
    }
  }

  /** The HTTP response (headers and status); its body belongs to the stream, do not read it. */
  get response(): Promise<Response> {
    return this.#source.response;
  }

  /** The `x-request-id` response header, to quote to support; `undefined` when absent. */
  get requestId(): Promise<string | undefined> {
    const id = this.#source.response.then((response) => response.headers.get('x-request-id') ?? undefined);
    // A derived promise nobody may await: marked handled so a failed request does not crash the
    // process; a caller who awaits it still gets the rejection.
    id.catch(noop);
    return id;
  }

  /**
   * Iterates the chunks as they arrive. Leaving the loop early (`break`, `return`, a throw) cancels
   * the request; `final()` then rejects with `IncompleteStreamError`.
   */
  [Symbol.asyncIterator](): AsyncIterator<ChatCompletionChunk> {
    return this.#claim('a for await loop');
  }

  /**
   * The content deltas of the first choice (index 0) as strings, skipping empty ones.
   *
   * @example
   * for await (const text of chat().model('gpt-4o').user('Hi').stream().send().text()) process.stdout.write(text);
   */
  text(): AsyncIterable<string> {
    const chunks = this.#claim('text()');
    let started = false;
    return {
      [Symbol.asyncIterator]: () => {
        if (started)
          throw new ChatwrightError('This text() iterable was already iterated; a stream is read once.');
        started = true;
        return contentOf(chunks);
      },
    };
  }

  /**
   * The function tool calls of the first choice while they stream, their arguments parsed leniently
   * (a key or number still arriving is left out): after each chunk that changed them, the list of
   * every call so far. A call that did not change is the same object as before, and its arguments
   * share unchanged subtrees with the previous ones. Each chunk costs work proportional to its own
   * text, however long the arguments grow. Reads the stream, like a loop; `final()` still resolves.
   *
   * @example
   * const stream = chat()
   *   .model('gpt-4o')
   *   .tool({ name: 'get_weather', parameters: { type: 'object', properties: { city: { type: 'string' } } } })
   *   .user('Weather in Paris?')
   *   .stream()
   *   .send();
   * for await (const calls of stream.toolCallPartials()) console.log(calls[0]?.arguments);
   */
  toolCallPartials(): AsyncIterableIterator<readonly PartialToolCall[]> {
    return this.#values('toolCallPartials()', new ToolCallPartials());
  }

  /**
   * Resolves to the completion assembled from every chunk: what a non-streaming request would have
   * returned. Reads the stream itself when nobody iterates it; after (or during) a loop it resolves
   * when the loop reaches the end, always to the same object.
   */
  final(): Promise<ChatCompletion> {
    if (this.#owner === undefined) {
      const chunks = this.#claim('final()');
      void drain(chunks);
    }
    return this.#final;
  }

  /**
   * Cancels the request. Pending and later reads reject with `APIUserAbortError`, or with the
   * `reason` itself when it is an `APITimeoutError`. Does nothing once the stream has ended.
   */
  abort(reason?: unknown): void {
    if (this.#state !== 'open') return;
    this.#aborted = true;
    this.#abortReason = reason;
    this.#source.abort(reason);
    this.#fail(abortError(reason));
  }

  /**
   * The chunks re-encoded as a `text/event-stream` body (`data: {chunk}\n\n` ... `data: [DONE]\n\n`),
   * ready to return from a server handler. An error mid-stream becomes a final
   * `event: error` / `data: {"error": {...}}` event (then the body ends without `[DONE]`), which any
   * OpenAI-compatible client, and ChatStream itself, reads as a stream error. Cancelling the body
   * (the client went away) cancels the upstream request.
   *
   * @example
   * const stream = chat().model('gpt-4o').user('Hi').stream().send();
   * return new Response(stream.toReadableStream(), { headers: { 'content-type': 'text/event-stream' } });
   */
  toReadableStream(): ReadableStream<Uint8Array> {
    const chunks = this.#claim('toReadableStream()');
    const encoder = new TextEncoder();
    return new ReadableStream<Uint8Array>({
      async pull(controller) {
        try {
          const next = await chunks.next();
          if (next.done) {
            controller.enqueue(encoder.encode('data: [DONE]\n\n'));
            controller.close();
          } else {
            controller.enqueue(encoder.encode(`data: ${JSON.stringify(next.value)}\n\n`));
          }
        } catch (error) {
          controller.enqueue(
            encoder.encode(`event: error\ndata: ${JSON.stringify({ error: errorBody(error) })}\n\n`),
          );
          controller.close();
        }
      },
      async cancel() {
        await chunks.return?.();
      },
    });
  }

  /**
   * The values a reader makes from the chunks (partials), as an async iterator that claims the stream at
   * its first `next()`. Chunks already parsed from the last read are taken synchronously: a value costs
   * one promise, not an async hop per chunk (an async generator costs about as much as the whole rest
   * of a chunk's work in bench/structured-stream.bench.ts).
   */
  #values<T>(owner: string, reader: ChunkReader<T>): AsyncIterableIterator<T> {
    let chunks: AsyncIterator<ChatCompletionChunk> | undefined;
    let ended = false;
    /** Calls of next() not yet settled, and the last of them: a later call waits in line behind it. */
    let busy = 0;
    let last: Promise<IteratorResult<T>> | undefined;
    // Made once: a closure made per value costs measurably at a value per chunk.
    const settled = (): void => {
      busy--;
    };
    const pull = async (): Promise<IteratorResult<T>> => {
      chunks ??= this.#claim(owner);
      for (;;) {
        if (ended) return DONE;
        while (this.#waiting === 0 && this.#head < this.#queue.length) {
          const value = reader.add(this.#queue[this.#head++] as ChatCompletionChunk);
          if (value !== undefined) return { done: false, value };
        }
        const next = await chunks.next();
        if (next.done) {
          ended = true;
          const value = reader.end();
          return value === undefined ? DONE : { done: false, value };
        }
        const value = reader.add(next.value);
        if (value !== undefined) return { done: false, value };
      }
    };
    const iterator: AsyncIterableIterator<T> = {
      next: () => {
        // A caller who asks again before the last answer settled waits in line, so values keep their order.
        const result = busy === 0 || last === undefined ? pull() : last.then(pull, pull);
        busy++;
        last = result;
        result.then(settled, settled);
        return result;
      },
      return: async () => {
        ended = true;
        await chunks?.return?.();
        return DONE;
      },
      [Symbol.asyncIterator]: () => iterator,
    };
    return iterator;
  }

  /** Makes the caller the one reader of the stream, or throws a clear error if someone else is. */
  #claim(owner: string): AsyncIterator<ChatCompletionChunk> {
    if (this.#owner !== undefined) {
      throw new ChatwrightError(
        `This stream is already read by ${this.#owner}; a stream can be read once. ` +
          'Await final() after (or during) the loop for the assembled completion.',
      );
    }
    this.#owner = owner;
    return {
      next: () => this.#next(),
      return: () => {
        this.#leave();
        return Promise.resolve(DONE);
      },
    };
  }

  #next(): Promise<IteratorResult<ChatCompletionChunk>> {
    // Hot path: hand out a chunk already parsed from the last read without entering an async function.
    if (this.#waiting === 0 && this.#head < this.#queue.length) {
      const value = this.#queue[this.#head++] as ChatCompletionChunk;
      return Promise.resolve({ done: false, value });
    }
    // Otherwise wait in line: a caller may call next() again before the last call settled, and
    // each call must get the next chunk in order.
    this.#waiting++;
    const result = this.#tail.then(() => this.#pull());
    const settled = (): void => {
      this.#waiting--;
    };
    result.then(settled, settled);
    this.#tail = result.catch(noop);
    return result;
  }

  async #pull(): Promise<IteratorResult<ChatCompletionChunk>> {
    for (;;) {
      if (this.#head < this.#queue.length) {
        return { done: false, value: this.#queue[this.#head++] as ChatCompletionChunk };
      }
      this.#queue.length = 0;
      this.#head = 0;
      if (this.#state === 'done') return DONE;
      if (this.#state === 'failed') throw this.#error;
      await this.#read();
    }
  }

  /** Reads one piece of the body and parses it; settles the stream at its end or on an error. */
  async #read(): Promise<void> {
    try {
      const reader = this.#reader ?? (await this.#open());
      this.#idle?.waiting();
      const { done, value } = await reader.read();
      this.#idle?.served();
      if (this.#aborted) throw this.#abortReason;
      if (done) {
        this.#reader = undefined;
        this.#parser.end();
        if (!this.#sawEvent && this.#preamble.trim() !== '') {
          throw notAStreamError(this.#preamble + this.#preambleDecoder.decode(), this.#headers);
        }
        if (!this.#sawDone) {
          const count = this.#assembler.count;
          throw new IncompleteStreamError(
            `The stream ended without its "data: [DONE]" terminator after ${count} chunk${count === 1 ? '' : 's'}: the connection was closed early.`,
            { chunks: count, requestId: this.#requestId },
          );
        }
      } else {
        if (!this.#sawEvent && this.#preamble.length < errorBodyLimit) {
          this.#preamble += this.#preambleDecoder.decode(value, { stream: true });
        }
        this.#parser.feed(value);
      }
      if (this.#sawDone) this.#complete();
    } catch (error) {
      this.#fail(this.#toError(error));
    }
  }

  /**
   * The idle watch of a stream, holding it only weakly: a stream dropped unread can still be collected
   * (its span ends then, see StreamWatch), and the timer then releases the request by itself. Made
   * here, not in a closure of the constructor, whose context would keep the stream alive.
   */
  static #watchIdle(stream: WeakRef<ChatStream>, source: StreamSource, limit: number): IdleWatch {
    return new IdleWatch(limit, () => {
      const alive = stream.deref();
      if (alive !== undefined) alive.#onIdle(limit);
      else releaseSource(source, idleError(limit));
    });
  }

  /** The body stayed silent for the idle timeout (see IdleWatch). */
  #onIdle(limit: number): void {
    const error = idleError(limit);
    if (this.#reader !== undefined) {
      // Aborting the request makes a pending read reject with this reason (see #toError).
      this.#source.abort(error);
      return;
    }
    // Nobody opened the body: release the request, and fail the stream now.
    releaseSource(this.#source, error);
    this.#fail(error);
  }

  async #open(): Promise<ReadableStreamDefaultReader<Uint8Array>> {
    const response = await this.#source.response;
    if (this.#aborted) {
      response.body?.cancel().catch(noop);
      throw this.#abortReason;
    }
    this.#headers = response.headers;
    this.#requestId = response.headers.get('x-request-id') ?? undefined;
    if (response.body === null) {
      throw new IncompleteStreamError('The response has no body to stream.', {
        chunks: 0,
        requestId: this.#requestId,
      });
    }
    const reader = response.body.getReader();
    this.#reader = reader;
    return reader;
  }

  #onEvent(data: string, event: string | undefined): void {
    if (this.#sawDone) return;
    this.#sawEvent = true;
    // Named events other than `error` (proxies' pings and the like) carry no chunk.
    if (event !== undefined && event !== 'message' && event !== 'error') return;
    if (data === '[DONE]') {
      this.#sawDone = true;
      return;
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(data);
    } catch (cause) {
      if (event === 'error') throw apiErrorFromStatus(undefined, data, this.#headers);
      throw new StreamParseError(data, { requestId: this.#requestId, cause });
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      if (event === 'error') throw apiErrorFromStatus(undefined, parsed, this.#headers);
      throw new StreamParseError(data, { requestId: this.#requestId });
    }
    if (event === 'error' || (parsed as { error?: unknown }).error != null) {
      throw apiErrorFromStatus(undefined, parsed, this.#headers);
    }
    const problem = chunkShapeProblem(parsed);
    if (problem !== undefined) {
      throw invalidResponse(`a streamed chunk is not a chat completion chunk: ${problem}`, {
        status: undefined,
        headers: this.#headers,
      });
    }
    const chunk = parsed as ChatCompletionChunk;
    // Some servers send a usage-only chunk without `choices`: readers may count on the list.
    chunk.choices ??= [];
    this.#assembler.add(chunk);
    this.#queue.push(chunk);
    if (this.#assembler.count === 1) this.#source.observer?.firstChunk();
  }

  #complete(): void {
    if (this.#state !== 'open') return;
    this.#state = 'done';
    this.#release();
    const completion = this.#assembler.result();
    this.#source.observer?.completed(completion);
    this.#resolveFinal(completion);
  }

  #fail(error: unknown): void {
    if (this.#state !== 'open') return;
    this.#state = 'failed';
    this.#error = error;
    // Chunks parsed before the error are still handed out, except after an abort: the caller asked to stop.
    if (this.#aborted) {
      this.#queue.length = 0;
      this.#head = 0;
    }
    this.#release();
    this.#source.observer?.failed(error);
    this.#rejectFinal(error);
  }

  /** The reader stopped early (break in a loop, a cancelled ReadableStream). */
  #leave(): void {
    if (this.#state !== 'open') return;
    const count = this.#assembler.count;
    this.#source.abort();
    this.#fail(
      new IncompleteStreamError(
        `The stream was left after ${count} chunk${count === 1 ? '' : 's'}, before its end; the request was cancelled.`,
        { chunks: count, requestId: this.#requestId },
      ),
    );
  }

  /** Cancels the body so no reader or socket outlives the stream (after `[DONE]` the rest is ignored). */
  #release(): void {
    this.#idle?.stop();
    const reader = this.#reader;
    this.#reader = undefined;
    if (reader !== undefined) reader.cancel().catch(noop);
  }

  #toError(error: unknown): unknown {
    if (error instanceof ChatwrightError) return error;
    const signal = this.#source.signal;
    if (this.#aborted) return abortError(this.#abortReason);
    if (signal?.aborted) return abortError(signal.reason);
    // A fetch body read rejects with the abort reason itself: a DOMException `AbortError` without
    // one, or whatever value the caller passed (network failures are always `TypeError`s).
    if (!(error instanceof Error) || error.name === 'AbortError') return abortError(error);
    // After the first event the server is generating (and billing): the client never sends it again,
    // and `retryable: false` tells fanOut and callers the same.
    return new APIConnectionError('The connection failed while the stream was being read.', {
      cause: error,
      retryable: !this.#sawEvent,
    });
  }
}

/**
 * The error a 2xx body with no event in it stands for (a gateway's JSON error or HTML page under a
 * 200 status; the content type cannot tell, as real streams come labelled `application/json` too): the
 * API error it carries, or its start.
 */
function notAStreamError(text: string, headers: Headers | undefined): APIError {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  if (typeof parsed === 'object' && parsed !== null && (parsed as { error?: unknown }).error != null) {
    return apiErrorFromStatus(undefined, parsed, headers, text);
  }
  return invalidResponse(`the response is not an event stream: ${JSON.stringify(cutText(text, 200))}`, {
    status: undefined,
    headers,
  });
}

function abortError(reason: unknown): ChatwrightError {
  if (reason instanceof APITimeoutError) return reason;
  return new APIUserAbortError(undefined, reason === undefined ? undefined : { cause: reason });
}

async function drain(chunks: AsyncIterator<ChatCompletionChunk>): Promise<void> {
  try {
    while (!(await chunks.next()).done) {
      // Only the assembled result is wanted; the chunks are already folded in.
    }
  } catch {
    // The error already rejected final(), which is what the caller awaits.
  }
}

async function* contentOf(
  chunks: AsyncIterator<ChatCompletionChunk>,
): AsyncGenerator<string, void, undefined> {
  try {
    for (;;) {
      const next = await chunks.next();
      if (next.done) return;
      const choices = next.value.choices;
      for (let i = 0; i < choices.length; i++) {
        const choice = choices[i];
        if (choice?.index === 0) {
          const content = choice.delta?.content;
          if (content) yield content;
        }
      }
    }
  } finally {
    await chunks.return?.();
  }
}

function errorBody(error: unknown): {
  message: string;
  type: string | null;
  code: string | null;
  param: string | null;
} {
  if (error instanceof APIError) {
    return {
      message: error.error?.message ?? error.message,
      type: error.type ?? null,
      code: error.code ?? null,
      param: error.param ?? null,
    };
  }
  const message = error instanceof Error ? error.message : String(error);
  const type = error instanceof Error ? error.name : 'Error';
  return { message, type, code: null, param: null };
}

/**
 * A stream that fails with `error` when read, having sent nothing: where a stream reports a request
 * that could not start (invalid, no API key, a bad option), as it reports every other failure.
 */
export function failedStream(error: unknown): ChatStream {
  return new ChatStream({ response: Promise.reject(error), abort: noop });
}

/** The error of a stream silent for the idle timeout. */
function idleError(limit: number): APITimeoutError {
  return new APITimeoutError(`The stream sent nothing for ${limit} ms.`, { retryable: false });
}

/** Aborts a stream's request and cancels its unread body, which releases the connection. */
function releaseSource(source: StreamSource, reason: unknown): void {
  source.abort(reason);
  source.response.then((response) => response.body?.cancel().catch(noop), noop);
}
