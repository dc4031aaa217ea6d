// Presets from untrusted JSON: how long `chat.fromJSON()` takes to refuse or accept a large or
// hostile preset (issue 16: "any JSON preset up to 50 MB is refused or accepted in under 1 s").
// Run alone: `node --expose-gc --import tsx bench/run.ts presets` (add `--write` to record it in docs/benchmarks.md).

import { chat } from '../src/index.js';
import { scanJsonText } from '../src/internal/scan-json-text.js';
import { checkParsedJson } from '../src/schema/check-parsed-json.js';
import { presetLimits } from '../src/schema/preset-limits.js';
import { validatePreset } from '../src/schema/validate-preset.js';
import { median, medianOf } from './measure.js';

const runs = Number(process.env.BENCH_RUNS ?? 3);
const targetMs = 1_000;

interface Case {
  readonly name: string;
  readonly text: () => string;
  /** How the text is loaded: `chat.fromJSON(text)` unless said. */
  readonly load?: (text: string) => unknown;
}

const fromJSONWithExtra = (text: string) => chat.fromJSON(text, { extra: ['x_big'] });
const fromPreset = (text: string) => chat.fromPreset(text);

function manyKeys(count: number): string {
  const preset: Record<string, number> = { model: 0 };
  for (let i = 0; i < count; i++) preset[`key_${i}`] = i;
  return JSON.stringify(preset);
}

/** `count` keys named k0, k1... in objects of `perObject` keys each (different names throughout). */
function objectsOfKeys(count: number, perObject: number): string {
  const objects: string[] = [];
  for (let start = 0; start < count; start += perObject) {
    const members: string[] = [];
    for (let i = start; i < Math.min(count, start + perObject); i++) members.push(`"k${i}":0`);
    objects.push(`{${members.join(',')}}`);
  }
  return objects.length === 1 ? (objects[0] ?? '{}') : `[${objects.join(',')}]`;
}

function shortMessages(count: number): Array<{ role: 'user'; content: string }> {
  return Array.from({ length: count }, (_, i) => ({ role: 'user', content: `hello ${i}` }));
}

/**
 * `count` objects of `perObject` keys each drawn from 49,000 names (a fixed pseudo-random sequence),
 * cycling through `shapes` different key sequences (the reviewer's texts when `shapes` is `count`).
 */
function objectsOfShapes(count: number, perObject: number, shapes: number): string {
  let seed = 7;
  const nextKey = () => {
    seed = (Math.imul(seed, 1_103_515_245) + 12_345) >>> 0;
    return seed % 49_000;
  };
  const distinct: string[] = [];
  const seen = new Set<string>();
  while (distinct.length < shapes) {
    const keys = new Set<number>();
    while (keys.size < perObject) keys.add(nextKey());
    const object = `{${[...keys].map((key) => `"k${key}":0`).join(',')}}`;
    if (!seen.has(object)) {
      seen.add(object);
      distinct.push(object);
    }
  }
  return `[${Array.from({ length: count }, (_, i) => distinct[i % shapes]).join(',')}]`;
}

/** A JSON array of `count` copies of `item`, built without a JavaScript array of them. */
function repeated(item: string, count: number): string {
  return `[${`${item},`.repeat(count - 1)}${item}]`;
}

const atLimitMessages = Math.floor((presetLimits.maxTextValues - 3) / 3);

const cases: readonly Case[] = [
  { name: 'one unknown key of 1 MB', text: () => JSON.stringify({ model: 'gpt-4o', ['k'.repeat(1e6)]: 1 }) },
  { name: '200,000 short unknown keys', text: () => manyKeys(200_000) },
  { name: '2,000,000 short unknown keys', text: () => manyKeys(2_000_000) },
  {
    name: '2,000,000 keys one level down (`metadata`)',
    text: () => `{"model":"gpt-4o","metadata":${objectsOfKeys(2_000_000, 2_000_000)}}`,
  },
  {
    name: '2,000,000 different keys in 20,000 objects of 100 (extra field)',
    text: () => `{"model":"gpt-4o","x_big":${objectsOfKeys(2_000_000, 100)}}`,
    load: fromJSONWithExtra,
  },
  {
    name: '16,666,666 empty objects (extra field)',
    text: () => `{"model":"gpt-4o","x_big":${repeated('{}', 16_666_666)}}`,
    load: fromJSONWithExtra,
  },
  {
    name: '25,000,000 numbers (`stop`)',
    text: () => `{"model":"gpt-4o","stop":${repeated('0', 24_999_990)}}`,
  },
  {
    name: '1,000,000 messages, every one invalid',
    text: () =>
      JSON.stringify({ messages: Array.from({ length: 1_000_000 }, () => ({ role: 'bogus', content: 1 })) }),
  },
  {
    name: 'one message of 50 MB (valid)',
    text: () => JSON.stringify({ model: 'gpt-4o', messages: [{ role: 'user', content: 'x'.repeat(5e7) }] }),
  },
  {
    name: 'one message of 25,000,000 quotes, escaped (valid)',
    text: () => JSON.stringify({ model: 'gpt-4o', messages: [{ role: 'user', content: '"'.repeat(2.5e7) }] }),
  },
  {
    name: '1,000,000 short messages (valid)',
    text: () => JSON.stringify({ model: 'gpt-4o', messages: shortMessages(1_000_000) }),
  },
  {
    // Three values a message, and three for the body, `model` and the array.
    name: `${atLimitMessages.toLocaleString('en-US')} short messages (valid; at the values limit)`,
    text: () => JSON.stringify({ model: 'gpt-4o', messages: shortMessages(atLimitMessages) }),
  },
  {
    name: '1,499,990 empty objects (valid extra field, at the limit)',
    text: () => `{"model":"gpt-4o","x_big":${repeated('{}', 1_499_990)}}`,
    load: fromJSONWithExtra,
  },
  {
    // In objects of 10 they would be 4,999 different shapes, past that limit.
    name: '49,990 different keys in objects of 100 (valid extra field, at the limit)',
    text: () => `{"model":"gpt-4o","x_big":${objectsOfKeys(49_990, 100)}}`,
    load: fromJSONWithExtra,
  },
  {
    name: '1,060,000 objects of 2 keys from 49,000 names, all different shapes (extra field)',
    text: () => `{"x_big":${objectsOfShapes(1_060_000, 2, 1_060_000)}}`,
    load: fromJSONWithExtra,
  },
  {
    // Under shapesFromLength: not held to the shapes limit, and fast whatever its shapes.
    name: '150,000 objects of 2 keys from 49,000 names, all different shapes, under 4,000,000 characters (valid extra field)',
    text: () => `{"x_big":${objectsOfShapes(150_000, 2, 150_000)}}`,
    load: fromJSONWithExtra,
  },
  {
    name: '30,000 objects of 10 keys from 49,000 names, all different shapes, under 4,000,000 characters (valid extra field)',
    text: () => `{"x_big":${objectsOfShapes(30_000, 10, 30_000)}}`,
    load: fromJSONWithExtra,
  },
  {
    name: '520,000 objects of 5 keys from 49,000 names, all different shapes (extra field)',
    text: () => `{"x_big":${objectsOfShapes(520_000, 5, 520_000)}}`,
    load: fromJSONWithExtra,
  },
  {
    // The body is a shape too.
    name: `1,066,665 objects of 2 keys cycling through ${(presetLimits.maxTextShapes - 1).toLocaleString('en-US')} shapes (valid extra field, at the limit)`,
    text: () => `{"x_big":${objectsOfShapes(1_066_665, 2, presetLimits.maxTextShapes - 1)}}`,
    load: fromJSONWithExtra,
  },
  {
    name: `290,000 objects of 10 keys cycling through ${(presetLimits.maxTextShapes - 1).toLocaleString('en-US')} shapes (valid extra field, at the limit)`,
    text: () => `{"x_big":${objectsOfShapes(290_000, 10, presetLimits.maxTextShapes - 1)}}`,
    load: fromJSONWithExtra,
  },
  {
    name: 'nested 100,000 levels deep',
    text: () => `{"metadata":${'['.repeat(100_000)}${']'.repeat(100_000)}}`,
  },
  {
    name: '`chat.fromPreset()`: 1,000,000 short messages in a document (valid)',
    text: () =>
      JSON.stringify({
        chatwright: 1,
        request: { model: 'gpt-4o', messages: shortMessages(1_000_000) },
        variables: [],
      }),
    load: fromPreset,
  },
  {
    name: '`chat.fromPreset()`: 2,000,000 keys in the request',
    text: () => `{"chatwright":1,"variables":[],"request":${manyKeys(2_000_000)}}`,
    load: fromPreset,
  },
];

function timeOnce(text: string, load: (text: string) => unknown): { ms: number; outcome: string } {
  (globalThis as { gc?: () => void }).gc?.();
  const start = performance.now();
  let outcome = 'accepted';
  try {
    load(text);
  } catch (error) {
    outcome = `refused (${(error as Error).message.length} chars)`;
  }
  return { ms: performance.now() - start, outcome };
}

/** Where the time of accepting 1,000,000 short messages goes, stage by stage (each on its own). */
function stagesOf(text: string): string {
  /** The median time of `run(prepare())`, the preparation untimed. */
  const stage = <T>(name: string, prepare: () => T, run: (input: T) => void) =>
    `| ${name} | ${median(runs, () => {
      const input = prepare();
      (globalThis as { gc?: () => void }).gc?.();
      const start = performance.now();
      run(input);
      return performance.now() - start;
    }).toFixed(0)} |`;
  const limits = {
    keys: presetLimits.maxTextKeys,
    containers: presetLimits.maxTextContainers,
    values: presetLimits.maxTextValues,
    shapes: presetLimits.maxTextShapes,
  };
  const rows = [
    stage(
      'measure the text before parsing (scanJsonText)',
      () => text,
      (input) => scanJsonText(input, limits),
    ),
    stage(
      'JSON.parse',
      () => text,
      (input) => JSON.parse(input),
    ),
    stage(
      'check in place and freeze every object (checkParsedJson)',
      () => JSON.parse(text) as unknown,
      (parsed) => checkParsedJson(parsed, '', [], { ancestors: [], values: 0 }, true),
    ),
    stage(
      'validate (validatePreset)',
      () => JSON.parse(text) as unknown,
      (parsed) => validatePreset(parsed),
    ),
  ];
  return `Where the time of "1,000,000 short messages (valid)" goes, each stage alone (median of ${runs}, ms):

| stage | ms |
|---|---:|
${rows.join('\n')}`;
}

/** JSON.parse alone: the median of `runs`, or one run when that alone takes seconds (some take 10). */
function parseTime(text: string): number {
  const once = () => {
    (globalThis as { gc?: () => void }).gc?.();
    const start = performance.now();
    JSON.parse(text);
    return performance.now() - start;
  };
  const first = once();
  if (first > 2 * targetMs) return first;
  return medianOf([first, ...Array.from({ length: runs - 1 }, once)]);
}

export async function run(): Promise<{ title: string; markdown: string }> {
  const rows: string[] = [];
  for (const preset of cases) {
    const text = preset.text();
    let outcome = '';
    const ms = medianOf(
      Array.from({ length: runs }, () => {
        const once = timeOnce(text, preset.load ?? ((json) => chat.fromJSON(json)));
        outcome = once.outcome;
        return once.ms;
      }),
    );
    const parseMs = parseTime(text);
    const verdict = ms < targetMs ? 'met' : '**NOT met**';
    rows.push(
      `| ${preset.name} | ${(text.length / 1e6).toFixed(1)} MB | ${outcome} | ${ms.toFixed(0)} | ${parseMs.toFixed(0)} | ${verdict} |`,
    );
  }
  return {
    title: 'Presets from untrusted JSON',
    markdown: `\`chat.fromJSON(text)\` (with \`{ extra: ['x_big'] }\` for an extra field; \`chat.fromPreset(text)\` where the row says so), median of ${runs} runs, \`JSON.parse\` of the text included (its time alone in its own column: the floor; one run where it takes seconds). Target: under ${targetMs} ms for any preset up to 50 MB.
A text over ${Math.min(5 * presetLimits.maxTextKeys, 2 * presetLimits.maxTextContainers, presetLimits.maxTextValues).toLocaleString('en-US')} characters is measured before it is parsed: more than ${presetLimits.maxTextKeys.toLocaleString('en-US')} different keys, ${presetLimits.maxTextContainers.toLocaleString('en-US')} objects and arrays, ${presetLimits.maxTextValues.toLocaleString('en-US')} values or, over ${presetLimits.shapesFromLength.toLocaleString('en-US')} characters, ${presetLimits.maxTextShapes.toLocaleString('en-US')} different object shapes (key sequences) is refused unparsed ("at the limit" rows: the largest accepted).

| preset | size | outcome (message length) | ms | \`JSON.parse\` alone, ms | < ${targetMs} ms |
|---|---:|---|---:|---:|---|
${rows.join('\n')}

${stagesOf(JSON.stringify({ model: 'gpt-4o', messages: shortMessages(1_000_000) }))}
`,
  };
}
