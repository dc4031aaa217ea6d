import type { ValidationIssue } from '../errors/validation-error.js';
import { childPath } from '../internal/dotted-path.js';
import { PROTOTYPE_KEYS } from './primitives.js';

/** Deeper than any real request; guards the recursion against hostile input (a RangeError otherwise). */
export const MAX_DEPTH = 64;

function describe(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (typeof value === 'number') return String(value);
  if (typeof value !== 'object' || value === null) return `a ${typeof value}`;
  const name = (Object.getPrototypeOf(value) as { constructor?: { name?: unknown } } | null)?.constructor
    ?.name;
  return typeof name === 'string' && name !== '' ? `a ${name}` : 'an object with a custom prototype';
}

/** The walk's state: the objects above the current value (to find cycles), and how many values were copied. */
export interface CopyContext {
  readonly ancestors: object[];
  /** JSON values visited so far (objects, arrays and primitives): a measure of the input's size. */
  values: number;
}

/**
 * A deep copy of `value` made of fresh plain objects and arrays, refusing what JSON cannot hold and
 * what could pollute a prototype. Every problem is pushed to `issues` (with its dotted path) rather
 * than thrown, so one pass reports them all. Reading each property once also means a getter on the
 * input cannot hand the validator one value and the builder another.
 */
export function copyJson(
  value: unknown,
  path: string,
  issues: ValidationIssue[],
  context: CopyContext = { ancestors: [], values: 0 },
): unknown {
  context.values++;
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') {
    if (Number.isFinite(value)) return value;
    issues.push({ path, message: `must be a finite number (got ${describe(value)})`, input: value });
    return undefined;
  }
  if (typeof value !== 'object') {
    issues.push({ path, message: `must be JSON data (got ${describe(value)})`, input: value });
    return undefined;
  }
  const { ancestors } = context;
  if (ancestors.includes(value)) {
    issues.push({ path, message: 'is a circular reference', input: undefined });
    return undefined;
  }
  if (ancestors.length >= MAX_DEPTH) {
    issues.push({ path, message: `is nested more than ${MAX_DEPTH} levels deep`, input: undefined });
    return undefined;
  }
  ancestors.push(value);
  try {
    if (Array.isArray(value)) {
      const copy: unknown[] = [];
      for (let index = 0; index < value.length; index++) {
        copy.push(copyJson(value[index], childPath(path, index), issues, context));
      }
      return copy;
    }
    const prototype: unknown = Object.getPrototypeOf(value);
    if (prototype !== Object.prototype && prototype !== null) {
      issues.push({ path, message: `must be plain JSON data (got ${describe(value)})`, input: value });
      return undefined;
    }
    const source = value as { readonly [key: string]: unknown };
    const copy: { [key: string]: unknown } = {};
    for (const key of Object.keys(source)) {
      if (PROTOTYPE_KEYS.has(key)) {
        issues.push({
          path: childPath(path, key),
          message: `the key "${key}" is not allowed (it could pollute object prototypes)`,
          input: undefined,
        });
        continue;
      }
      // Safe by construction: the only key whose assignment is special, `__proto__`, was refused above.
      copy[key] = copyJson(source[key], childPath(path, key), issues, context);
    }
    return copy;
  } finally {
    ancestors.pop();
  }
}
