import * as assert from 'uvu/assert';
import { toValidationError } from '../../src/schema/to-validation-error.js';
import { validatePreset } from '../../src/schema/validate-preset.js';
import { validateRequest } from '../../src/schema/validate-request.js';
import { assertOfficialRequest } from '../support/conformance.js';
import { minimal } from './valid-bodies.js';

/** An issue as the tests compare it: where, and the exact sentence. */
export type Expected = { path: string; message: string };

/** A complete request with `patch` on top of the minimal one. */
export function withFields(patch: Record<string, unknown>): Record<string, unknown> {
  return { ...minimal, ...patch };
}

/** The issues of a validation, as `{ path, message }` in report order. */
export function issuesOf(
  result: ReturnType<typeof validateRequest> | ReturnType<typeof validatePreset>,
): Expected[] {
  if (result.success) return [];
  return toValidationError(result.issues).issues.map(({ path, message }) => ({ path, message }));
}

/** `body` passes `validateRequest` and OpenAI's official schema. */
export function expectValid(body: unknown): void {
  assert.equal(issuesOf(validateRequest(body)), [], JSON.stringify(body));
  assertOfficialRequest(body);
}

/** `validateRequest(body)` reports exactly `expected`. */
export function expectIssues(body: unknown, expected: Expected[]): void {
  assert.equal(issuesOf(validateRequest(body)), expected);
}

/** `validatePreset(body)` reports exactly `expected`. */
export function expectPresetIssues(body: unknown, expected: Expected[]): void {
  assert.equal(issuesOf(validatePreset(body)), expected);
}
