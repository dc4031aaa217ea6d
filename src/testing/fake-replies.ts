import { errorBody, type FakeAnswer, type FakeToolCall } from './fake-bodies.js';
import type { RecordedRequest } from './recorded-request.js';

/** Headers of a scripted reply (they are sent as given, after the server's own). */
export type FakeHeaders = Readonly<Record<string, string>>;

/** What every reply may add: a wait before the response starts, and extra headers. */
interface ReplyTiming {
  /** Milliseconds to wait before the status line is sent. */
  readonly delayMs?: number;
  readonly headers?: FakeHeaders;
}

/** One scripted answer of the fake server. Build them with `replies.*`. */
export type FakeReply =
  | (ReplyTiming & {
      /** Answers as JSON, or as a stream when the request asked for one (`stream: true`). */
      readonly kind: 'completion';
      readonly answer: FakeAnswer;
      readonly chunkDelayMs?: number;
    })
  | (ReplyTiming & { readonly kind: 'json'; readonly status: number; readonly body: unknown })
  | (ReplyTiming & { readonly kind: 'text'; readonly status: number; readonly body: string })
  | (ReplyTiming & {
      readonly kind: 'stream';
      readonly status: number;
      /** Objects are sent as `data: <json>\n\n`; strings are written exactly as given (raw SSE). */
      readonly events: readonly unknown[];
      readonly chunkDelayMs?: number;
      /** Sends `data: [DONE]` after the events. */
      readonly done: boolean;
      /** Destroys the connection after this many events, without ending the response. */
      readonly cutAfter?: number;
    })
  | { readonly kind: 'hang' }
  | { readonly kind: 'cut'; readonly delayMs?: number }
  | { readonly kind: 'dynamic'; readonly reply: (request: RecordedRequest) => FakeReply };

type CompletionInit = ReplyTiming & { readonly chunkDelayMs?: number };

type StreamInit = ReplyTiming & {
  readonly chunkDelayMs?: number;
  readonly done?: boolean;
  readonly cutAfter?: number;
  readonly status?: number;
};

/**
 * Factories of scripted replies for the fake server.
 *
 * @example
 * server.enqueue(
 *   replies.error(429, 'Slow down', { headers: { 'retry-after-ms': '10' } }),
 *   replies.completion('Hello!'),
 * );
 */
export const replies = {
  /** A completion answering `text`: JSON for `send()`, streamed a word a chunk for `.stream().send()`. */
  completion(text: string, init: CompletionInit = {}): FakeReply {
    return { ...init, kind: 'completion', answer: { content: text } };
  },
  /**
   * A completion calling function tools (finish reason `tool_calls`), streamed as OpenAI streams tool
   * calls when the request asked for a stream. Arguments objects are JSON-encoded.
   *
   * @example
   * server.enqueue(
   *   replies.toolCalls([{ name: 'get_weather', arguments: { city: 'Paris' } }]),
   *   replies.completion('It is sunny in Paris.'),
   * );
   */
  toolCalls(calls: readonly FakeToolCall[], init: CompletionInit = {}): FakeReply {
    return { ...init, kind: 'completion', answer: { toolCalls: calls } };
  },
  /** A structured-output answer: `value` as the message's JSON content (streamed in short runs). */
  structured(value: unknown, init: CompletionInit = {}): FakeReply {
    return { ...init, kind: 'completion', answer: { json: value } };
  },
  /** A refusal: `message.refusal` set and `content` null, as the API answers what it will not do. */
  refusal(text: string, init: CompletionInit = {}): FakeReply {
    return { ...init, kind: 'completion', answer: { refusal: text } };
  },
  /** Any JSON body with any status (200 by default). */
  json(body: unknown, init: ReplyTiming & { readonly status?: number } = {}): FakeReply {
    return { ...init, kind: 'json', status: init.status ?? 200, body };
  },
  /** A body sent as it is (a non-JSON answer, an HTML error page). */
  text(body: string, init: ReplyTiming & { readonly status?: number } = {}): FakeReply {
    return { ...init, kind: 'text', status: init.status ?? 200, body };
  },
  /** An API error: the status with the API's `{ error: {...} }` envelope. */
  error(
    status: number,
    message = `Error ${status}`,
    init: ReplyTiming & {
      readonly type?: string;
      readonly code?: string | null;
      readonly param?: string | null;
    } = {},
  ): FakeReply {
    const { type, code, param, ...timing } = init;
    return {
      ...timing,
      kind: 'json',
      status,
      body: errorBody(message, {
        ...(type === undefined ? {} : { type }),
        ...(code === undefined ? {} : { code }),
        ...(param === undefined ? {} : { param }),
      }),
    };
  },
  /** A server-sent event stream of chunk objects and/or raw strings, ending with `data: [DONE]`. */
  stream(events: readonly unknown[], init: StreamInit = {}): FakeReply {
    const { done, status, ...rest } = init;
    return { ...rest, kind: 'stream', status: status ?? 200, events, done: done ?? true };
  },
  /** Never answers: the request hangs until the client gives up (a timeout or an abort). */
  hang(): FakeReply {
    return { kind: 'hang' };
  },
  /** Cuts the connection without answering (the client sees a connection error). */
  cut(init: { readonly delayMs?: number } = {}): FakeReply {
    return { kind: 'cut', ...init };
  },
  /** Decides the reply from the request it answers. */
  dynamic(reply: (request: RecordedRequest) => FakeReply): FakeReply {
    return { kind: 'dynamic', reply };
  },
};
