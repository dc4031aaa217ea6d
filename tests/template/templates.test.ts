import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { BatchInputError, chat, imagePart, template, textPart, ValidationError } from '../../src/index.js';
import { clientOf, expectError, rejection, thrown, withServer } from '../client/support.js';
import { presetOf } from '../support/preset-documents.js';
import { expectWire } from '../support/wire.js';

const support = chat().model('gpt-4o').system(template('You help {{customer}} with {{product}}.'));

test('a template reads its variable names as the types do', () => {
  const t = template('{{ spaced }} {{{braced}}} {{a b}} {{x {{inner}} {{}} {{n_2}}} {{same}}{{same}}');
  assert.equal(t.variables, ['braced', 'inner', 'n_2', 'same']);
  assert.is(t.text, '{{ spaced }} {{{braced}}} {{a b}} {{x {{inner}} {{}} {{n_2}}} {{same}}{{same}}');
  assert.is(template('Hi {{name}}, {{name}}!').render({ name: 'Ann' }), 'Hi Ann, Ann!');
  assert.is(template('Hi {{name}}').render({}), 'Hi {{name}}');
  assert.ok(Object.isFrozen(t) && Object.isFrozen(t.variables));
  const error = expectError(
    thrown(() => template(42 as never)),
    ValidationError,
  );
  assert.is(error.issues[0]?.message, 'template() takes a string (got number)');
});

test('vars() fills every template text; the filled builder is an ordinary request', () => {
  const filled = chat()
    .model('gpt-4o')
    .system(template('You help {{customer}} with {{product}}.'), { name: 'setup' })
    .developer([textPart('Be brief.'), textPart(template('Sign as {{agent}}.'))])
    .user([textPart(template('What is in {{file}}?')), imagePart('https://example.com/a.png')])
    .assistant(template('Hello {{customer}}!'))
    .vars({ customer: 'Acme', product: 'billing' })
    .vars({ agent: 'Sam', file: 42 })
    .user('Thanks');
  expectWire(filled, {
    model: 'gpt-4o',
    messages: [
      { role: 'system', content: 'You help Acme with billing.', name: 'setup' },
      {
        role: 'developer',
        content: [
          { type: 'text', text: 'Be brief.' },
          { type: 'text', text: 'Sign as Sam.' },
        ],
      },
      {
        role: 'user',
        content: [
          { type: 'text', text: 'What is in 42?' },
          { type: 'image_url', image_url: { url: 'https://example.com/a.png' } },
        ],
      },
      { role: 'assistant', content: 'Hello Acme!' },
      { role: 'user', content: 'Thanks' },
    ],
  });
  // Filled, it is a request: nothing template-related is left to export.
  assert.equal(presetOf(filled).variables, []);
  assert.is(presetOf(filled).templates, undefined);
});

test('an unfilled builder shows its slots in toJSON() and is refused by validate()', () => {
  const partly = support.vars({ product: 'billing' });
  assert.equal(partly.toJSON(), {
    model: 'gpt-4o',
    messages: [{ role: 'system', content: 'You help {{customer}} with billing.' }],
  });
  const result = partly.validate();
  assert.is(result.success, false);
  // toBatchLine() does not compile on a preset (as send()); JavaScript can call it.
  const batchLine = (partly as unknown as { toBatchLine(id: string): string }).toBatchLine;
  const error = expectError(
    thrown(() => batchLine.call(partly, 'one')),
    BatchInputError,
  );
  assert.equal(error.issues, [
    {
      path: 'messages.0.content',
      message: 'no value for the template variable {{customer}}: call .vars({ customer })',
      input: 'You help {{customer}} with {{product}}.',
    },
  ]);
  // The preset's own problems are listed after its missing variables.
  const broken = chat()
    .user([textPart(template('{{a}}')), textPart(template('{{b}}'))])
    .temperature(9);
  const issues = broken.validate().issues?.map((issue) => [issue.path, issue.message]);
  assert.equal(issues?.slice(0, 2), [
    ['messages.0.content.0.text', 'no value for the template variable {{a}}: call .vars({ a })'],
    ['messages.0.content.1.text', 'no value for the template variable {{b}}: call .vars({ b })'],
  ]);
  assert.ok((issues?.length ?? 0) > 2, 'the model and temperature problems follow');
});

test('send(), run() and a streaming send() refuse a preset: a ValidationError, nothing sent', async () => {
  await withServer(async (server) => {
    const client = clientOf(server);
    const preset = client.chat().model('gpt-4o').system(template('You help {{customer}}.')).user('Hi');
    // Compile errors for TypeScript callers (tests/types/templates.types.ts); JavaScript can call them.
    const loose = (builder: unknown) => builder as { send(): Promise<unknown>; run(): Promise<unknown> };
    const error = expectError(await rejection(loose(preset).send()), ValidationError);
    assert.equal(error.issues, [
      {
        path: 'messages.0.content',
        message: 'no value for the template variable {{customer}}: call .vars({ customer })',
        input: 'You help {{customer}}.',
      },
    ]);
    expectError(await rejection(loose(preset).run()), ValidationError);
    // A streaming send() never throws: the refusal comes when the stream is read.
    const stream = (preset.stream() as unknown as { send(): { final(): Promise<unknown> } }).send();
    expectError(await rejection(stream.final()), ValidationError);
    assert.is(server.requests.length, 0);
    // Filled, it sends the filled text.
    await preset.vars({ customer: 'Acme' }).send();
    assert.equal(server.requests[0]?.body, {
      model: 'gpt-4o',
      messages: [
        { role: 'system', content: 'You help Acme.' },
        { role: 'user', content: 'Hi' },
      ],
    });
  });
});

test('plain strings are never templates, nor are imported bodies', () => {
  const plain = chat().model('gpt-4o').user('{{x}}');
  expectWire(plain, { model: 'gpt-4o', messages: [{ role: 'user', content: '{{x}}' }] });
  const error = expectError(
    thrown(() => plain.vars({ x: 'y' } as never)),
    ValidationError,
  );
  assert.equal(
    error.issues[0]?.message,
    'no template of this builder has {{x}} (it has no unfilled variables)',
  );
  const imported = chat.fromJSON({ model: 'gpt-4o', messages: [{ role: 'system', content: 'Hi {{name}}' }] });
  assert.ok(imported.validate().success);
  expectError(
    thrown(() => imported.vars({ name: 'Ann' } as never)),
    ValidationError,
  );
  assert.equal(presetOf(imported).variables, []);
  // A template without slots is plain text too.
  expectWire(chat().model('gpt-4o').user(template('Hi')), {
    model: 'gpt-4o',
    messages: [{ role: 'user', content: 'Hi' }],
  });
});

test('a filled value is inserted as it is, never expanded again (injection-safe)', () => {
  const hostile = '{{product}} and {{secret}}';
  // Filled before the variable it names: still text when that variable is filled.
  const first = support.vars({ customer: hostile }).vars({ product: 'billing' });
  expectWire(first, {
    model: 'gpt-4o',
    messages: [{ role: 'system', content: 'You help {{product}} and {{secret}} with billing.' }],
  });
  // Filled in the same call.
  const same = support.vars({ customer: hostile, product: '{{customer}}' });
  assert.equal(same.toJSON().messages, [
    { role: 'system', content: 'You help {{product}} and {{secret}} with {{customer}}.' },
  ]);
  // A user message with braces, after a template: plain text.
  const asked = support.vars({ customer: 'Acme', product: 'billing' }).user('What is {{customer}}?');
  assert.equal(asked.toJSON().messages?.[1], { role: 'user', content: 'What is {{customer}}?' });
  // A partly filled preset keeps the value apart from the template through its document.
  const document = presetOf(support.vars({ customer: hostile }));
  assert.equal(document.templates, [{ path: 'messages.0.content', values: { customer: hostile } }]);
  assert.equal(document.variables, ['product']);
  const restored = chat.fromPreset(JSON.parse(JSON.stringify(document))).vars({ product: 'billing' });
  assert.equal(restored.toJSON(), first.toJSON());
});

test('vars() refuses what no template has, values twice, and values that are not text', () => {
  const unknown = expectError(
    thrown(() => support.vars({ custmer: 'x' } as never)),
    ValidationError,
  );
  assert.equal(unknown.issues, [
    {
      path: 'custmer',
      message: 'no template of this builder has {{custmer}} (unfilled: {{customer}}, {{product}})',
      input: 'x',
    },
  ]);
  const partly = support.vars({ customer: 'Acme' });
  const twice = expectError(
    thrown(() => partly.vars({ customer: 'Other' } as never)),
    ValidationError,
  );
  assert.is(twice.issues[0]?.message, '{{customer}} is already filled: a variable is filled once');
  const bad = expectError(
    thrown(() => support.vars({ customer: true, product: Number.NaN } as never)),
    ValidationError,
  );
  assert.equal(
    bad.issues.map((issue) => issue.message),
    ['{{customer}} must be a string or a finite number', '{{product}} must be a string or a finite number'],
  );
  assert.throws(() => support.vars(null as never), /vars\(\) takes an object/);
  const proto = JSON.parse('{"__proto__": "x"}');
  const polluted = expectError(
    thrown(() => support.vars(proto)),
    ValidationError,
  );
  assert.is(polluted.issues[0]?.path, '__proto__');
  assert.is(({} as { polluted?: unknown }).polluted, undefined);
  // Nothing was filled by a refused call.
  assert.equal(presetOf(support).variables, ['customer', 'product']);
});

test('use() and when() merge the variables of templated presets; one name is one variable', () => {
  const merged = chat()
    .model('gpt-4o')
    .use((b) => b.system(template('Greet {{customer}}.')))
    .user(template('{{customer}} asks about {{topic}}'));
  assert.equal(presetOf(merged).variables, ['customer', 'topic']);
  expectWire(merged.vars({ customer: 'Acme', topic: 'refunds' }), {
    model: 'gpt-4o',
    messages: [
      { role: 'system', content: 'Greet Acme.' },
      { role: 'user', content: 'Acme asks about refunds' },
    ],
  });
  const vip = (on: boolean) =>
    chat()
      .model('gpt-4o')
      .user('Hi')
      .when(on, (b) => b.system(template('VIP tier: {{tier}}')))
      .vars({ tier: 'gold' });
  expectWire(vip(true), {
    model: 'gpt-4o',
    messages: [
      { role: 'user', content: 'Hi' },
      { role: 'system', content: 'VIP tier: gold' },
    ],
  });
  // The branch did not run: the type asked for {{tier}}, and vars() lets the name through.
  expectWire(vip(false), { model: 'gpt-4o', messages: [{ role: 'user', content: 'Hi' }] });
});

test('a preset is shared: filling one derivation changes neither the preset nor its siblings', () => {
  const a = support.vars({ customer: 'A', product: 'x' }).user('1');
  const b = support.vars({ customer: 'B', product: 'y' }).user('2');
  assert.equal(a.toJSON().messages?.[0], { role: 'system', content: 'You help A with x.' });
  assert.equal(b.toJSON().messages?.[0], { role: 'system', content: 'You help B with y.' });
  assert.equal(support.toJSON().messages?.[0], {
    role: 'system',
    content: 'You help {{customer}} with {{product}}.',
  });
  assert.is(a.toBatchLine('a').includes('You help A with x.'), true);
  assert.is(JSON.stringify(b), JSON.stringify(b.toJSON()));
});

test('unset() keeps the templates, unless it removes the messages that hold them', () => {
  const tuned = support.temperature(0.2).user('Hi');
  const untuned = tuned.unset('temperature');
  const missing = untuned.validate();
  assert.not.ok(missing.success);
  assert.equal(
    missing.issues?.map((issue) => issue.path),
    ['messages.0.content', 'messages.0.content'],
  );
  expectWire(untuned.vars({ customer: 'Acme', product: 'billing' }), {
    model: 'gpt-4o',
    messages: [
      { role: 'system', content: 'You help Acme with billing.' },
      { role: 'user', content: 'Hi' },
    ],
  });
  const fresh = tuned.unset('messages').user('Hello');
  assert.ok(fresh.validate().success);
  expectWire(fresh, { model: 'gpt-4o', temperature: 0.2, messages: [{ role: 'user', content: 'Hello' }] });
});

test.run();
