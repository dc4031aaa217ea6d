import { ChatwrightError } from './chatwright-error.js';

/**
 * An event of a stream was not a JSON object: the server (or a proxy in between) sent something
 * that is not a Chat Completions chunk. `data` holds the event's raw text.
 *
 * @example
 * try { for await (const chunk of chat().model('gpt-4o').user('Hi').stream().send()) void chunk; }
 * catch (error) { if (error instanceof StreamParseError) console.log(error.data); }
 */
export class StreamParseError extends ChatwrightError {
  override name = 'StreamParseError' as const;
  /** The raw `data` of the offending event. */
  readonly data: string;
  /** The `x-request-id` response header, when the server sent one. */
  readonly requestId: string | undefined;

  constructor(data: string, options: { requestId?: string | undefined; cause?: unknown }) {
    const shown = data.length > 120 ? `${data.slice(0, 120)}...` : data;
    super(
      `A stream event is not a JSON object: ${JSON.stringify(shown)}`,
      options.cause === undefined ? undefined : { cause: options.cause },
    );
    this.data = data;
    this.requestId = options.requestId;
  }
}
