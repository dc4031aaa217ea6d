import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { parseResetDuration } from '../../src/index.js';

test('the reset durations OpenAI sends', () => {
  assert.equal(
    ['6m0s', '1s', '20ms', '1h2m3.5s', '0.5s', '2m30ms', '17.28s'].map(parseResetDuration),
    [360_000, 1_000, 20, 3_723_500, 500, 120_030, 17_280],
  );
});

test('anything else is undefined', () => {
  assert.equal(['', '5', 'abc', '1s2', 's', '-1s', null, undefined].map(parseResetDuration), [
    undefined,
    undefined,
    undefined,
    undefined,
    undefined,
    undefined,
    undefined,
    undefined,
  ]);
});

test.run();
