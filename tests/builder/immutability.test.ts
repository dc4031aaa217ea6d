import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { chat, ValidationError } from '../../src/index.js';

test('every call returns a new builder and leaves the old one unchanged', () => {
  const preset = chat().model('gpt-4o').system('Be brief.');
  const before = JSON.stringify(preset);
  const a = preset.user('First question').temperature(0.1);
  const b = preset.user('Second question').temperature(0.9);
  assert.is.not(a, preset);
  assert.is(JSON.stringify(preset), before);
  assert.equal(a.toJSON().messages?.[1], { role: 'user', content: 'First question' });
  assert.equal(b.toJSON().messages?.[1], { role: 'user', content: 'Second question' });
  assert.is(a.toJSON().temperature, 0.1);
  assert.is(b.toJSON().temperature, 0.9);
});

test('derived builders share unchanged state (structural sharing)', () => {
  const longPrompt = 'x'.repeat(10_000);
  const preset = chat()
    .model('gpt-4o')
    .system(longPrompt)
    .tool({ name: 'get_weather', parameters: { type: 'object' } });
  const a = preset.user('one');
  const b = preset.user('two');
  assert.is(a.toJSON().messages?.[0], preset.toJSON().messages?.[0]);
  assert.is(b.toJSON().messages?.[0], preset.toJSON().messages?.[0]);
  assert.is(a.toJSON().tools, preset.toJSON().tools);
});

test('toJSON() is deeply frozen', () => {
  const json = chat()
    .model('gpt-4o')
    .user([{ type: 'text', text: 'Hi' }])
    .metadata({ a: 'b' })
    .toJSON();
  assert.ok(Object.isFrozen(json));
  assert.ok(Object.isFrozen(json.messages));
  assert.ok(Object.isFrozen(json.messages?.[0]));
  assert.ok(Object.isFrozen(json.metadata));
  assert.throws(() => {
    (json as { temperature?: number }).temperature = 1;
  }, TypeError);
});

test('objects callers pass in are copied, never frozen or changed', () => {
  const parameters = { type: 'object', properties: { city: { type: 'string' } } };
  const parts = [{ type: 'text' as const, text: 'Hi' }];
  const metadata = { team: 'billing' };
  const history = [{ role: 'user' as const, content: 'Earlier' }];
  const schema = { type: 'object', properties: {}, additionalProperties: false };
  const extra = { options: { num_ctx: 4096 } };
  const builder = chat()
    .model('gpt-4o')
    .messages(history)
    .user(parts)
    .metadata(metadata)
    .tool({ name: 'get_weather', parameters })
    .jsonSchema(schema, { name: 'out' })
    .extra(extra);
  for (const value of [
    parameters,
    parameters.properties,
    parts,
    parts[0],
    metadata,
    history,
    history[0],
    schema,
    extra,
    extra.options,
  ]) {
    assert.not.ok(Object.isFrozen(value), 'a caller object was frozen');
  }
  // Later changes to the caller's objects do not reach the builder.
  parameters.properties.city.type = 'number';
  parts[0]!.text = 'changed';
  metadata.team = 'changed';
  history.push({ role: 'user', content: 'added later' });
  extra.options.num_ctx = 1;
  const json = builder.toJSON() as Record<string, any>;
  assert.is(json.tools[0].function.parameters.properties.city.type, 'string');
  assert.is(json.messages[1].content[0].text, 'Hi');
  assert.is(json.metadata.team, 'billing');
  assert.is(json.messages.length, 2);
  assert.is(json.options.num_ctx, 4096);
});

test('undefined members of caller objects are dropped, never sent', () => {
  const json = chat()
    .model('gpt-4o-search-preview')
    .user('Hi')
    .webSearch({ search_context_size: undefined as unknown as 'low' })
    .toJSON();
  assert.equal(json.web_search_options, {});
  assert.not.ok(JSON.stringify(json).includes('undefined'));
});

test('a cycle in caller data is refused with its path', () => {
  const parameters: Record<string, unknown> = { type: 'object' };
  parameters.self = parameters;
  try {
    chat().tool({ name: 'loop', parameters });
    assert.unreachable('a cyclic schema was accepted');
  } catch (error) {
    assert.instance(error, ValidationError);
    assert.equal((error as ValidationError).issues[0]?.path, 'parameters.self');
  }
});

test('a key named __proto__ in caller data stays data and pollutes nothing', () => {
  const parameters = JSON.parse('{"type":"object","__proto__":{"polluted":true}}');
  const json = chat().tool({ name: 'x', parameters }).toJSON() as Record<string, any>;
  assert.is(({} as Record<string, unknown>).polluted, undefined);
  assert.ok(Object.hasOwn(json.tools[0].function.parameters, '__proto__'));
});

test('a builder is safe to share: the same preset sends many different requests', () => {
  const preset = chat().model('gpt-4o').system('Be brief.');
  const bodies = Array.from({ length: 100 }, (_, i) => preset.user(`question ${i}`).toJSON());
  assert.is(new Set(bodies.map((b) => JSON.stringify(b))).size, 100);
  assert.is(preset.toJSON().messages?.length, 1);
});

test.run();
