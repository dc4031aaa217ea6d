import type { ChatStream } from '../stream/chat-stream.js';
import type { ChatCompletionRequest } from '../wire/request.js';
import type { ChatCompletion } from '../wire/response.js';

/** Per-request options of `send()`. Each overrides the client's setting for this request only. */
export interface SendOptions {
  /** Aborts the request or stream; it then fails with `APIUserAbortError`. */
  readonly signal?: AbortSignal | undefined;
  /** Milliseconds before the request fails with `APITimeoutError`. */
  readonly timeout?: number | undefined;
  /** How many times to retry a retryable failure. */
  readonly maxRetries?: number | undefined;
  /** Extra headers for this request (a `null` value removes a client default header). */
  readonly headers?: Readonly<Record<string, string | null>> | undefined;
  /** Extra query parameters for this request (Azure's `api-version`, for one). */
  readonly query?: Readonly<Record<string, string>> | undefined;
  /** The idempotency key sent on every attempt; a fresh one per `send()` when absent. */
  readonly idempotencyKey?: string | undefined;
}

/** What a non-streaming `send()` resolves to: the completion, plus where it came from. */
export type ChatCompletionResult = ChatCompletion & {
  /** The `x-request-id` response header (quote it to OpenAI support). Not enumerable. */
  readonly requestId: string | undefined;
  /** The raw HTTP response (its body already read). Not enumerable. */
  readonly response: Response;
};

/** What a builder says about itself next to the body: its `.name()`, for spans, hooks and logs. */
export interface RequestMeta {
  readonly name: string | undefined;
}

/**
 * What a builder sends through: a client. The builder hands it a validated wire body; the client
 * owns HTTP, retries, timeouts and errors. Internal contract between the builder and the client.
 */
export interface Dispatcher {
  /** Whether spans record prompts, answers and tool arguments (`telemetry.captureContent`). */
  readonly captureContent: boolean;
  /** `text`: the body as JSON text, when the caller has it (a builder splices it from its preset's). */
  complete(
    body: ChatCompletionRequest,
    options?: SendOptions,
    text?: string,
    meta?: RequestMeta,
  ): Promise<ChatCompletionResult>;
  stream(body: ChatCompletionRequest, options?: SendOptions, text?: string, meta?: RequestMeta): ChatStream;
}
