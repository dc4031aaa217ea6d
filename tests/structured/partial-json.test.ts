import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { parsePartialJson } from '../../src/index.js';

const test = suite('parsePartialJson');

test('every prefix of a document parses to what is complete so far', () => {
  const text =
    '{"city": "San Francisco", "tags": ["a", "b\\"c"], "n": -12.5, "ok": true, "nested": {"x": null}}';
  const seen = new Set<string>();
  for (let end = 0; end <= text.length; end++)
    seen.add(JSON.stringify(parsePartialJson(text.slice(0, end)) ?? null));
  assert.equal(
    [...seen],
    [
      'null',
      '{}',
      '{"city":""}',
      ...Array.from('San Francisco', (_, i) => `{"city":"${'San Francisco'.slice(0, i + 1)}"}`),
      '{"city":"San Francisco","tags":[]}',
      '{"city":"San Francisco","tags":[""]}',
      '{"city":"San Francisco","tags":["a"]}',
      '{"city":"San Francisco","tags":["a",""]}',
      '{"city":"San Francisco","tags":["a","b"]}',
      '{"city":"San Francisco","tags":["a","b\\""]}',
      '{"city":"San Francisco","tags":["a","b\\"c"]}',
      '{"city":"San Francisco","tags":["a","b\\"c"],"n":-12.5}',
      '{"city":"San Francisco","tags":["a","b\\"c"],"n":-12.5,"ok":true}',
      '{"city":"San Francisco","tags":["a","b\\"c"],"n":-12.5,"ok":true,"nested":{}}',
      '{"city":"San Francisco","tags":["a","b\\"c"],"n":-12.5,"ok":true,"nested":{"x":null}}',
    ],
  );
});

test('a key cut in half, or one without its value, is left out', () => {
  assert.equal(parsePartialJson('{"a": 1, "bc'), { a: 1 });
  assert.equal(parsePartialJson('{"a": 1, "b\\"'), { a: 1 });
  assert.equal(parsePartialJson('{"a": 1, "b": '), { a: 1 });
});

test('unicode escapes, complete or cut', () => {
  assert.equal(parsePartialJson('{"a": "caf\\u00e9"}'), { a: 'café' });
  assert.equal(parsePartialJson('{"a": "caf\\u00'), { a: 'caf' });
});

test('text that is not JSON gives undefined', () => {
  assert.is(parsePartialJson('Sure! Here is'), undefined);
  assert.is(parsePartialJson('{"a" 1}'), undefined);
  assert.is(parsePartialJson(''), undefined);
});

test('a key named __proto__ stays an own property', () => {
  const value = parsePartialJson('{"__proto__": {"polluted": true}}') as Record<string, unknown>;
  assert.equal(Object.keys(value), ['__proto__']);
  assert.is(({} as Record<string, unknown>).polluted, undefined);
});

test.run();
