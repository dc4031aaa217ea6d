import type * as v from 'valibot';
import { ValidationError, type ValidationIssue } from '../errors/validation-error.js';

/** `messages.0.content` from a valibot issue path; `''` for the root. */
function dottedPath(issue: v.BaseIssue<unknown>): string {
  return issue.path === undefined ? '' : issue.path.map((item) => String(item.key)).join('.');
}

/**
 * Turns valibot issues (from `validateRequest` or `validatePreset`) into a `ValidationError` whose
 * issues have dotted paths, readable messages and the offending input.
 *
 * @example
 * const result = validateRequest(body);
 * if (!result.success) throw toValidationError(result.issues);
 */
export function toValidationError(
  issues: readonly v.BaseIssue<unknown>[],
  context?: string,
): ValidationError {
  const mapped = issues.map(
    (issue): ValidationIssue => ({ path: dottedPath(issue), message: issue.message, input: issue.input }),
  );
  return context === undefined ? new ValidationError(mapped) : new ValidationError(mapped, context);
}
