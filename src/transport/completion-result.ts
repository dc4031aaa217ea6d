import type { ChatCompletion } from '../wire/response.js';

/** What a non-streaming `send()` resolves to: the completion, plus where it came from. */
export type ChatCompletionResult = ChatCompletion & {
  /** The `x-request-id` response header (quote it to OpenAI support). Not enumerable. */
  readonly requestId: string | undefined;
  /** The raw HTTP response (its body already read). Not enumerable. */
  readonly response: Response;
};
