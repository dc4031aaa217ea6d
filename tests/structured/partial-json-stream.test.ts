// The incremental parser against the one-shot one and JSON.parse, over random JSON cut at random points.
import fc from 'fast-check';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { PartialJsonParser, parsePartialJson } from '../../src/index.js';

const test = suite('PartialJsonParser');

/** Characters that stress a string: escapes, controls, 2- and 3-byte characters, surrogate pairs, lone halves. */
const stringUnit = fc.oneof(
  fc.constantFrom('"', '\\', '/', '\n', '\t', '\u0000', '\u001f', 'é', '日', '😀', '𝄞', '\ud83d', '\ude00'),
  fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 1 }),
);
const jsonValue = fc.jsonValue({ maxDepth: 6, stringUnit });

/** Nesting far deeper than jsonValue makes: `{"a":[{"a":[ ... leaf ... ]}]}`, some levels arrays. */
const deepValue = fc
  .tuple(fc.array(fc.boolean(), { minLength: 1, maxLength: 300 }), fc.jsonValue({ maxDepth: 1 }))
  .map(([levels, leaf]) =>
    levels.reduce<unknown>((inner, isArray) => (isArray ? [inner, 1] : { a: inner }), leaf),
  );

/** The JSON text of a value: compact or indented, non-ASCII as is or escaped (`\uXXXX`, pairs as two). */
const jsonText = (value: fc.Arbitrary<unknown>) =>
  fc.tuple(value, fc.boolean(), fc.boolean()).map(([json, indent, escaped]) => {
    const text = JSON.stringify(json, null, indent ? 2 : undefined);
    return escaped
      ? text.replace(/[\u007f-\uffff]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`)
      : text;
  });

/** A text and where to cut it (cuts fall anywhere: inside escapes, numbers, literals, pairs). */
const cutText = (text: fc.Arbitrary<string>) =>
  text.chain((json) =>
    fc.tuple(
      fc.constant(json),
      fc.uniqueArray(fc.integer({ min: 1, max: Math.max(1, json.length - 1) }), { maxLength: 40 }),
    ),
  );

function pieces(text: string, cuts: readonly number[]): string[] {
  const points = [0, ...[...cuts].filter((cut) => cut < text.length).sort((a, b) => a - b), text.length];
  const out: string[] = [];
  for (let i = 1; i < points.length; i++) out.push(text.slice(points[i - 1], points[i]));
  return out;
}

/**
 * Feeds the pieces and checks, after each: the value equals the one-shot parse of the text so far, a
 * value read earlier never changed, and a subtree equal to the one at the same place in the previous
 * value is the very same object.
 */
function checkStream(text: string, cuts: readonly number[]): void {
  const parser = new PartialJsonParser();
  const reads: Array<{ value: unknown; json: string }> = [];
  let sent = '';
  for (const piece of pieces(text, cuts)) {
    parser.push(piece);
    sent += piece;
    const expected = parsePartialJson(sent);
    if (!parser.changed) {
      assert.equal(expected, reads.at(-1)?.value, `unchanged after ${JSON.stringify(sent)}`);
      continue;
    }
    const value = parser.value;
    assert.equal(value, expected, `after ${JSON.stringify(sent)}`);
    const previous = reads.at(-1);
    if (previous !== undefined) assertShared(previous.value, value, '$');
    reads.push({ value, json: JSON.stringify(value) });
  }
  parser.end();
  const final = parser.changed ? parser.value : reads.at(-1)?.value;
  assert.equal(final, JSON.parse(text));
  assert.is(parser.error, undefined);
  for (const read of reads) assert.is(JSON.stringify(read.value), read.json, 'a value read later changed');
}

/** Containers equal in both values are identical (no member of a random value repeats a key). */
function assertShared(before: unknown, after: unknown, path: string): void {
  if (typeof before !== 'object' || before === null || typeof after !== 'object' || after === null) return;
  if (JSON.stringify(before) === JSON.stringify(after)) {
    assert.ok(before === after, `${path} is equal but was copied`);
    return;
  }
  assert.ok(before !== after, `${path} changed in place`);
  for (const key of Object.keys(before)) {
    if (Object.hasOwn(after, key)) {
      assertShared(
        (before as Record<string, unknown>)[key],
        (after as Record<string, unknown>)[key],
        `${path}.${key}`,
      );
    }
  }
}

test('random JSON cut anywhere: every prefix agrees with parsePartialJson, the end with JSON.parse', () => {
  fc.assert(
    fc.property(cutText(jsonText(jsonValue)), ([text, cuts]) => checkStream(text, cuts)),
    {
      numRuns: 400,
    },
  );
});

test('deep nesting cut anywhere', () => {
  fc.assert(
    fc.property(cutText(jsonText(deepValue)), ([text, cuts]) => checkStream(text, cuts)),
    {
      numRuns: 60,
    },
  );
});

test('a text cut into single characters', () => {
  fc.assert(
    fc.property(jsonText(jsonValue), (text) =>
      checkStream(
        text,
        Array.from({ length: text.length }, (_, i) => i),
      ),
    ),
    { numRuns: 60 },
  );
});

test('any text, JSON or not, gives the same value and verdict however it is cut', () => {
  const jsonish = fc.string({
    unit: fc.constantFrom(...'{}[]":, 10-.eatru\\'),
    maxLength: 30,
  });
  fc.assert(
    fc.property(cutText(fc.oneof(jsonish, jsonText(jsonValue))), ([text, cuts]) => {
      const parser = new PartialJsonParser();
      for (const piece of pieces(text, cuts)) parser.push(piece);
      const whole = new PartialJsonParser();
      whole.push(text);
      assert.equal(parser.value, whole.value);
      assert.is(parser.error?.message, whole.error?.message);
    }),
    { numRuns: 400 },
  );
});

test('a number is shown once it cannot grow; everything before it stays', () => {
  assert.equal(parsePartialJson('{"pi": 3.'), {});
  assert.equal(parsePartialJson('{"a": "x", "pi": 3.14'), { a: 'x' });
  assert.equal(parsePartialJson('{"pi": 3.14}'), { pi: 3.14 });
  assert.equal(parsePartialJson('[1.'), []);
  assert.equal(parsePartialJson('[1'), []);
  assert.equal(parsePartialJson('[1,'), [1]);
  assert.equal(parsePartialJson('[1 '), [1]);
  assert.equal(parsePartialJson('[1e'), []);
  assert.equal(parsePartialJson('[-'), []);
  assert.is(parsePartialJson('42'), undefined);
  const root = new PartialJsonParser();
  root.push('42');
  assert.is(root.changed, false);
  root.end();
  assert.is(root.changed, true);
  assert.is(root.value, 42);
});

test('literals are shown once complete', () => {
  assert.equal(parsePartialJson('[tr'), []);
  assert.equal(parsePartialJson('[true'), [true]);
  assert.equal(parsePartialJson('{"a": nul'), {});
  assert.equal(parsePartialJson('{"a": null'), { a: null });
});

test('a surrogate pair or an escape cut in half waits for its end', () => {
  const parser = new PartialJsonParser();
  parser.push('["a\ud83d');
  assert.equal(parser.value, ['a']);
  parser.push('\ude00');
  assert.equal(parser.value, ['a😀']);
  parser.push('\\ud83d');
  assert.is(parser.changed, false);
  parser.push('\\u');
  assert.is(parser.changed, false);
  parser.push('de00"]');
  assert.equal(parser.value, ['a😀😀']);
  // A lone half that the string ends on is kept, as JSON.parse keeps it.
  assert.equal(parsePartialJson('"\\ud83d"'), '\ud83d');
});

test('text that stops being JSON: undefined, an error with the position, later text ignored', () => {
  const parser = new PartialJsonParser();
  parser.push('{"a": [1, 2');
  assert.equal(parser.value, { a: [1] });
  parser.push(']x');
  assert.is(parser.value, undefined);
  assert.is(parser.changed, false);
  assert.instance(parser.error, SyntaxError);
  assert.is(parser.error?.message, 'Expected a comma or "}" at position 12 of the JSON text.');
  parser.push('}');
  assert.is(parser.value, undefined);
  assert.is(parsePartialJson('[1,]'), undefined);
  assert.is(parsePartialJson('{"a": 01}'), undefined);
  assert.is(parsePartialJson('{} {}'), undefined);
});

test('only the containers on the path to a change are new; a wide array is read less often', () => {
  const parser = new PartialJsonParser();
  parser.push('{"done": {"x": [1, 2]}, "items": ["a"');
  const first = parser.value as { done: object; items: string[] };
  parser.push(', "b');
  const second = parser.value as { done: object; items: string[] };
  assert.is(second.done, first.done);
  assert.not.ok(second.items === first.items);
  assert.equal(first.items, ['a']);
  // 100,000 members open: reading at every 4-character piece would copy them all each time.
  const wide = new PartialJsonParser();
  wide.push(`[${Array.from({ length: 100_000 }, (_, i) => i).join(',')}`);
  void wide.value;
  let reads = 0;
  let pushes = 0;
  for (let i = 0; i < 2_000; i++) {
    wide.push(',"ab');
    pushes++;
    wide.push('"');
    if (wide.due) {
      reads++;
      void wide.value;
    }
  }
  assert.ok(wide.changed || reads > 0);
  assert.ok(reads < pushes / 10, `${reads} reads of ${pushes}`);
  assert.ok(reads > 0);
});

test('a key named __proto__ stays an own property through copies', () => {
  const parser = new PartialJsonParser();
  parser.push('{"__proto__": {"a": 1}, "b": "x');
  const first = parser.value as Record<string, unknown>;
  parser.push('y');
  const second = parser.value as Record<string, unknown>;
  assert.equal(Object.keys(second), ['__proto__', 'b']);
  const protoOf = (value: Record<string, unknown>) =>
    Object.getOwnPropertyDescriptor(value, '__proto__')?.value;
  assert.is(protoOf(second), protoOf(first));
  assert.is(({} as Record<string, unknown>).a, undefined);
});

test.run();
