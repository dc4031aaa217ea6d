import type { ValidationIssue } from '../errors/validation-error.js';
import { childPath } from '../internal/dotted-path.js';
import { type CopyContext, MAX_DEPTH } from './copy-json.js';
import { PROTOTYPE_KEYS } from './primitives.js';

/**
 * Checks, in place, a value `JSON.parse` has just made and nothing else holds: what `copyJson` would
 * refuse in it (`__proto__` keys, nesting deeper than MAX_DEPTH), with the same messages and paths,
 * and the values counted into `context.values` as copyJson counts them. Nothing is copied: a parse
 * result is already made of fresh plain objects, finite numbers and no cycles, so a copy would only
 * double the work (about a third of importing a large preset, measured). With `freeze`, every object
 * and array is frozen on the way, so the caller need not walk the tree again to freeze it.
 */
export function checkParsedJson(
  value: unknown,
  path: string,
  issues: ValidationIssue[],
  context: CopyContext,
  freeze: boolean,
): void {
  // The keys from the root to the current value: a path is only spelled out when an issue needs it.
  const keys: (string | number)[] = [];
  const pathHere = () => keys.reduce<string>(childPath, path);

  const walk = (node: unknown, depth: number): void => {
    context.values++;
    if (typeof node !== 'object' || node === null) return;
    if (depth >= MAX_DEPTH) {
      issues.push({
        path: pathHere(),
        message: `is nested more than ${MAX_DEPTH} levels deep`,
        input: undefined,
      });
      return;
    }
    if (Array.isArray(node)) {
      for (let index = 0; index < node.length; index++) {
        keys.push(index);
        walk(node[index], depth + 1);
        keys.pop();
      }
    } else {
      const record = node as { readonly [key: string]: unknown };
      // Object.keys, not for...in: an enumerable property someone added to Object.prototype is no key.
      for (const key of Object.keys(record)) {
        keys.push(key);
        if (PROTOTYPE_KEYS.has(key)) {
          issues.push({
            path: pathHere(),
            message: `the key "${key}" is not allowed (it could pollute object prototypes)`,
            input: undefined,
          });
        } else walk(record[key], depth + 1);
        keys.pop();
      }
    }
    if (freeze) Object.freeze(node);
  };
  walk(value, context.ancestors.length);
}
