import { ValidationError, type ValidationIssue } from '../errors/validation-error.js';

/**
 * The `ValidationError` of a failed validation's issues (from `validateRequest`, `validatePreset` or
 * `builder.validate()`), to throw where a request must not go further.
 *
 * @example
 * const result = validateRequest(body);
 * if (!result.success) throw toValidationError(result.issues);
 */
export function toValidationError(issues: readonly ValidationIssue[], context?: string): ValidationError {
  return context === undefined ? new ValidationError(issues) : new ValidationError(issues, context);
}
