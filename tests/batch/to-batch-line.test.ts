import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { BatchInputError, chat, toBatchLine } from '../../src/index.js';
import { expectError } from '../client/support.js';

test('a builder becomes the exact batch input line', () => {
  const line = toBatchLine(
    chat().model('gpt-4o-mini').system('Be brief.').user('Hi').temperature(0.2),
    'q-1',
  );
  assert.is(
    line,
    '{"custom_id":"q-1","method":"POST","url":"/v1/chat/completions","body":{"model":"gpt-4o-mini","messages":[{"role":"system","content":"Be brief."},{"role":"user","content":"Hi"}],"temperature":0.2}}',
  );
  assert.equal(JSON.parse(line), {
    custom_id: 'q-1',
    method: 'POST',
    url: '/v1/chat/completions',
    body: {
      model: 'gpt-4o-mini',
      messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: 'Hi' },
      ],
      temperature: 0.2,
    },
  });
});

test('a custom id is escaped as JSON', () => {
  const line = toBatchLine(chat().model('gpt-4o').user('Hi'), 'a "quoted"\nid');
  assert.is((JSON.parse(line) as { custom_id: string }).custom_id, 'a "quoted"\nid');
});

test('an empty custom id is refused', () => {
  let caught: unknown;
  try {
    toBatchLine(chat().model('gpt-4o').user('Hi'), '');
  } catch (error) {
    caught = error;
  }
  const error = expectError(caught, BatchInputError);
  assert.is(error.problem, 'invalid_custom_id');
  assert.is(error.customId, '');
  assert.is(error.message, 'a custom id must be a non-empty string (got "")');
});

test('an invalid request is refused with its issues and paths', () => {
  let caught: unknown;
  try {
    toBatchLine(
      chat.fromJSON({ model: 'gpt-4o', messages: [{ role: 'user', content: 'Hi' }] }).temperature(3),
      'q-7',
    );
  } catch (error) {
    caught = error;
  }
  const error = expectError(caught, BatchInputError);
  assert.is(error.problem, 'invalid_request');
  assert.is(error.customId, 'q-7');
  assert.equal(
    error.issues.map((issue) => issue.path),
    ['temperature'],
  );
  assert.ok(error.message.startsWith('q-7: Invalid chat completion request:'), error.message);
});

test.run();
