import * as assert from 'uvu/assert';
import { toValidationError } from '../../src/schema/to-validation-error.js';
import { validateRequest } from '../../src/schema/validate-request.js';
import { assertOfficialRequest } from '../support/conformance.js';

/** An issue as the tests compare it: where, and the exact sentence. */
export type Expected = { path: string; message: string };

/** Every issue of a full validation (fields, preset, send and model rules), in report order. */
export function issuesOf(body: unknown): Expected[] {
  const result = validateRequest(body);
  if (result.success) return [];
  return toValidationError(result.issues).issues.map(({ path, message }) => ({ path, message }));
}

/** `body` passes validation with the model rules and OpenAI's official schema. */
export function expectValid(body: unknown): void {
  assert.equal(issuesOf(body), [], JSON.stringify(body));
  assertOfficialRequest(body);
}

/** Validation reports exactly `expected`. */
export function expectIssues(body: unknown, expected: Expected[]): void {
  assert.equal(issuesOf(body), expected, JSON.stringify(body));
}

export const user = { role: 'user', content: 'Hi' } as const;

/** A complete request for `model` with `patch` on top. */
export function bodyFor(model: string, patch: Record<string, unknown> = {}): Record<string, unknown> {
  return { model, messages: [user], ...patch };
}

export const weather = {
  type: 'function',
  function: { name: 'get_weather', parameters: { type: 'object', properties: {} } },
} as const;
