import type { ValidationIssue } from '../errors/validation-error.js';
import type { RequestValidation } from '../schema/request-validation.js';
import { validateRequest } from '../schema/validate-request.js';

/**
 * What `validate()` gives for a preset (a builder with unfilled template variables): a failure whose
 * first issues are the missing variables, each at the path of the text that holds it, followed by
 * whatever else is wrong with the body. Frozen, as every `validate()` result is.
 */
export function missingVariablesResult(
  body: Readonly<Record<string, unknown>>,
  missing: readonly ValidationIssue[],
): RequestValidation {
  const rest = validateRequest(body).issues ?? [];
  const issues = [...missing.map((issue) => Object.freeze({ ...issue })), ...rest];
  return Object.freeze({ success: false, issues: Object.freeze(issues) });
}
