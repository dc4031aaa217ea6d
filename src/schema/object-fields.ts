import type * as v from 'valibot';

/** The dataset of an object being checked: the issues so far, and whether its output is typed. */
export interface FieldsOutcome {
  issues?: v.BaseIssue<unknown>[] | undefined;
  typed: boolean;
}

/**
 * Adds one field's issues to its object's, for `closedObject` and `openObject`: each issue gets the
 * field in front of its path, as valibot's object schemas do. The walkers call the field's schema
 * themselves: one shared call site would see every schema of both and run slower (measured).
 */
export function addFieldIssues(
  issues: readonly v.BaseIssue<unknown>[],
  record: { readonly [key: string]: unknown },
  key: string,
  value: unknown,
  outcome: FieldsOutcome,
): void {
  const pathItem: v.ObjectPathItem = { type: 'object', origin: 'value', input: record, key, value };
  for (const issue of issues) {
    if (issue.path === undefined) (issue as { path?: unknown }).path = [pathItem];
    else issue.path.unshift(pathItem);
  }
  outcome.issues = outcome.issues === undefined ? [...issues] : outcome.issues.concat(issues);
}
