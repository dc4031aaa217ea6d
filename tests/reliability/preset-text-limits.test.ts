import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { chat, ValidationError } from '../../src/index.js';
import { presetLimits } from '../../src/schema/preset-limits.js';

/*
 * A preset's JSON text is measured before it is parsed (JSON.parse of millions of different keys or
 * tiny objects or of many different object shapes takes seconds): these cases go through chat.fromJSON()
 * and chat.fromPreset() with texts long enough to be measured (over 250,000 characters; the shapes
 * limit holds from presetLimits.shapesFromLength on, reached with trailing whitespace).
 */

const keysLimit = `more than ${presetLimits.maxTextKeys} different keys (field names) in the JSON text`;
const shapesLimit = `more than ${presetLimits.maxTextShapes} different object shapes (key sets in order) in the JSON text`;

/** The ValidationError `load()` throws. */
function refusal(load: () => unknown): ValidationError {
  try {
    load();
  } catch (error) {
    assert.instance(error, ValidationError);
    return error as ValidationError;
  }
  assert.unreachable('the preset was accepted');
  throw new Error('unreachable');
}

/** `{"<prefix>0":0,"<prefix>1":0,...}` with `count` keys, each written by `spell`. */
function objectOfKeys(count: number, spell = (i: number) => `"k${i}"`): string {
  const members: string[] = [];
  for (let i = 0; i < count; i++) members.push(`${spell(i)}:0`);
  return `{${members.join(',')}}`;
}

test('text limits: too many different top-level keys are refused before parsing, the unknown ones listed', () => {
  const keys = presetLimits.maxTextKeys + 10;
  // A syntax error at the very end: had the text been parsed, the error would say so.
  const text = `{"model":"gpt-4o","temprature":1,${objectOfKeys(keys).slice(1, -1)},}`;
  const error = refusal(() => chat.fromJSON(text));
  const [limit, ...rest] = error.issues;
  assert.is(limit?.path, '');
  assert.match(limit?.message ?? '', keysLimit);
  assert.match(limit?.message ?? '', 'refused before parsing');
  assert.ok(error.message.split('\n')[1]?.includes(keysLimit), error.message);
  assert.is(rest.length, presetLimits.maxUnknownFieldIssues + 1);
  assert.match(rest[0]?.message ?? '', 'unknown field "temprature" (did you mean "temperature"?');
  assert.is(rest[1]?.path, 'k0');
  // Counted up to where the scan stopped: 50,000 keys in all, model and temprature among them.
  assert.is(
    rest.at(-1)?.message,
    `and ${presetLimits.maxTextKeys - 1 - presetLimits.maxUnknownFieldIssues} more unknown fields (not listed)`,
  );
});

test('text limits: keys hidden one level down are counted too, and the issue names the field', () => {
  const text = `{"model":"gpt-4o","metadata":${objectOfKeys(presetLimits.maxTextKeys + 1)}}`;
  const error = refusal(() => chat.fromJSON(text));
  assert.is(error.issues.length, 1);
  assert.is(error.issues[0]?.path, 'metadata');
  assert.match(error.issues[0]?.message ?? '', keysLimit);
  // The same in a preset document, one level further down.
  const document = `{"chatwright":1,"variables":[],"request":{"tools":[{"type":"function","function":{"name":"f","parameters":${objectOfKeys(presetLimits.maxTextKeys + 1)}}}]}}`;
  const fromDocument = refusal(() => chat.fromPreset(document));
  assert.is(fromDocument.issues.length, 1);
  assert.is(fromDocument.issues[0]?.path, 'request');
  assert.match(
    fromDocument.message,
    /^Invalid preset document:\n {2}- request: more than 50000 different keys/,
  );
});

test('text limits: a document with too many unknown fields lists them as fromPreset() words them', () => {
  const text = `{"chatwright":1,"reqest":{},${objectOfKeys(presetLimits.maxTextKeys).slice(1)}`;
  const error = refusal(() => chat.fromPreset(text));
  assert.match(error.issues[0]?.message ?? '', keysLimit);
  assert.is(error.issues[1]?.message, 'unknown field "reqest" (did you mean "request"?)');
  assert.is(error.issues.length, 1 + presetLimits.maxUnknownFieldIssues + 1);
});

test('text limits: exactly the limit of different keys is read; one more is refused', () => {
  // model and x_big are keys too.
  const fits = `{"model":"gpt-4o","x_big":${objectOfKeys(presetLimits.maxTextKeys - 2)}}`;
  const builder = chat.fromJSON(fits, { extra: ['x_big'] });
  assert.is(Object.keys(builder.toJSON().x_big as object).length, presetLimits.maxTextKeys - 2);
  const over = `{"model":"gpt-4o","x_big":${objectOfKeys(presetLimits.maxTextKeys - 1)}}`;
  assert.is(refusal(() => chat.fromJSON(over, { extra: ['x_big'] })).issues[0]?.path, 'x_big');
});

test('text limits: escaped quotes and backslashes in keys are read as JSON reads them', () => {
  // Keys such as "k\"0" and "k\\": a scanner that stopped at the escaped quote would count wrong keys.
  const spell = (i: number) => (i % 2 === 0 ? `"k\\"${i}"` : `"k\\\\${i}"`);
  const error = refusal(() => chat.fromJSON(objectOfKeys(presetLimits.maxTextKeys + 1, spell)));
  assert.match(error.issues[0]?.message ?? '', keysLimit);
  assert.is(error.issues[1]?.path, 'k"0');
  assert.is(error.issues[2]?.path, 'k\\1');
});

test('text limits: a \\u escape in a key is the same key as its plain spelling', () => {
  // 30,000 names, each written once plain and once escaped: 30,000 keys (plus two), under the limit.
  const names = 30_000;
  const plain = objectOfKeys(names, (i) => `"k${i}"`);
  const escaped = objectOfKeys(names, (i) => `"\\u006b${i}"`);
  const text = `{"mo\\u0064el":"gpt-4o","x_big":[${plain},${escaped}]}`;
  const builder = chat.fromJSON(text, { extra: ['x_big'] });
  assert.is(builder.toJSON().model, 'gpt-4o');
  assert.equal(Object.keys((builder.toJSON().x_big as object[])[1] as object).slice(0, 2), ['k0', 'k1']);
});

test('text limits: key-like text inside strings is no key', () => {
  // A message whose content is itself JSON with 60,000 keys: the text holds `\"k0\":0` and `":` inside
  // a string; only model, messages, role and content are keys.
  const content = `${objectOfKeys(presetLimits.maxTextKeys + 10_000)} "x": \\"y\\":`;
  const text = JSON.stringify({ model: 'gpt-4o', messages: [{ role: 'user', content }] });
  assert.ok(text.length > 500_000);
  const builder = chat.fromJSON(text);
  assert.is(builder.toJSON().messages?.[0]?.content, content);
});

test('text limits: duplicate keys count once, and JSON.parse keeps the last value', () => {
  const members = Array.from({ length: 60_000 }, (_, i) => `"model":"m${i}"`);
  const builder = chat.fromJSON(`{${members.join(',')}}`);
  assert.is(builder.toJSON().model, 'm59999');
  const unknown = Array.from({ length: 60_000 }, () => '"zz":1');
  const error = refusal(() => chat.fromJSON(`{${unknown.join(',')}}`));
  assert.equal(
    error.issues.map((issue) => issue.path),
    ['zz'],
  );
});

test('text limits: invalid JSON that passes the limits gets the JSON error, whatever its size', () => {
  const big = objectOfKeys(40_000);
  const texts = [
    `${big.slice(0, -1)},}`,
    `{"model":"gpt-4o","metadata":${big}`,
    `{"x_big":"${'a'.repeat(300_000)}`,
  ];
  for (const text of texts) {
    let expected = '';
    try {
      JSON.parse(text);
    } catch (error) {
      expected = (error as Error).message;
    }
    const error = refusal(() => chat.fromJSON(text, { extra: ['x_big'] }));
    assert.equal(
      error.issues.map((issue) => issue.message),
      [`the preset is not valid JSON (${expected})`],
    );
  }
  const document = refusal(() => chat.fromPreset(`{"chatwright":1,"request":${big}`));
  assert.match(
    document.issues[0]?.message ?? '',
    /^the document is not valid JSON: .* at line 1, column \d+$/,
  );
});

test('text limits: too many objects and arrays, or too many values, are refused before parsing', () => {
  const arrays = `{"model":"gpt-4o","x_big":[${'[],'.repeat(presetLimits.maxTextContainers)}[]]}`;
  const containers = refusal(() => chat.fromJSON(arrays, { extra: ['x_big'] }));
  assert.is(containers.issues[0]?.path, 'x_big');
  assert.match(
    containers.issues[0]?.message ?? '',
    `more than ${presetLimits.maxTextContainers} objects and arrays`,
  );
  const numbers = `{"model":"gpt-4o","stop":[${'0,'.repeat(presetLimits.maxTextValues)}0]}`;
  const values = refusal(() => chat.fromJSON(numbers));
  assert.is(values.issues[0]?.path, 'stop');
  assert.match(values.issues[0]?.message ?? '', `more than ${presetLimits.maxTextValues} JSON values`);
});

test('text limits: a large valid preset under the limits is accepted as before', () => {
  const messages = Array.from({ length: 20_000 }, (_, i) => ({
    role: 'user' as const,
    content: `hello ${i}`,
  }));
  const text = JSON.stringify({ model: 'gpt-4o', messages });
  assert.ok(text.length > 250_000);
  const builder = chat.fromJSON(text);
  assert.is(builder.toJSON().messages?.length, 20_000);
  assert.ok(builder.validate().success);
});

/** `text` made longer than `shapesFromLength` with trailing whitespace: held to the shapes limit. */
function long(text: string): string {
  return `${text}${' '.repeat(presetLimits.shapesFromLength)}`;
}

/** A JSON array of `count` objects, the i-th written by `object(i)`. */
function arrayOf(count: number, object: (i: number) => string): string {
  return `[${Array.from({ length: count }, (_, i) => object(i)).join(',')}]`;
}

test('text limits: too many different object shapes are refused before parsing, at the field', () => {
  // Each object has its own first key, and holds one more object (`{"v":0}`, one shape for all): the
  // shape of an object goes on after the objects inside it. With the body's shape, one over the limit.
  const objects = arrayOf(presetLimits.maxTextShapes, (i) => `{"k${i}":{"v":0},"z":0}`);
  const text = `{"model":"gpt-4o","x_big":${objects},}`;
  const error = refusal(() => chat.fromJSON(long(text), { extra: ['x_big'] }));
  assert.is(error.issues.length, 1);
  assert.is(error.issues[0]?.path, 'x_big');
  assert.match(error.issues[0]?.message ?? '', shapesLimit);
  assert.match(error.issues[0]?.message ?? '', 'refused before parsing');
  // In a preset document: tools whose parameter schemas all differ.
  const tools = arrayOf(presetLimits.maxTextShapes, (i) =>
    JSON.stringify({ type: 'function', function: { name: `f${i}`, parameters: { [`p${i}`]: {} } } }),
  );
  const document = refusal(() =>
    chat.fromPreset(long(`{"chatwright":1,"variables":[],"request":{"tools":${tools}}}`)),
  );
  assert.is(document.issues[0]?.path, 'request');
  assert.match(document.issues[0]?.message ?? '', shapesLimit);
});

test('text limits: exactly the limit of different shapes is read, however many objects repeat them', () => {
  // The body is one shape, `{"v":0}` another: the limit minus two shapes of the `k<i>` kind, each
  // written 100 times (the count is of different shapes, not of objects).
  const shapes = presetLimits.maxTextShapes - 2;
  const objects = arrayOf(shapes * 100, (i) => `{"k${i % shapes}":{"v":0},"z":0}`);
  const builder = chat.fromJSON(`{"x_big":${objects}}`, { extra: ['x_big'] });
  assert.is((builder.toJSON().x_big as unknown[]).length, shapes * 100);
  const over = arrayOf(shapes + 1, (i) => `{"k${i}":{"v":0},"z":0}`);
  assert.match(
    refusal(() => chat.fromJSON(long(`{"x_big":${over}}`), { extra: ['x_big'] })).issues[0]?.message ?? '',
    shapesLimit,
  );
});

test('text limits: a text up to shapesFromLength is not held to the shapes limit (it parses fast)', () => {
  // As many different shapes as a large structured-output schema may have, in a short text: read.
  const over = arrayOf(presetLimits.maxTextShapes * 2, (i) => `{"k${i}":{"v":0},"z":0}`);
  const text = `{"x_big":${over}}`;
  assert.ok(text.length < presetLimits.shapesFromLength);
  const builder = chat.fromJSON(text, { extra: ['x_big'] });
  assert.is((builder.toJSON().x_big as unknown[]).length, presetLimits.maxTextShapes * 2);
});

test('text limits: the same keys in another order are another shape', () => {
  // Half the limit of key sets, each written in both orders: as many shapes as the limit, plus the
  // body's. In one order only, the same objects are half as many shapes, and accepted.
  const pairs = presetLimits.maxTextShapes / 2;
  const bothOrders = arrayOf(pairs * 2, (i) =>
    i % 2 === 0 ? `{"k${i >> 1}":0,"z":0}` : `{"z":0,"k${i >> 1}":0}`,
  );
  const error = refusal(() => chat.fromJSON(long(`{"x_big":${bothOrders}}`), { extra: ['x_big'] }));
  assert.match(error.issues[0]?.message ?? '', shapesLimit);
  const oneOrder = arrayOf(pairs * 2, (i) => `{"k${i >> 1}":0,"z":0}`);
  assert.is(
    (chat.fromJSON(`{"x_big":${oneOrder}}`, { extra: ['x_big'] }).toJSON().x_big as unknown[]).length,
    pairs * 2,
  );
});

test('text limits: a real preset of many objects in few shapes is accepted, whatever the hash', () => {
  // Shapes are counted by a hash of their keys, each key with a random code: two shapes that hash
  // alike count once, so a collision can only lower the count and never refuses a text under the
  // limit. Messages with and without optional fields, and tools, all accepted on every run.
  const messages = Array.from({ length: 30_000 }, (_, i) =>
    i % 3 === 0
      ? { role: 'user' as const, content: `hello ${i}` }
      : i % 3 === 1
        ? { role: 'assistant' as const, content: `hi ${i}`, name: `bot${i % 7}` }
        : { role: 'system' as const, name: 'rules', content: `be brief ${i}` },
  );
  const tools = Array.from({ length: 200 }, (_, i) => ({
    type: 'function' as const,
    function: {
      name: `tool_${i}`,
      parameters: {
        type: 'object',
        properties: { [`arg_${i}`]: { type: 'string' } },
        required: [`arg_${i}`],
      },
    },
  }));
  const builder = chat.fromJSON(JSON.stringify({ model: 'gpt-4o', messages, tools }));
  assert.is(builder.toJSON().messages?.length, 30_000);
  assert.is(builder.toJSON().tools?.length, 200);
});

test.run();
