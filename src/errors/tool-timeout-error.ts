import { ChatwrightError } from './chatwright-error.js';

/**
 * A tool of the tool loop ran past its timeout (`tool({ timeout })`, or `run({ toolTimeout })`): its
 * signal was aborted with this error and its result is no longer awaited. Under the default
 * `toolErrors: 'report'` the model is told and the loop goes on; under `'throw'` `run()` rejects with it.
 *
 * @example
 * try { await chat().model('gpt-4o').tool(search).user('Find it').run({ toolTimeout: 10_000, toolErrors: 'throw' }); }
 * catch (error) { if (error instanceof ToolTimeoutError) console.log(error.toolName, error.timeout); }
 */
export class ToolTimeoutError extends ChatwrightError {
  override name = 'ToolTimeoutError' as const;
  readonly toolName: string;
  readonly toolCallId: string;
  /** The limit that passed, in milliseconds. */
  readonly timeout: number;

  constructor(init: { toolName: string; toolCallId: string; timeout: number }) {
    super(`the tool "${init.toolName}" took longer than ${init.timeout} ms and was stopped`);
    this.toolName = init.toolName;
    this.toolCallId = init.toolCallId;
    this.timeout = init.timeout;
  }
}
