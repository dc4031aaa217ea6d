import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { ValidationError } from '../../src/errors/validation-error.js';
import { parsePreset } from '../../src/schema/parse-preset.js';
import { assertOfficialRequest } from '../support/conformance.js';

/** The issues `parsePreset` throws for `json`, as `{ path, message }`. */
function rejection(
  json: unknown,
  options?: { extra?: readonly string[] },
): Array<{ path: string; message: string }> {
  try {
    parsePreset(json, options);
  } catch (error) {
    assert.instance(error, ValidationError);
    const { issues, message } = error as ValidationError;
    assert.ok(message.startsWith('Invalid preset:\n'), message);
    return issues.map(({ path, message }) => ({ path, message }));
  }
  assert.unreachable('parsePreset did not throw');
  return [];
}

test('reads a preset from JSON text', () => {
  const text = '{"model":"gpt-4o","temperature":0.2,"messages":[{"role":"system","content":"Be terse."}]}';
  const { body, extra } = parsePreset(text);
  assert.equal(body, {
    model: 'gpt-4o',
    temperature: 0.2,
    messages: [{ role: 'system', content: 'Be terse.' }],
  });
  assert.equal(extra, {});
});

test('reads a preset from a parsed value, returning fresh deep copies', () => {
  const schema = { type: 'object', properties: { city: { type: 'string' } } };
  const input = {
    tools: [{ type: 'function', function: { name: 'get_weather', parameters: schema } }],
    top_k: 40,
  };
  const { body, extra } = parsePreset(input, { extra: ['top_k'] });
  assert.equal(body, { tools: input.tools });
  assert.equal(extra, { top_k: 40 });
  assert.is.not(body.tools, input.tools);
  assert.is.not(body.tools?.[0], input.tools[0]);
  const copied = body.tools?.[0];
  assert.ok(copied?.type === 'function');
  assert.is.not(copied.function.parameters, schema);
  assert.is.not(copied.function.parameters?.properties, schema.properties);
  assert.is(Object.getPrototypeOf(body), Object.prototype);
  assert.not.ok(Object.isFrozen(input));
});

test('a complete preset is a valid request for the official schema too', () => {
  const { body } = parsePreset({
    model: 'gpt-4o',
    messages: [{ role: 'user', content: 'Hi' }],
    logprobs: true,
    top_logprobs: 2,
  });
  assertOfficialRequest(body);
});

test('refuses text that is not JSON', () => {
  const issues = rejection('{"model": ');
  assert.is(issues.length, 1);
  assert.is(issues[0]?.path, '');
  assert.match(issues[0]?.message ?? '', /^the preset is not valid JSON \(.+\)$/);
});

test('refuses anything but a JSON object', () => {
  assert.equal(rejection('[1]'), [{ path: '', message: 'a preset must be a JSON object (got an array)' }]);
  assert.equal(rejection('null'), [{ path: '', message: 'a preset must be a JSON object (got null)' }]);
  assert.equal(rejection('"gpt-4o"'), [{ path: '', message: 'a preset must be a JSON object (got string)' }]);
  assert.equal(rejection(42), [{ path: '', message: 'a preset must be a JSON object (got number)' }]);
  assert.equal(rejection(undefined), [
    { path: '', message: 'a preset must be a JSON object (got undefined)' },
  ]);
});

test('refuses unknown top-level fields, suggesting the near name or extra', () => {
  assert.equal(rejection({ temprature: 0.2, topP: 1, top_k: 40 }), [
    {
      path: 'temprature',
      message: `unknown field "temprature" (did you mean "temperature"? If it is meant for another provider, pass { extra: ['temprature'] })`,
    },
    {
      path: 'topP',
      message: `unknown field "topP" (did you mean "top_p"? If it is meant for another provider, pass { extra: ['topP'] })`,
    },
    {
      path: 'top_k',
      message: `unknown field "top_k" (if it is meant for another provider, pass { extra: ['top_k'] })`,
    },
  ]);
});

test('refuses extra names that are known request fields', () => {
  assert.equal(rejection({ model: 'gpt-4o' }, { extra: ['model'] }), [
    { path: '', message: 'options.extra lists "model", a known request field (remove it from extra)' },
  ]);
});

test('reports malformed values and broken preset rules with their paths, all at once', () => {
  assert.equal(rejection({ temperature: 3, messages: [{ role: 'user' }], top_logprobs: 2, top_k: 1 }), [
    {
      path: 'top_k',
      message: `unknown field "top_k" (if it is meant for another provider, pass { extra: ['top_k'] })`,
    },
    { path: 'temperature', message: 'temperature must be between 0 and 2' },
    { path: 'messages.0.content', message: 'content is missing (a user message needs it)' },
    { path: 'top_logprobs', message: 'top_logprobs needs logprobs: true (call .logprobs() first)' },
  ]);
});

test('does not require the send rules: a preset may lack model and messages', () => {
  assert.equal(parsePreset('{}'), { body: {}, extra: {} });
});

test('refuses values JSON cannot hold', () => {
  const circular: Record<string, unknown> = { name: 'f' };
  circular.self = circular;
  assert.equal(
    rejection({
      temperature: Number.POSITIVE_INFINITY,
      seed: 10n,
      user: undefined,
      metadata: { at: new Date(0) },
      tools: [{ type: 'function', function: { name: 'f', parameters: circular } }],
      stop: [() => 'x'],
    }),
    [
      { path: 'temperature', message: 'must be a finite number (got Infinity)' },
      { path: 'seed', message: 'must be JSON data (got a bigint)' },
      { path: 'user', message: 'must be JSON data (got undefined)' },
      { path: 'metadata.at', message: 'must be plain JSON data (got a Date)' },
      { path: 'tools.0.function.parameters.self', message: 'is a circular reference' },
      { path: 'stop.0', message: 'must be JSON data (got a function)' },
    ],
  );
});

test('refuses nesting deeper than 64 levels', () => {
  let deep: unknown = {};
  for (let i = 0; i < 70; i++) deep = { d: deep };
  const issues = rejection({ tools: [{ type: 'function', function: { name: 'f', parameters: deep } }] });
  assert.equal(issues.length, 1);
  assert.is(issues[0]?.message, 'is nested more than 64 levels deep');
  assert.ok(issues[0]?.path.startsWith('tools.0.function.parameters.d.d.'));
});

test('prototype pollution: a top-level __proto__ is refused and Object.prototype stays clean', () => {
  const json = '{"__proto__":{"polluted":1},"model":"gpt-4o"}';
  assert.equal(rejection(json), [
    { path: '__proto__', message: 'the key "__proto__" is not allowed (it could pollute object prototypes)' },
  ]);
  assert.equal(rejection(JSON.parse(json)), [
    { path: '__proto__', message: 'the key "__proto__" is not allowed (it could pollute object prototypes)' },
  ]);
  assert.is(({} as Record<string, unknown>).polluted, undefined);
  assert.not.ok('polluted' in Object.prototype);
});

test('prototype pollution: __proto__ is refused at any depth; constructor and prototype are plain keys', () => {
  const json = JSON.stringify({
    metadata: { constructor: 'x' },
    tools: [{ type: 'function', function: { name: 'f', parameters: { properties: { prototype: {} } } } }],
    messages: [{ role: 'user', content: [{ type: 'text', text: 'x' }] }],
  }).replace('"text":"x"', '"text":"x","__proto__":{"polluted":1}');
  assert.equal(rejection(json), [
    {
      path: 'messages.0.content.0.__proto__',
      message: 'the key "__proto__" is not allowed (it could pollute object prototypes)',
    },
  ]);
  assert.not.ok('polluted' in Object.prototype);
  assert.is(Object.getPrototypeOf({}), Object.prototype);
});

test('prototype pollution: an extra field cannot smuggle __proto__ either', () => {
  assert.equal(rejection('{"top_k":{"__proto__":{"polluted":1}}}', { extra: ['top_k'] }), [
    {
      path: 'top_k.__proto__',
      message: 'the key "__proto__" is not allowed (it could pollute object prototypes)',
    },
  ]);
  assert.not.ok('polluted' in Object.prototype);
});

test('JSON text is checked in place, with the same issues as the same value parsed by the caller', () => {
  let deep = '{}';
  for (let i = 0; i < 70; i++) deep = `{"d":${deep}}`;
  const texts = [
    `{"tools":[{"type":"function","function":{"name":"f","parameters":${deep}}}]}`,
    '{"metadata":{"":{"__proto__":{"x":1}}},"messages":[{"role":"user","content":"x","__proto__":1}]}',
    '{"top_k":[[{"__proto__":null}]],"temperature":9}',
  ];
  for (const text of texts) {
    const fromText = rejection(text, { extra: ['top_k'] });
    assert.ok(fromText.length > 0);
    assert.equal(fromText, rejection(JSON.parse(text), { extra: ['top_k'] }), text);
  }
  assert.equal(
    rejection(texts[1] ?? '').map((issue) => issue.path),
    ['metadata..__proto__', 'messages.0.__proto__'],
  );
});

test('JSON text gives plain objects that are not frozen (only chat.fromJSON freezes)', () => {
  const { body, extra } = parsePreset(
    '{"model":"gpt-4o","messages":[{"role":"user","content":"x"}],"top_k":{"a":[1]}}',
    { extra: ['top_k'] },
  );
  assert.not.ok(Object.isFrozen(body));
  assert.not.ok(Object.isFrozen(body.messages));
  assert.not.ok(Object.isFrozen(body.messages?.[0]));
  assert.not.ok(Object.isFrozen(extra.top_k));
  assert.not.ok(Object.isFrozen((extra.top_k as { a: unknown }).a));
});

test('objects with a null prototype are plain data', () => {
  const bare = Object.assign(Object.create(null) as Record<string, unknown>, { model: 'gpt-4o' });
  const { body } = parsePreset(bare);
  assert.equal(body, { model: 'gpt-4o' });
  assert.is(Object.getPrototypeOf(body), Object.prototype);
});

test.run();
