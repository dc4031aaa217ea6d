import type { ValidationResult } from './validation-result.js';

/** What `validate()` returns: `success`, or every issue with its dotted path and message. */
export type RequestValidation = ValidationResult;
