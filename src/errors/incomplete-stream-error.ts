import { ChatwrightError } from './chatwright-error.js';

/**
 * A stream stopped before its `data: [DONE]` terminator: the connection was closed early, or the
 * consumer left the loop, so there is no complete result. Never a silent partial completion.
 *
 * @example
 * try { await chat().model('gpt-4o').user('Hi').stream().send().final(); }
 * catch (error) { if (error instanceof IncompleteStreamError) console.log(error.chunks, 'chunks arrived'); }
 */
export class IncompleteStreamError extends ChatwrightError {
  override name = 'IncompleteStreamError' as const;
  /** How many chunks arrived before the stream stopped. */
  readonly chunks: number;
  /** The `x-request-id` response header, when the server sent one. */
  readonly requestId: string | undefined;

  constructor(message: string, options: { chunks: number; requestId?: string | undefined; cause?: unknown }) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.chunks = options.chunks;
    this.requestId = options.requestId;
  }
}
