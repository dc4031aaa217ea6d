import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { chat } from '../../src/index.js';

// Builders hold what they came from only until they no longer need it. A conversation grown one turn
// at a time must not keep its earlier turns alive, whatever is done with each turn on the way:
// validated (as send() does), written as a batch line, printed, or branched and dropped.

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** The calls a conversation makes, as one type whatever was set (the types are not under test here). */
interface Loose {
  user(content: string): Loose;
  assistant(content: string): Loose;
  validate(): { readonly success: boolean };
  toBatchLine(customId: string): string;
  toJSON(): object;
}

type Turn = (convo: Loose, index: number, watch: (builder: Loose) => Loose) => Loose;

/** Whether the bodies of every builder made at turn 10 are collected once only the last is kept. */
async function earlyTurnCollected(turn: Turn): Promise<boolean> {
  let convo = chat().model('gpt-4o').system('Be brief.') as unknown as Loose;
  const early: WeakRef<object>[] = [];
  for (let index = 0; index < 300; index++) {
    convo = turn(convo, index, (builder) => {
      if (index === 10) early.push(new WeakRef(builder.toJSON()));
      return builder;
    });
  }
  assert.ok(early.length > 0);
  // WeakRefs hold their targets until the current job ends, so collect after it; and one full
  // collection may leave what a busy engine had not yet let go of (seen once, Node 24 in a CI dry run
  // on a loaded 2-core machine), so give it a few turns. A body still held after them is a real leak.
  let collected = false;
  for (let round = 0; round < 5 && !collected; round++) {
    await new Promise((resolve) => setImmediate(resolve));
    gc();
    collected = early.every((ref) => ref.deref() === undefined);
  }
  assert.ok(convo.validate().success, 'the last turn is a valid request');
  return collected;
}

const patterns: Array<[string, Turn]> = [
  [
    'each turn validated, as send() does',
    (convo, index, watch) => {
      const asked = watch(convo.user(`question ${index}`));
      asked.validate();
      return watch(asked.assistant(`answer ${index}`));
    },
  ],
  [
    'each turn written as a batch line',
    (convo, index, watch) => {
      const asked = watch(convo.user(`question ${index}`));
      asked.toBatchLine(`turn-${index}`);
      return watch(asked.assistant(`answer ${index}`));
    },
  ],
  [
    'each turn printed (body made, never validated)',
    (convo, index, watch) => {
      const asked = watch(convo.user(`question ${index}`));
      JSON.stringify(asked);
      return watch(asked.assistant(`answer ${index}`));
    },
  ],
  [
    'a variant tried and dropped at each turn',
    (convo, index, watch) => {
      watch(convo.user('a variant nobody keeps')).validate();
      const asked = watch(convo.user(`question ${index}`));
      asked.validate();
      return watch(asked.assistant(`answer ${index}`));
    },
  ],
  [
    'nothing done on the way',
    (convo, index, watch) => watch(convo.user(`question ${index}`).assistant(`answer ${index}`)),
  ],
];

for (const [name, turn] of patterns) {
  test(`a conversation keeps no earlier turn alive: ${name}`, async () => {
    assert.ok(await earlyTurnCollected(turn));
  });
}

test('a preset derived from many times stays shared and is not kept twice', () => {
  const preset = chat().model('gpt-4o').system('p'.repeat(10_000));
  const lines = Array.from({ length: 1_000 }, (_, index) =>
    preset.user(`q${index}`).toBatchLine(`id-${index}`),
  );
  assert.is(new Set(lines).size, 1_000);
  assert.ok(lines.every((line) => line.includes('p'.repeat(10_000))));
});

test.run();
