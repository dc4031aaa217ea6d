import * as v from 'valibot';
import type { Body, Report, Rule } from '../models/rule.js';
import { isJsonObject } from './primitives.js';

// The valibot action that runs the cross-field rules, apart from the rules' shape (models/rule.ts): the
// builder's declarations reach that file, and must load no valibot types (checking valibot's declarations
// costs a project without `skipLibCheck` about 170,000 instantiations).

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
