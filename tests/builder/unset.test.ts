import { test } from 'uvu';
import * as assert from 'uvu/assert';
import * as v from 'valibot';
import { chat, tool, ValidationError } from '../../src/index.js';
import { expectWire } from '../support/wire.js';

// A shared preset that set sampling parameters, retargeted at a reasoning model that takes none.
const support = chat().model('gpt-4o').system('You answer billing questions.').temperature(0.2).topP(0.9);

test('unset() removes fields from the body, and a preset can change course', () => {
  const retargeted = support.unset('temperature', 'top_p').model('o3').user('Why was I charged twice?');
  expectWire(retargeted, {
    model: 'o3',
    messages: [
      { role: 'system', content: 'You answer billing questions.' },
      { role: 'user', content: 'Why was I charged twice?' },
    ],
  });
  // The preset itself is unchanged.
  assert.is(support.toJSON().temperature, 0.2);
  // @ts-expect-error o3 does not accept temperature (the runtime rule is the one under test)
  assert.is(support.model('o3').user('x').validate().success, false);
});

test('unset() then set again writes the new value; unsetting a field never set changes nothing', () => {
  expectWire(support.unset('temperature').temperature(1.2).user('Hi'), {
    model: 'gpt-4o',
    messages: [
      { role: 'system', content: 'You answer billing questions.' },
      { role: 'user', content: 'Hi' },
    ],
    top_p: 0.9,
    temperature: 1.2,
  });
  const plain = chat().model('gpt-4o').user('Hi');
  expectWire(plain.unset('seed'), { model: 'gpt-4o', messages: [{ role: 'user', content: 'Hi' }] });
});

test('the rules see the removal: unsetting logprobs refuses a top_logprobs left behind', () => {
  const builder = chat().model('gpt-4o').user('Hi').logprobs().topLogprobs(2);
  const result = builder.unset('logprobs').validate();
  assert.is(result.success, false);
  assert.equal(
    result.issues?.map((issue) => issue.message),
    ['top_logprobs needs logprobs: true (call .logprobs() first)'],
  );
  expectWire(builder.unset('logprobs', 'top_logprobs'), {
    model: 'gpt-4o',
    messages: [{ role: 'user', content: 'Hi' }],
  });
});

test('unsetting tools or the response format forgets the schemas they parsed answers with', () => {
  const weather = tool({ name: 'get_weather', parameters: v.object({ city: v.string() }) });
  const builder = chat()
    .model('gpt-4o')
    .user('Hi')
    .tool(weather)
    .jsonSchema(v.object({ city: v.string() }), { name: 'place' });
  expectWire(builder.unset('tools', 'response_format'), {
    model: 'gpt-4o',
    messages: [{ role: 'user', content: 'Hi' }],
  });
});

test('an imported preset can drop what it carried, nulls included', () => {
  const imported = chat.fromJSON({ model: 'gpt-4o', temperature: null, seed: 7 });
  assert.equal(imported.toJSON(), { model: 'gpt-4o', temperature: null, seed: 7 });
  assert.equal(imported.unset('temperature', 'seed').toJSON(), { model: 'gpt-4o' });
});

test('unset() takes wire names only: anything else is a ValidationError', () => {
  const unsetAny = support.unset as (...fields: string[]) => unknown;
  try {
    unsetAny.call(support, 'temperature', 'topP');
    assert.unreachable('unset() accepted a builder method name');
  } catch (error) {
    assert.instance(error, ValidationError);
    assert.equal(
      (error as ValidationError).issues.map((issue) => issue.message),
      ['unset() takes request fields by their wire names; "topP" is not one'],
    );
  }
});

test.run();
