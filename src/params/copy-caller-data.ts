import { ValidationError } from '../errors/validation-error.js';
import { childPath } from '../internal/dotted-path.js';
import { MAX_DEPTH } from '../schema/copy-json.js';

/**
 * A deep copy of the plain objects and arrays in a value a caller hands to a builder method. immer freezes whatever enters a
 * builder's state; copying first means the objects a caller passed in are never frozen or shared.
 * Non-plain values (dates, functions, class instances) are kept as they are, for validation to refuse
 * with a path; a cycle cannot be JSON and is refused here. (Imported presets go through the stricter
 * `copyJson` of src/schema/, which refuses anything but JSON data outright.)
 */
export function copyCallerData<T>(value: T, path: string): T {
  return copy(value, path, new Set()) as T;
}

function copy(value: unknown, path: string, ancestors: Set<object>): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (ancestors.has(value)) {
    throw new ValidationError([
      { path, message: 'the value refers to itself (a cycle cannot be sent as JSON)' },
    ]);
  }
  if (ancestors.size >= MAX_DEPTH) {
    throw new ValidationError([{ path, message: `is nested more than ${MAX_DEPTH} levels deep` }]);
  }
  if (Array.isArray(value)) {
    ancestors.add(value);
    const out = value.map((item, index) => copy(item, childPath(path, index), ancestors));
    ancestors.delete(value);
    return out;
  }
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return value;
  ancestors.add(value);
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const item = (value as Record<string, unknown>)[key];
    // `undefined` members are what "not set" looks like in JavaScript; the wire body never carries them.
    if (item === undefined) continue;
    // Defining (not assigning) keeps a key named `__proto__` an ordinary own property.
    Object.defineProperty(out, key, {
      value: copy(item, childPath(path, key), ancestors),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  ancestors.delete(value);
  return out;
}
