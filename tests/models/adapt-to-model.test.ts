import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { adaptToModel } from '../../src/models/adapt-to-model.js';
import { forgetDeclaredModels } from '../../src/models/declared-models.js';
import { defineModels } from '../../src/models/define-models.js';
import { bodyFor, expectIssues, expectValid, user } from './support.js';

const maxTokensSource =
  '[source: create-params docstring ("not compatible with o-series models"); langchainjs #8039, #8641]';

test('max_tokens becomes max_completion_tokens on a model without max_tokens', () => {
  const input = Object.freeze(bodyFor('o3', { max_tokens: 500, stream: false }));
  const { body, changes } = adaptToModel(input);
  assert.equal(body, { model: 'o3', messages: [user], stream: false, max_completion_tokens: 500 });
  assert.equal(changes, [
    {
      path: 'max_tokens',
      from: { max_tokens: 500 },
      to: { max_completion_tokens: 500 },
      reason: `o3 does not accept max_tokens; max_completion_tokens is its documented replacement ${maxTokensSource}`,
    },
  ]);
  // A new body; the input is untouched (it is frozen: a write would have thrown).
  assert.equal(input, bodyFor('o3', { max_tokens: 500, stream: false }));
  expectValid(body);
});

test('both limits set and equal: the duplicate max_tokens goes, the value stays', () => {
  const { body, changes } = adaptToModel(bodyFor('gpt-5', { max_tokens: 64, max_completion_tokens: 64 }));
  assert.equal(body, bodyFor('gpt-5', { max_completion_tokens: 64 }));
  assert.is(changes.length, 1);
  expectValid(body);
});

test('both limits set and different: no faithful rewrite, so nothing changes and validation names it', () => {
  const input = bodyFor('gpt-5', { max_tokens: 64, max_completion_tokens: 128 });
  const result = adaptToModel(input);
  assert.is(result.body, input);
  assert.equal(result.changes, []);
  // The preset rule names the conflict; the model rule stays silent on a field that already has an issue.
  expectIssues(result.body, [
    {
      path: 'max_tokens',
      message: 'max_tokens and max_completion_tokens are both set (keep only maxCompletionTokens())',
    },
  ]);
  expectIssues(bodyFor('gpt-5', { max_tokens: 64 }), [
    {
      path: 'max_tokens',
      message: `gpt-5 does not accept max_tokens (it takes max_completion_tokens instead; use .maxCompletionTokens(), or let adaptToModel() rewrite it) ${maxTokensSource}`,
    },
  ]);
});

test('nothing is dropped: a parameter without a faithful rewrite stays for validation to name', () => {
  const input = bodyFor('o3', { temperature: 0.2, stop: 'END', max_tokens: 10 });
  const { body, changes } = adaptToModel(input);
  assert.equal(body, bodyFor('o3', { temperature: 0.2, stop: 'END', max_completion_tokens: 10 }));
  assert.equal(
    changes.map((change) => change.path),
    ['max_tokens'],
  );
});

test('bodies that already fit, unknown models and models with max_tokens come back as they are', () => {
  for (const input of [
    bodyFor('o3', { max_completion_tokens: 10 }),
    bodyFor('gpt-4o', { max_tokens: 10 }),
    bodyFor('ft:o3:acme::x', { max_tokens: 10 }),
    bodyFor('o3', { max_tokens: null }),
    { messages: [user], max_tokens: 10 },
  ]) {
    const result = adaptToModel(input);
    assert.is(result.body, input);
    assert.equal(result.changes, []);
  }
});

test('a declared model is adapted by its declared capabilities', () => {
  try {
    defineModels({ 'acme-reasoner': { extends: 'o3-mini', sources: { maxTokens: 'Acme API docs' } } });
    const { body, changes } = adaptToModel(bodyFor('acme-reasoner', { max_tokens: 5 }));
    assert.equal(body, bodyFor('acme-reasoner', { max_completion_tokens: 5 }));
    assert.is(
      changes[0]?.reason,
      'acme-reasoner does not accept max_tokens; max_completion_tokens is its documented replacement [source: Acme API docs]',
    );
  } finally {
    forgetDeclaredModels(['acme-reasoner']);
  }
});

test.run();
