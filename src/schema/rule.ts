import * as v from 'valibot';
import { isJsonObject } from './primitives.js';

/** A request body as the cross-field rules see it: already through the field schemas, maybe with issues. */
export type Body = { readonly [key: string]: unknown };

/** Reports one broken rule at `path` (wire keys and array indexes from the body's root). */
export type Report = (path: readonly (string | number)[], message: string, input: unknown) => void;

/** A cross-field rule: the top-level fields it reads, and the check. */
export interface Rule {
  /**
   * Every top-level field the check reads (tests/schema/rule-reads.test.ts proves the lists complete).
   * A builder derived from a validated one re-runs only the rules that read a field it changed; and
   * when one of these fields already has an issue, the rule is skipped: its verdict would be noise.
   */
  readonly reads: readonly string[];
  /** Runs even when a field it reads is malformed: for rules that only look at which fields are set. */
  readonly runsWhenBroken?: boolean;
  readonly check: (body: Body, report: Report) => void;
}

/** Set and not `null` (the wire's two ways of saying "not set"). */
export function isSet(value: unknown): boolean {
  return value !== undefined && value !== null;
}

/** A non-empty array. */
export function hasItems(value: unknown): value is readonly unknown[] {
  return Array.isArray(value) && value.length > 0;
}

/** Whether the body asks for audio output (`'audio'` in `modalities`). */
export function wantsAudio(body: Body): boolean {
  return Array.isArray(body.modalities) && body.modalities.includes('audio');
}

/** The valibot path of `keys` inside `body`, so the issue points where the fix goes. */
function pathItems(
  body: Body,
  keys: readonly (string | number)[],
): [v.UnknownPathItem, ...v.UnknownPathItem[]] {
  let parent: unknown = body;
  const items: v.UnknownPathItem[] = [];
  for (const key of keys) {
    const value = isJsonObject(parent) || Array.isArray(parent) ? (parent as Body)[key] : undefined;
    items.push({ type: 'unknown', origin: 'value', input: parent, key, value });
    parent = value;
  }
  return items as [v.UnknownPathItem, ...v.UnknownPathItem[]];
}

/**
 * One `rawCheck` running a list of rules over the whole body. A single action (rather than one
 * `forward(check())` per rule) keeps the hot path to one call, and lets each issue carry its own path,
 * including paths into arrays (`tools.1.function.name`) that `forward` cannot express.
 */
/* @__NO_SIDE_EFFECTS__ */
export function ruleCheck<TBody>(rules: readonly Rule[]) {
  return v.rawCheck<TBody>(({ dataset, addIssue }) => {
    const body = dataset.value;
    if (!isJsonObject(body)) return;
    // Fields that already failed their own schema: rules reading them stay silent.
    let broken: Set<unknown> | undefined;
    if (dataset.issues) broken = new Set(dataset.issues.map((issue) => issue.path?.[0]?.key));
    const report: Report = (path, message, input) =>
      addIssue({ message, input, path: pathItems(body, path) });
    for (const rule of rules) {
      if (broken !== undefined && !rule.runsWhenBroken && rule.reads.some((field) => broken.has(field)))
        continue;
      rule.check(body, report);
    }
  });
}
