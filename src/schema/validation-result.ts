import type { ValidationIssue } from '../errors/validation-error.js';

/**
 * What validating a request gives: `success`, or every issue with its dotted path, its message and
 * the offending input. Our own shape, frozen, whatever library does the checking.
 *
 * @example
 * const result = chat().model('gpt-4o').user('Hi').temperature(3).validate();
 * if (!result.success) console.log(result.issues); // [{ path: 'temperature', message: 'temperature must be between 0 and 2', input: 3 }]
 */
export type ValidationResult =
  | { readonly success: true; readonly issues?: undefined }
  | { readonly success: false; readonly issues: readonly ValidationIssue[] };

/** The result of every request that passes: one frozen object. */
export const validationPassed: ValidationResult = Object.freeze({ success: true });

/**
 * What this module reads of a schema library's issue; valibot's `BaseIssue` has these and more. Written
 * out rather than imported: this module is public, and its declarations must load no valibot types
 * (checking valibot's declarations costs a project without `skipLibCheck` about 170,000 instantiations).
 */
interface CheckedIssue {
  readonly message: string;
  readonly input: unknown;
  readonly path?: readonly { readonly key: unknown }[] | undefined;
}

/** valibot's result in our shape: `messages.0.content` paths, messages and inputs. */
export function toValidationResult(result: {
  readonly success: boolean;
  readonly issues?: readonly CheckedIssue[] | undefined;
}): ValidationResult {
  if (result.success || result.issues === undefined) return validationPassed;
  const issues = result.issues.map(
    (issue): ValidationIssue =>
      Object.freeze({ path: dottedPath(issue), message: issue.message, input: issue.input }),
  );
  return Object.freeze({ success: false, issues: Object.freeze(issues) });
}

/** `messages.0.content` from a valibot issue path; `''` for the root. */
function dottedPath(issue: CheckedIssue): string {
  return issue.path === undefined ? '' : issue.path.map((item) => String(item.key)).join('.');
}
