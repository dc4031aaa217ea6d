import { requestEntries } from './request-entries.js';

/**
 * The wire names of every Chat Completions request field chatwright knows (`model`, `messages`,
 * `temperature`...). `extra()` refuses these, so a provider-specific field never shadows a known one.
 *
 * @example
 * knownRequestFields.has('temperature'); // true
 * knownRequestFields.has('top_k'); // false: send it with .extra({ top_k: 40 })
 */
export const knownRequestFields: ReadonlySet<string> = /* @__PURE__ */ readOnlySet(
  Object.keys(requestEntries),
);

/** A Set whose mutating methods throw: `extra()` relies on this one, so nobody may shrink it. */
/* @__NO_SIDE_EFFECTS__ */
function readOnlySet(values: readonly string[]): ReadonlySet<string> {
  const set = new Set(values);
  for (const method of ['add', 'delete', 'clear'] as const) {
    Object.defineProperty(set, method, {
      value: () => {
        throw new TypeError('knownRequestFields is read-only');
      },
    });
  }
  return Object.freeze(set);
}
