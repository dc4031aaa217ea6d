import * as assert from 'uvu/assert';
import { assertOfficialRequest } from './conformance.js';

/**
 * Asserts a builder's exact wire body (`toJSON()` and what `JSON.stringify` makes of it) and, for a
 * complete request, that chatwright and OpenAI's official request schema both accept it.
 */
export function expectWire(
  builder: { toJSON(): unknown; validate(): { success: boolean; issues?: unknown } },
  expected: Record<string, unknown>,
): void {
  const json = builder.toJSON();
  assert.equal(json, expected);
  assert.equal(JSON.parse(JSON.stringify(builder)), expected);
  assert.ok(Object.isFrozen(json), 'toJSON() is frozen');
  if ('model' in expected && 'messages' in expected) {
    const result = builder.validate();
    assert.ok(result.success, `chatwright rejected a valid body: ${JSON.stringify(result.issues)}`);
    assertOfficialRequest(json);
  }
}
