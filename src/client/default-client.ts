import type { Dispatcher } from '../builder/dispatcher.js';
import { ClientDispatcher } from './client-dispatcher.js';
import { normalizeClientOptions } from './client-options.js';

let dispatcher: ClientDispatcher | undefined;

/**
 * The dispatcher of the top-level `chat()`: a client with default options that reads
 * `OPENAI_API_KEY`, `OPENAI_BASE_URL`, `OPENAI_ORG_ID` and `OPENAI_PROJECT_ID` each time it sends, so
 * setting them after import (a test, dotenv) still works. A missing key is a `ClientOptionsError`.
 *
 * @example
 * const reply = await defaultDispatcher().complete({ model: 'gpt-4o', messages: [{ role: 'user', content: 'Hi' }] });
 */
export function defaultDispatcher(): Dispatcher {
  dispatcher ??= new ClientDispatcher(normalizeClientOptions());
  return dispatcher;
}
