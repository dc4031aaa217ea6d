import type * as v from 'valibot';
import { declarationsVersion } from '../models/declared-models.js';
import type { Body, Report, Rule } from '../models/rule.js';
import { type Entry, unwrapEntries } from './open-object.js';
import { presetRules } from './preset-rules.js';
import { PROTOTYPE_KEYS } from './primitives.js';
import { requestEntries } from './request-entries.js';
import { sendRules } from './send-rules.js';

/*
 * Incremental validation. A verdict is what validating a body concluded, kept so that a body derived
 * from it is checked only where it differs: the fields it changed, each against its own schema (for an
 * array that only grew, its new items), and the cross-field rules that read one of them (a rule's
 * `reads` lists every field it reads). Every other rule keeps its earlier outcome. A verdict only says
 * pass or fail: the issues of a failing request come from the full valibot pass
 * (validate-request.ts), so both ways report the same.
 */

/** The outcome of validating one body whose every field is valid: the rules it breaks, if any. */
export interface Verdict {
  /** Indexes of the cross-field rules this body breaks; empty when the whole request is valid. */
  readonly failing: readonly number[];
  /** The model declarations it was made under: a `defineModels()` call since then makes it stale. */
  readonly declarations: number;
}

/** A field that differs from the base body. */
export interface ChangedField {
  readonly key: string;
  /** For an array field that only grew: its length in the base body (only later items are new). */
  readonly grewFrom?: number;
}

const fields: ReadonlyMap<string, Entry> = /* @__PURE__ */ unwrapEntries(requestEntries);
const rules: readonly Rule[] = [...presetRules, ...sendRules];
/** For each field, the indexes of the rules that read it. */
const readers: ReadonlyMap<string, readonly number[]> = /* @__PURE__ */ indexReaders(rules);

function indexReaders(list: readonly Rule[]): Map<string, number[]> {
  const map = new Map<string, number[]>();
  list.forEach((rule, index) => {
    for (const field of rule.reads) {
      const indexes = map.get(field);
      if (indexes === undefined) map.set(field, [index]);
      else indexes.push(index);
    }
  });
  return map;
}

const none: readonly number[] = Object.freeze([]);

/** A verdict needs pass or fail only: the first issue settles a field (the full pass words them). */
const config: v.Config<v.BaseIssue<unknown>> = { abortEarly: true };

/** Whether `value` is a valid `key` field; for an array that grew, whether its new items are. */
function fieldIsValid(key: string, value: unknown, grewFrom: number | undefined): boolean {
  if (PROTOTYPE_KEYS.has(key)) return false;
  const entry = fields.get(key);
  // Unknown keys are `extra()` fields: JSON data checked when they were added, no schema here.
  if (entry === undefined) return true;
  if (value === null && entry.nullable) return true;
  const schema = entry.schema as v.GenericSchema & {
    readonly item?: v.GenericSchema;
    readonly pipe?: unknown;
  };
  if (
    grewFrom !== undefined &&
    schema.type === 'array' &&
    schema.pipe === undefined &&
    Array.isArray(value)
  ) {
    const item = schema.item as v.GenericSchema;
    for (let index = grewFrom; index < value.length; index++) {
      if (item['~run']({ value: value[index] }, config).issues !== undefined) return false;
    }
    return true;
  }
  return schema['~run']({ value }, config).issues === undefined;
}

/**
 * The verdict on `body`, built on `base` (the verdict of the body it was derived from) where only the
 * `changed` fields differ. Without a usable base every field and rule is checked. `undefined` when a
 * field is invalid: such a body gets its issues from the full pass, and is no base for others.
 */
export function deriveVerdict(
  base: Verdict | undefined,
  changed: readonly ChangedField[],
  body: Body,
): Verdict | undefined {
  const declarations = declarationsVersion();
  const everything = base === undefined || base.declarations !== declarations;
  // Which rules to run: all, or those reading a changed field.
  const rerun = new Uint8Array(rules.length).fill(everything ? 1 : 0);
  if (everything) {
    for (const key of Object.keys(body)) if (!fieldIsValid(key, body[key], undefined)) return undefined;
  } else {
    for (const { key, grewFrom } of changed) {
      if (Object.hasOwn(body, key) && !fieldIsValid(key, body[key], grewFrom)) return undefined;
      for (const index of readers.get(key) ?? none) rerun[index] = 1;
    }
  }
  // A new report per pass: the model rules share their context per (body, report) pair, and a body
  // checked again after a defineModels() call must not get the context from before it.
  let broke = false;
  const report: Report = () => {
    broke = true;
  };
  const failing: number[] = [];
  for (let index = 0; index < rules.length; index++) {
    if (rerun[index] === 1) {
      broke = false;
      (rules[index] as Rule).check(body, report);
      if (!broke) continue;
    } else if (!base?.failing.includes(index)) {
      continue;
    }
    failing.push(index);
  }
  return { failing: failing.length === 0 ? none : failing, declarations };
}
