import * as v from 'valibot';
import { addFieldIssues, type FieldsOutcome } from './object-fields.js';
import { isJsonObject, PROTOTYPE_KEYS } from './primitives.js';

export interface Entry {
  /** The field's schema without its `exactOptional` / `nullable` wrappers. */
  readonly schema: v.GenericSchema;
  /** Whether `null` is accepted (the field was wrapped in `nullable`). */
  readonly nullable: boolean;
}

/**
 * The entries by key, their optional/nullable wrappers resolved once here instead of on every parse
 * (each wrapper is one more call per field). A `Map`, so that no input key can reach a prototype.
 */
export function unwrapEntries(entries: v.ObjectEntries): ReadonlyMap<string, Entry> {
  const map = new Map<string, Entry>();
  for (const [key, entry] of Object.entries(entries)) {
    let schema = entry as v.GenericSchema & {
      readonly wrapped?: v.GenericSchema;
      readonly default?: unknown;
    };
    if (schema.type !== 'exact_optional') throw new TypeError(`openObject: ${key} must be exactOptional`);
    schema = schema.wrapped as typeof schema;
    const nullable = schema.type === 'nullable' && schema.default === undefined;
    if (nullable) schema = schema.wrapped as typeof schema;
    map.set(key, { schema, nullable });
  }
  return map;
}

/**
 * The request body's top-level object: valibot's `looseObject` (known fields checked, unknown ones
 * kept for `extra()`), with a faster run. `looseObject` visits every known entry (37 here) on every
 * parse; a typical body sets six, so this one visits the input's own keys instead, which made the
 * whole validation about twice as fast. Two deliberate differences: arrays are not objects here, and a
 * `__proto__` key is reported rather than silently dropped.
 * Entries must all be optional: a missing key is never reported (send-rules.ts reports `model` and
 * `messages` with a builder hint).
 */
/* @__NO_SIDE_EFFECTS__ */
export function openObject<const TEntries extends v.ObjectEntries>(entries: TEntries, message: string) {
  const loose = v.looseObject(entries, message);
  const known = unwrapEntries(entries);
  type Output = ReturnType<(typeof loose)['~run']>;
  return v._standardSchema<typeof loose>({
    ...loose,
    '~run'(dataset, config) {
      const input: unknown = dataset.value;
      if (!isJsonObject(input)) {
        v._addIssue(this, 'type', dataset, config);
        return dataset as unknown as Output;
      }
      const record = input as { readonly [key: string]: unknown };
      const output: { [key: string]: unknown } = {};
      const outcome = dataset as unknown as FieldsOutcome & { value: unknown };
      outcome.typed = true;
      for (const key of Object.keys(record)) {
        const value = record[key];
        const entry = known.get(key);
        if (entry === undefined) {
          if (!PROTOTYPE_KEYS.has(key)) output[key] = value;
          else {
            outcome.typed = false;
            outcome.issues ??= [];
            outcome.issues.push({
              kind: 'schema',
              type: 'loose_object',
              input: value,
              expected: 'never',
              received: `"${key}"`,
              message: `the key "${key}" is not allowed (it could pollute object prototypes)`,
              path: [{ type: 'object', origin: 'key', input: record, key, value }],
            });
          }
          continue;
        }
        if (value === null && entry.nullable) {
          output[key] = null;
          continue;
        }
        const result = entry.schema['~run']({ value }, config);
        if (result.issues !== undefined) addFieldIssues(result.issues, record, key, value, outcome);
        if (!result.typed) outcome.typed = false;
        if (result.issues !== undefined && config.abortEarly) {
          outcome.typed = false;
          break;
        }
        output[key] = result.value;
      }
      outcome.value = output;
      return dataset as unknown as Output;
    },
  });
}
