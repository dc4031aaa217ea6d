import { requestEntries } from './request-entries.js';

/**
 * The wire names of every Chat Completions request field chatwright knows (`model`, `messages`,
 * `temperature`...). `extra()` refuses these, so a provider-specific field never shadows a known one.
 *
 * @example
 * knownRequestFields.has('temperature'); // true
 * knownRequestFields.has('top_k'); // false: send it with .extra({ top_k: 40 })
 */
export const knownRequestFields: ReadonlySet<string> = /* @__PURE__ */ new Set(Object.keys(requestEntries));
