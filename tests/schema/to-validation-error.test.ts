import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { ChatwrightError } from '../../src/errors/chatwright-error.js';
import { ValidationError } from '../../src/errors/validation-error.js';
import { toValidationError } from '../../src/schema/to-validation-error.js';
import { validatePreset } from '../../src/schema/validate-preset.js';
import { validateRequest } from '../../src/schema/validate-request.js';
import { withFields } from './support.js';

test('turns valibot issues into a ValidationError with dotted paths, messages and inputs', () => {
  const result = validateRequest(
    withFields({ temperature: 3, messages: [{ role: 'user', content: [{ type: 'text', text: 5 }] }] }),
  );
  assert.not.ok(result.success);
  const error = toValidationError(result.issues ?? []);
  assert.instance(error, ValidationError);
  assert.instance(error, ChatwrightError);
  assert.is(error.name, 'ValidationError');
  assert.equal(error.issues, [
    { path: 'messages.0.content.0.text', message: 'text must be a string', input: 5 },
    { path: 'temperature', message: 'temperature must be between 0 and 2', input: 3 },
  ]);
  assert.is(
    error.message,
    'Invalid chat completion request:\n' +
      '  - messages.0.content.0.text: text must be a string\n' +
      '  - temperature: temperature must be between 0 and 2',
  );
});

test('the root path is the empty string', () => {
  const result = validateRequest('hello');
  const error = toValidationError(result.issues ?? []);
  assert.equal(error.issues, [
    { path: '', message: 'a chat completion request must be an object', input: 'hello' },
  ]);
  assert.is(
    error.message,
    'Invalid chat completion request:\n  - (body): a chat completion request must be an object',
  );
});

test('cross-field issues carry their path and the offending value', () => {
  const result = validatePreset({
    tools: [{ type: 'function', function: { name: 'a' } }],
    tool_choice: { type: 'function', function: { name: 'b' } },
  });
  assert.equal(toValidationError(result.issues ?? []).issues, [
    {
      path: 'tool_choice.function.name',
      message: 'tool_choice names "b" but no function tool of that name was added (add it with .tool())',
      input: 'b',
    },
  ]);
});

test('a missing field reports undefined as its input', () => {
  const error = toValidationError(
    validateRequest({ messages: [{ role: 'user', content: 'Hi' }] }).issues ?? [],
  );
  assert.equal(error.issues, [
    { path: 'model', message: 'model is required (call .model() first)', input: undefined },
  ]);
});

test('takes an optional context for the message', () => {
  const error = toValidationError(validatePreset({ n: 0 }).issues ?? [], 'Invalid preset');
  assert.is(error.message, 'Invalid preset:\n  - n: n must be a positive integer');
});

test('the issues are frozen', () => {
  const error = toValidationError(validatePreset({ n: 0 }).issues ?? []);
  assert.ok(Object.isFrozen(error.issues));
});

test("validation results are our own frozen shape, never the checking library's", () => {
  const failed = validateRequest({
    model: 'gpt-4o',
    messages: [{ role: 'user', content: 'Hi' }],
    temperature: 3,
  });
  assert.equal(failed, {
    success: false,
    issues: [{ path: 'temperature', message: 'temperature must be between 0 and 2', input: 3 }],
  });
  assert.ok(Object.isFrozen(failed) && Object.isFrozen(failed.issues) && Object.isFrozen(failed.issues?.[0]));
  const passed = validateRequest({ model: 'gpt-4o', messages: [{ role: 'user', content: 'Hi' }] });
  assert.equal(passed, { success: true });
  assert.equal(validatePreset({ top_logprobs: 2 }), {
    success: false,
    issues: [
      {
        path: 'top_logprobs',
        message: 'top_logprobs needs logprobs: true (call .logprobs() first)',
        input: 2,
      },
    ],
  });
});

test.run();
