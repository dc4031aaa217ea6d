import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { maxListedIssues } from '../../src/errors/validation-error.js';
import { chat, ValidationError } from '../../src/index.js';
import { presetLimits } from '../../src/schema/preset-limits.js';

/** The ValidationError `chat.fromJSON()` throws for `json`. */
function refusal(json: unknown): ValidationError {
  try {
    chat.fromJSON(json);
  } catch (error) {
    assert.instance(error, ValidationError);
    return error as ValidationError;
  }
  assert.unreachable('fromJSON accepted the preset');
  throw new Error('unreachable');
}

test('preset: a 1 MB unknown key is quoted cut, in a message of bounded length', () => {
  const key = 'x'.repeat(1_000_000);
  const error = refusal(JSON.stringify({ model: 'gpt-4o', [key]: 1 }));
  assert.is(error.issues.length, 1);
  assert.ok(error.message.length < 1_000, `message of ${error.message.length} characters`);
  assert.ok(error.message.includes('(1000000 characters)'), error.message);
  assert.not.ok(error.message.includes('did you mean'));
});

test('preset: 40,000 unknown keys get one issue each up to the cap, then one that counts the rest', () => {
  // Under the text's key limit (presetLimits.maxTextKeys): more are refused before parsing
  // (preset-text-limits.test.ts); as an object, the count is the same past it.
  const preset: Record<string, number> = { temprature: 1 };
  for (let i = 0; i < 40_000; i++) preset[`key_${i}`] = i;
  for (const input of [JSON.stringify(preset), preset]) {
    const error = refusal(input);
    const cap = presetLimits.maxUnknownFieldIssues;
    assert.is(error.issues.length, cap + 1);
    assert.is(error.issues.filter((issue) => issue.message.includes('did you mean')).length, 1);
    assert.match(error.issues[0]?.message ?? '', 'did you mean "temperature"?');
    const last = error.issues[cap];
    assert.is(last?.message, `and ${40_001 - cap} more unknown fields (not listed)`);
    assert.ok(error.message.length < 10_000, `message of ${error.message.length} characters`);
  }
});

test('preset document: 40,000 unknown fields get one issue each up to the cap, then one that counts the rest', () => {
  const document: Record<string, unknown> = { chatwright: 1, request: {}, variables: [], reqest: {} };
  for (let i = 0; i < 40_000; i++) document[`field_${i}`] = i;
  for (const input of [JSON.stringify(document), document]) {
    let error: unknown;
    try {
      chat.fromPreset(input);
    } catch (caught) {
      error = caught;
    }
    assert.instance(error, ValidationError);
    const { issues } = error as ValidationError;
    const cap = presetLimits.maxUnknownFieldIssues;
    assert.is(issues.length, cap + 1);
    assert.is(issues[0]?.message, 'unknown field "reqest" (did you mean "request"?)');
    assert.is(issues[cap]?.message, `and ${40_001 - cap} more unknown fields (not listed)`);
  }
});

test('preset: a ValidationError lists at most maxListedIssues issues in its message, each line cut', () => {
  const long = 'y'.repeat(100_000);
  const issues = Array.from({ length: 500 }, (_, i) => ({ path: `${long}.${i}`, message: long }));
  const error = new ValidationError(issues, 'Invalid preset');
  assert.is(error.issues.length, 500);
  const lines = error.message.split('\n');
  assert.is(lines.length, 1 + maxListedIssues + 1);
  assert.is(lines.at(-1), `  ... and ${500 - maxListedIssues} more (see error.issues)`);
  assert.ok(error.message.length < 20_000, `message of ${error.message.length} characters`);
});

test('preset: a large preset with many bad messages reports its first problem only, and says so', () => {
  const messages = Array.from({ length: 100_000 }, () => ({ role: 'bogus', content: 1 }));
  const text = JSON.stringify({ model: 'gpt-4o', messages });
  const error = refusal(text);
  assert.is(error.issues.length, 2);
  assert.is(error.issues[0]?.path, 'messages.0.role');
  assert.match(
    error.issues[1]?.message ?? '',
    `the preset is larger than ${presetLimits.fullReportValues} JSON values: only its first problem is reported`,
  );
});

test('preset: a small preset still lists every problem', () => {
  const messages = Array.from({ length: 3 }, () => ({ role: 'bogus', content: 1 }));
  const error = refusal(JSON.stringify({ model: 'gpt-4o', messages }));
  assert.equal(
    error.issues.map((issue) => issue.path),
    ['messages.0.role', 'messages.1.role', 'messages.2.role'],
  );
});

test.run();
