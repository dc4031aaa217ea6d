import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { capabilitiesOf } from '../../src/models/capabilities-of.js';
import { modelFamilies, modelIds } from '../../src/models/catalog.js';
import type { ModelCapabilities } from '../../src/models/model-capabilities.js';
import { corpusMissing, sharedDir } from '../support/shared-corpus.js';

const families = Object.entries(modelFamilies) as Array<[string, ModelCapabilities]>;

test("modelIds lists exactly the official spec's model ids, in its order", () => {
  if (corpusMissing('official model ids') || sharedDir === undefined) return;
  const schema = JSON.parse(
    readFileSync(join(sharedDir, 'spec', 'schemas', 'CreateChatCompletionRequest.schema.json'), 'utf8'),
  );
  const official: string[] = schema.$defs.ModelIdsShared.anyOf[1].enum;
  assert.equal(Object.keys(modelIds), official);
});

test('every model id maps to a family of the catalog, and every family has models', () => {
  const used = new Set<string>(Object.values(modelIds));
  for (const [id, family] of Object.entries(modelIds)) assert.ok(family in modelFamilies, id);
  assert.equal([...used].sort(), Object.keys(modelFamilies).sort());
});

test("each family's `family` field is its key", () => {
  for (const [key, caps] of families) assert.is(caps.family, key);
});

test("every restriction has its source (a `false`, a 'no', an 'effort-none', no efforts)", () => {
  for (const [key, caps] of families) {
    for (const [capability, value] of Object.entries(caps)) {
      const restricted = value === false || value === 'no' || value === 'effort-none';
      if (restricted) assert.type(caps.sources[capability], 'string', `${key}.${capability} has no source`);
    }
    assert.type(caps.sources.reasoningEfforts, 'string', `${key}.reasoningEfforts has no source`);
  }
});

test('the default effort is one of the accepted efforts, or null without reasoning', () => {
  for (const [key, caps] of families) {
    if (caps.reasoningEfforts.length === 0) assert.is(caps.defaultReasoningEffort, null, key);
    else assert.ok(caps.reasoningEfforts.includes(caps.defaultReasoningEffort as never), key);
    const effortNone = caps.sampling === 'effort-none' || caps.logprobs === 'effort-none';
    if (effortNone) assert.ok(caps.reasoningEfforts.includes('none'), `${key} cannot reach effort none`);
  }
});

test('the documented facts, spot-checked against RULES.md', () => {
  const of = (id: string) => capabilitiesOf(id) as ModelCapabilities;
  assert.equal(of('o3').reasoningEfforts, ['low', 'medium', 'high']);
  assert.equal(of('gpt-5-nano').reasoningEfforts, ['minimal', 'low', 'medium', 'high']);
  assert.equal(of('gpt-5.1').reasoningEfforts, ['none', 'low', 'medium', 'high']);
  assert.is(of('gpt-5.1').defaultReasoningEffort, 'none');
  assert.is(of('gpt-5').defaultReasoningEffort, 'medium');
  assert.equal(of('gpt-5.4-mini').reasoningEfforts, ['none', 'low', 'medium', 'high', 'xhigh']);
  assert.equal(of('gpt-5.6-luna').reasoningEfforts, ['none', 'low', 'medium', 'high', 'xhigh', 'max']);
  assert.equal(of('gpt-5-chat-latest').reasoningEfforts, []);
  assert.is(of('gpt-5.2-chat-latest').sampling, 'yes');
  assert.is(of('gpt-5.2').sampling, 'effort-none');
  assert.equal(
    ['o4-mini', 'o3'].map((id) => of(id).stop),
    [false, false],
  );
  assert.equal(
    ['o1', 'o3-mini', 'o3', 'o4-mini', 'gpt-5'].map((id) => of(id).parallelToolCalls),
    [false, false, false, false, true],
  );
  const predicted = Object.keys(modelIds).filter((id) => of(id).prediction);
  assert.equal(predicted, [
    'gpt-4.1',
    'gpt-4.1-mini',
    'gpt-4.1-nano',
    'gpt-4.1-2025-04-14',
    'gpt-4.1-mini-2025-04-14',
    'gpt-4.1-nano-2025-04-14',
    'gpt-4o',
    'gpt-4o-2024-11-20',
    'gpt-4o-2024-08-06',
    'gpt-4o-2024-05-13',
    'gpt-4o-mini',
    'gpt-4o-mini-2024-07-18',
  ]);
  const audio = Object.keys(modelIds).filter((id) => of(id).audioOutput);
  assert.ok(audio.length === 6 && audio.every((id) => id.includes('-audio-preview')), audio.join());
  const search = Object.keys(modelIds).filter((id) => of(id).webSearch);
  assert.ok(search.length === 4 && search.every((id) => id.includes('-search-preview')), search.join());
  const noInstructions = Object.keys(modelIds).filter((id) => !of(id).instructions);
  assert.equal(noInstructions, ['o1-preview', 'o1-preview-2024-09-12', 'o1-mini', 'o1-mini-2024-09-12']);
  const flex = Object.keys(modelIds).filter((id) => of(id).flexTier);
  assert.ok(flex.includes('o3') && flex.includes('o4-mini') && flex.includes('gpt-5-mini'), flex.join());
  assert.not.ok(flex.includes('o3-mini') || flex.includes('gpt-4o') || flex.includes('gpt-5-chat-latest'));
});

test('capabilitiesOf: catalog ids resolve to their family, other ids to undefined', () => {
  assert.is(capabilitiesOf('o4-mini-2025-04-16'), modelFamilies.o3);
  assert.is(capabilitiesOf('gpt-4o-mini'), modelFamilies['gpt-4o']);
  for (const id of [
    'ft:gpt-4o-mini:acme::abc123',
    'llama-3.1-70b',
    'gpt-4o ',
    'GPT-4O',
    '',
    'constructor',
    '__proto__',
  ]) {
    assert.is(capabilitiesOf(id), undefined, id);
  }
});

test('the catalog is frozen: no caller can change the rules for everyone', () => {
  const o3 = capabilitiesOf('o3') as ModelCapabilities;
  assert.ok(Object.isFrozen(o3) && Object.isFrozen(o3.sources) && Object.isFrozen(o3.reasoningEfforts));
  assert.ok(Object.isFrozen(modelFamilies) && Object.isFrozen(modelIds));
  assert.throws(() => {
    (o3 as { stop: boolean }).stop = true;
  }, TypeError);
});

test.run();
