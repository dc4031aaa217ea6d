import type { ChatStream } from '../stream/chat-stream.js';
import type { ChatCompletionResult } from '../transport/completion-result.js';
import type { SendOptions } from '../transport/send-options.js';
import type { ChatCompletionRequest } from '../wire/request.js';

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
