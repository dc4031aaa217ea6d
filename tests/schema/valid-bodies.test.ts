import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { knownRequestFields } from '../../src/schema/known-request-fields.js';
import { validatePreset } from '../../src/schema/validate-preset.js';
import { officialChecksSoFar } from '../support/conformance.js';
import { corpusMissing } from '../support/shared-corpus.js';
import { expectValid } from './support.js';
import { validBodies } from './valid-bodies.js';

for (const [name, body] of validBodies) {
  test(`valid: ${name}`, () => {
    expectValid(body);
    assert.ok(validatePreset(body).success, 'a complete request is also a valid preset');
  });
}

/** Freezes `value` and everything inside it, as the builder's immer state is. */
function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

test('a deeply frozen body (the builder state) validates, and is left as it was', () => {
  const [, body] = validBodies[1] ?? [];
  const frozen = deepFreeze(structuredClone(body));
  const before = JSON.stringify(frozen);
  expectValid(frozen);
  assert.ok(validatePreset(frozen).success);
  assert.is(JSON.stringify(frozen), before);
});

test('the valid bodies together set every request field', () => {
  const used = new Set(validBodies.flatMap(([, body]) => Object.keys(body)));
  assert.equal(
    [...knownRequestFields].filter((field) => !used.has(field)),
    [],
  );
});

test('the valid bodies were all checked against the official schema', () => {
  if (corpusMissing('official OpenAPI schemas')) return;
  assert.ok(officialChecksSoFar() >= validBodies.length, `only ${officialChecksSoFar()} bodies checked`);
});

test.run();
