import * as v from 'valibot';
import { requestSchema } from './request-schema.js';
import { toValidationResult, type ValidationResult } from './validation-result.js';

/**
 * Checks a request about to be sent: every field, the preset rules and the send rules (`model`, at
 * least one message, audio with its modality). On failure every issue carries its dotted path and
 * message. Turn the issues into a `ValidationError` with `toValidationError`.
 *
 * @example
 * const result = validateRequest({ model: 'gpt-4o', messages: [{ role: 'user', content: 'Hi' }], temperature: 3 });
 * if (!result.success) throw toValidationError(result.issues);
 * // ValidationError: temperature: temperature must be between 0 and 2
 * @see https://platform.openai.com/docs/api-reference/chat/create
 */
export function validateRequest(body: unknown): ValidationResult {
  return toValidationResult(v.safeParse(requestSchema, body));
}
