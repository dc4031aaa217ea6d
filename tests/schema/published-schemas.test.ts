// presetSchema and requestSchema as the package exports them (typed without valibot's types, see
// src/schema/published-schemas.ts): the same schemas that validatePreset() and validateRequest() run.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import * as v from 'valibot';
import { presetSchema, requestSchema } from '../../src/index.js';
import { minimal } from './valid-bodies.js';

const paths = (result: { issues?: readonly v.BaseIssue<unknown>[] | undefined }) =>
  (result.issues ?? []).map((issue) => ({
    path: v.getDotPath(issue),
    message: issue.message,
  }));

test('requestSchema passes a complete body and keeps an extra() field', () => {
  const body = { ...minimal, top_k: 5 };
  assert.equal(v.parse(requestSchema, body), body);
});

test('requestSchema applies the send rules, presetSchema does not', () => {
  assert.equal(paths(v.safeParse(requestSchema, { model: 'gpt-4o' })), [
    {
      path: 'messages',
      message: 'messages needs at least one message (add one with .user(), .system() or .messages())',
    },
  ]);
  assert.ok(v.safeParse(presetSchema, { model: 'gpt-4o' }).success);
});

test('presetSchema applies the field schemas and the preset rules, with paths', () => {
  assert.equal(paths(v.safeParse(presetSchema, { temperature: 3, top_logprobs: 2 })), [
    { path: 'temperature', message: 'temperature must be between 0 and 2' },
    { path: 'top_logprobs', message: 'top_logprobs needs logprobs: true (call .logprobs() first)' },
  ]);
});

test('both are Standard Schemas', async () => {
  const result = await presetSchema['~standard'].validate({ temperature: 3 });
  assert.equal(
    result.issues?.map((issue) => issue.message),
    ['temperature must be between 0 and 2'],
  );
  const passed = await requestSchema['~standard'].validate(minimal);
  assert.equal([passed.issues, 'value' in passed && passed.value], [undefined, minimal]);
});

test.run();
