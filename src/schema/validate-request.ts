import * as v from 'valibot';
import { requestSchema } from './request-schema.js';

/**
 * Checks a request about to be sent: every field, the preset rules and the send rules (`model`, at
 * least one message, audio with its modality). Returns valibot's result; on failure every issue
 * carries its path. Turn the issues into a `ValidationError` with `toValidationError`.
 *
 * @example
 * const result = validateRequest({ model: 'gpt-4o', messages: [{ role: 'user', content: 'Hi' }], temperature: 3 });
 * if (!result.success) throw toValidationError(result.issues);
 * // ValidationError: temperature: temperature must be between 0 and 2
 * @see https://platform.openai.com/docs/api-reference/chat/create
 */
export function validateRequest(body: unknown): v.SafeParseResult<typeof requestSchema> {
  return v.safeParse(requestSchema, body);
}
