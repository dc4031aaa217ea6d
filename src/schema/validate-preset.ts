import * as v from 'valibot';
import { presetSchema } from './request-schema.js';
import { toValidationResult, type ValidationResult } from './validation-result.js';

/**
 * Checks a request under construction (a preset): every field is optional, but what is there must be
 * right, and the preset rules hold (`top_logprobs` needs `logprobs`, a named `tool_choice` needs its
 * tool...). The send rules (`model`, messages, audio) wait for `validateRequest`.
 *
 * @example
 * const result = validatePreset({ temperature: 0.2, top_logprobs: 3 });
 * // result.success === false: top_logprobs needs logprobs: true (call .logprobs() first)
 */
export function validatePreset(body: unknown): ValidationResult {
  return toValidationResult(v.safeParse(presetSchema, body));
}
