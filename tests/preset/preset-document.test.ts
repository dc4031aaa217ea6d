import { readFileSync } from 'node:fs';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { presetSchemaFile, presetSchemaText } from '../../scripts/preset-schema.js';
import { chat, PRESET_FORMAT, template, textPart, ValidationError } from '../../src/index.js';
import { validBodies } from '../schema/valid-bodies.js';
import { presetOf, schemaErrors } from '../support/preset-documents.js';

const support = chat()
  .model('gpt-4o')
  .system(template('You help {{customer}} with {{product}}.'))
  .user([textPart('Plain {{not_a_variable}}'), textPart(template('About {{topic}}'))])
  .temperature(0.2)
  .extra({ keep_alive: '5m' });

/** The issues of the ValidationError `fromPreset(document)` throws, as `path: message` lines. */
function refusal(document: unknown): string[] {
  try {
    chat.fromPreset(document);
  } catch (error) {
    assert.instance(error, ValidationError);
    assert.match((error as ValidationError).message, /^Invalid preset document:/);
    return (error as ValidationError).issues.map((issue) => `${issue.path}: ${issue.message}`);
  }
  assert.unreachable('expected fromPreset() to refuse the document');
  return [];
}

test('toPreset() writes the versioned document: template texts as written, values, variables, extras', () => {
  const document = presetOf(support.vars({ customer: 'Acme' }));
  assert.equal(JSON.parse(JSON.stringify(document)), {
    chatwright: 1,
    request: {
      model: 'gpt-4o',
      messages: [
        { role: 'system', content: 'You help {{customer}} with {{product}}.' },
        {
          role: 'user',
          content: [
            { type: 'text', text: 'Plain {{not_a_variable}}' },
            { type: 'text', text: 'About {{topic}}' },
          ],
        },
      ],
      temperature: 0.2,
    },
    templates: [
      { path: 'messages.0.content', values: { customer: 'Acme' } },
      { path: 'messages.1.content.1.text' },
    ],
    variables: ['product', 'topic'],
    extra: { keep_alive: '5m' },
  });
  assert.is(PRESET_FORMAT, 1);
});

test('fromPreset() gives the builder back: same variables, same body once filled, from an object or text', () => {
  const partly = support.vars({ customer: 'Acme' });
  for (const input of [partly.toPreset(), JSON.stringify(partly.toPreset(), null, 2)]) {
    const restored = chat.fromPreset(input);
    assert.equal(presetOf(restored), partly.toPreset());
    assert.equal(restored.toJSON(), partly.toJSON());
    const filled = restored.vars({ product: 'billing', topic: 'refunds' });
    assert.equal(filled.toJSON(), partly.vars({ product: 'billing', topic: 'refunds' }).toJSON());
    assert.ok(filled.validate().success);
    // Deeply frozen, whether copied from an object or checked in place from text.
    const wire = restored.toJSON();
    for (const part of [wire, wire.messages, ...(wire.messages ?? [])]) {
      assert.ok(part !== undefined && Object.isFrozen(part));
    }
  }
  // A document whose every variable is filled reads as a request.
  const done = chat.fromPreset({
    chatwright: 1,
    $schema: './node_modules/chatwright/preset.schema.json',
    request: { model: 'gpt-4o', messages: [{ role: 'user', content: 'Hi {{name}}' }] },
    templates: [{ path: 'messages.0.content', values: { name: 'Ann' } }],
    variables: [],
  });
  assert.equal(done.toJSON(), { model: 'gpt-4o', messages: [{ role: 'user', content: 'Hi Ann' }] });
  assert.ok(done.validate().success);
});

test('every valid request body makes a document that the schema and fromPreset() accept', () => {
  for (const [name, body] of validBodies) {
    const document = { chatwright: 1, request: body, variables: [] };
    assert.equal(schemaErrors(document), [], name);
    const stream = body.stream === true;
    assert.equal(chat.fromPreset(document, { stream }).toJSON(), body, name);
    assert.equal(presetOf(chat.fromJSON(body, { stream })), document, name);
  }
});

test('a streaming preset is imported with { stream: true }, as with fromJSON()', () => {
  const document = presetOf(chat().model('gpt-4o').user(template('Hi {{name}}')).stream());
  assert.equal(refusal(document), [
    'request.stream: the preset streams: import it with chat.fromPreset(document, { stream: true }), so that send() is typed as a stream',
  ]);
  const streaming = chat.fromPreset(document, { stream: true });
  assert.equal(presetOf(streaming), document);
  assert.is(
    chat
      .fromPreset(
        { ...document, request: { model: 'gpt-4o' }, templates: [], variables: [] },
        { stream: true },
      )
      .toJSON().stream,
    true,
  );
});

test('unknown fields are refused with a suggestion, every problem listed with its path', () => {
  const document = {
    chatwright: 1,
    reqest: {},
    request: { model: 'gpt-4o', messages: [{ role: 'user', content: 'Hi {{a}}' }], topP: 0.5, top_k: 3 },
    templates: [{ path: 'messages.0.content', valuez: {} }],
    variables: ['a'],
    extra: { temperature: 1 },
  };
  assert.equal(refusal(document), [
    'reqest: unknown field "reqest" (did you mean "request"?)',
    'request.topP: unknown request field "topP" (did you mean "top_p"? a field meant for another provider goes in "extra")',
    'request.top_k: unknown request field "top_k" (a field meant for another provider goes in "extra")',
    'extra.temperature: "temperature" is a known request field: move it to "request"',
    'templates.0.valuez: unknown field "valuez" (did you mean "values"?)',
  ]);
  assert.ok(schemaErrors(document).length > 0);
});

test("a document's request is bounded as chat.fromJSON() bounds a body: 20 unknown fields listed, the rest counted, names cut", () => {
  const request: Record<string, unknown> = { model: 'gpt-4o' };
  for (let i = 0; i < 100; i++) request[`unknown_${i}`] = i;
  request['x'.repeat(1000)] = 1;
  const lines = refusal({ chatwright: 1, request, variables: [] });
  assert.is(lines.length, 21);
  assert.is(lines[20], 'request: and 81 more unknown fields (not listed)');
  assert.ok(lines.every((line) => line.length < 300));
});

test('the request is checked by the preset rules, with paths under request', () => {
  const document = {
    chatwright: 1,
    request: { model: 'gpt-4o', temperature: 3, messages: [{ role: 'user', content: 'Hi' }] },
    variables: [],
  };
  assert.equal(refusal(document), ['request.temperature: temperature must be between 0 and 2']);
  const wrongType = { ...document, request: { temperature: 'hot' } };
  assert.equal(refusal(wrongType).length, 1);
  assert.ok(schemaErrors(wrongType).length > 0, 'the schema refuses a string temperature too');
});

test('__proto__ keys, non-JSON values and non-objects are refused', () => {
  const polluted = JSON.parse(
    '{"chatwright":1,"request":{"model":"gpt-4o","metadata":{"__proto__":{"x":"1"}}},"variables":[]}',
  );
  assert.equal(refusal(polluted).length, 1);
  assert.match(refusal(polluted)[0] ?? '', /^request\.metadata\.__proto__:/);
  assert.is(({} as { x?: unknown }).x, undefined);
  assert.equal(refusal([]), [': a preset document must be a JSON object (got an array)']);
  assert.equal(refusal({ chatwright: 1, request: { seed: 1n }, variables: [] }).length, 1);
});

test('a newer format version is refused with a message saying so; a missing one is asked for', () => {
  const newer = { chatwright: 2, request: {}, variables: [], somethingNew: true };
  assert.equal(refusal(newer), [
    'chatwright: the document is format version 2, newer than this chatwright reads (1): upgrade chatwright',
  ]);
  assert.ok(schemaErrors(newer).length > 0);
  assert.equal(refusal({ request: {}, variables: [] }), [
    'chatwright: a preset document starts with its format version, "chatwright": 1',
  ]);
  assert.equal(refusal({ chatwright: '1', request: {}, variables: [] }), [
    'chatwright: "chatwright" is the document\'s format version, 1',
  ]);
});

test('templates must point at message texts with variables; values must be its variables', () => {
  const request = {
    model: 'gpt-4o',
    messages: [
      { role: 'user', content: 'Hi {{name}}' },
      { role: 'tool', tool_call_id: 'c', content: 'Result {{x}}' },
      { role: 'user', content: [{ type: 'text', text: 'no slots' }] },
    ],
  };
  const document = {
    chatwright: 1,
    request,
    templates: [
      { path: 'messages.0.content', values: { name: 3, other: 'x' } },
      { path: 'messages.0.content' },
      { path: 'messages.1.content' },
      { path: 'messages.2.content.0.text' },
      { path: 'messages.9.content' },
      { path: 'model' },
    ],
    variables: ['name'],
  };
  assert.equal(refusal(document), [
    'templates.0.values.name: the value of {{name}} must be a string',
    'templates.0.values.other: {{other}} is not a variable of this template (it has {{name}})',
    'templates.1.path: messages.0.content is listed twice',
    'templates.2.path: messages.1.content is not the text of a system, developer, user or assistant message in "request"',
    'templates.3.path: messages.2.content.0.text has no {{variables}}: remove it from "templates"',
    'templates.4.path: messages.9.content is not the text of a system, developer, user or assistant message in "request"',
    'templates.5.path: a template path is "messages.<i>.content" or "messages.<i>.content.<j>.text"',
  ]);
  assert.ok(schemaErrors(document).length > 0, 'the schema refuses the number value and the path "model"');
});

test('variables must list exactly the unfilled names', () => {
  const base = {
    chatwright: 1,
    request: { messages: [{ role: 'system', content: '{{a}} {{b}}' }] },
    templates: [{ path: 'messages.0.content', values: { a: 'x' } }],
  };
  assert.equal(refusal({ ...base, variables: ['a', 'b'] }), [
    'variables: "variables" must list each unfilled template variable once: ["b"]',
  ]);
  assert.equal(refusal({ ...base }), [
    'variables: "variables" lists the unfilled template variables as an array of names (here: ["b"])',
  ]);
  assert.ok(schemaErrors({ ...base }).length > 0, 'the schema requires variables too');
  assert.equal(presetOf(chat.fromPreset({ ...base, variables: ['b'] })).variables, ['b']);
});

test('invalid JSON text is refused with its line and column', () => {
  assert.equal(refusal('{\n  "chatwright": 1,\n  }'), [
    ': the document is not valid JSON: Expected double-quoted property name at line 3, column 3',
  ]);
});

test('preset.schema.json is the one the generator makes (npx tsx scripts/preset-schema.ts --write)', () => {
  assert.is(readFileSync(presetSchemaFile, 'utf8'), presetSchemaText());
});

test.run();
