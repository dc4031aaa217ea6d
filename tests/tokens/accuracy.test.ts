import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { accuracyRows } from '../../scripts/token-accuracy.js';
import { corpusMissing, sharedDir } from '../support/shared-corpus.js';

const test = suite('token accuracy');
const corpus = 'token accuracy (recorded request/response pairs)';

test('every recorded OpenAI pair is within max(2, 2%) for text, max(5, 5%) with tools, formats or images', () => {
  if (corpusMissing(corpus)) return;
  const rows = accuracyRows(sharedDir as string);
  const held = rows.filter((row) => row.excluded === undefined);
  // The corpus has 61 such pairs today; a smaller number means pairs stopped being read.
  assert.ok(held.length >= 60, `only ${held.length} pairs held`);
  for (const row of held) {
    const difference = Math.abs(row.counted - row.recorded);
    assert.ok(
      difference <= row.tolerance,
      `${row.pair}: counted ${row.counted}, recorded ${row.recorded} (±${row.tolerance} allowed)`,
    );
  }
  // Each kind is represented, so no bound holds vacuously.
  for (const kind of ['text', 'tools', 'response format', 'image'] as const) {
    assert.ok(
      held.some((row) => row.kind === kind),
      `no ${kind} pair`,
    );
  }
});

test('an image of unknown size is counted at no less than the API counted', () => {
  if (corpusMissing(corpus)) return;
  const images = accuracyRows(sharedDir as string).filter((row) => row.unsized !== undefined);
  assert.ok(images.length > 0);
  for (const row of images) assert.ok((row.unsized as number) >= row.recorded, row.pair);
});

test.run();
