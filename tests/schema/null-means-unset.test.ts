import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { chat } from '../../src/client/default-chat.js';
import { expectIssues, expectValid, withFields } from './support.js';

// `null` has one meaning wherever the official schema takes it: "not set". Every rule reads it so.

test('a rule that needs a field set reads null as unset', () => {
  expectIssues(withFields({ logprobs: null, top_logprobs: 2 }), [
    { path: 'top_logprobs', message: 'top_logprobs needs logprobs: true (call .logprobs() first)' },
  ]);
  expectIssues(withFields({ stream: null, stream_options: { include_usage: true } }), [
    { path: 'stream_options', message: 'stream_options needs stream: true (call .stream() first)' },
  ]);
});

test('a rule against a field set reads null as unset', () => {
  expectValid(withFields({ max_tokens: null, max_completion_tokens: 100 }));
  expectValid(withFields({ model: 'o3', temperature: null, top_p: null, logprobs: null, stop: null }));
  expectValid(withFields({ modalities: null, audio: null }));
  expectValid(withFields({ stream_options: null }));
});

test('null is refused where the official schema refuses it', () => {
  expectIssues(withFields({ tools: null }), [{ path: 'tools', message: 'tools must be an array of tools' }]);
  expectIssues(withFields({ user: null }), [{ path: 'user', message: 'user must be a string' }]);
  expectIssues(withFields({ web_search_options: null }), [
    { path: 'web_search_options', message: 'web_search_options must be an object' },
  ]);
});

test('an imported null stays on the wire as written, and a null-free body has none', () => {
  const imported = chat.fromJSON(
    '{"model":"gpt-4o","messages":[{"role":"user","content":"Hi"}],"temperature":null}',
  );
  assert.is(
    JSON.stringify(imported),
    '{"model":"gpt-4o","messages":[{"role":"user","content":"Hi"}],"temperature":null}',
  );
  assert.is(imported.validate().success, true);
  assert.is(
    JSON.stringify(imported.unset('temperature')),
    '{"model":"gpt-4o","messages":[{"role":"user","content":"Hi"}]}',
  );
});

test.run();
