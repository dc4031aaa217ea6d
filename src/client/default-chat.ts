import { createChat } from '../builder/chat.js';
import { defaultDispatcher } from './default-client.js';

/**
 * Starts a builder that sends through the default client, configured from the environment
 * (`OPENAI_API_KEY`, `OPENAI_BASE_URL`, `OPENAI_ORG_ID`, `OPENAI_PROJECT_ID`) when it sends. For other
 * settings, use `createClient(options).chat()`.
 *
 * @example
 * const support = chat().model('gpt-4o').system('You answer billing questions.').temperature(0.2);
 * const reply = await support.user('Why was I charged twice?').send();
 */
export const chat = /* @__PURE__ */ createChat(defaultDispatcher);
