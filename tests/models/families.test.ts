// Every model rule on one model of each family, both ways: the rule fires exactly where the family's
// capabilities refuse the field, and a body the family accepts passes the whole validation and
// OpenAI's official schema. The exact sentences are in model-rules.test.ts.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { capabilitiesOf } from '../../src/models/capabilities-of.js';
import { modelIds } from '../../src/models/catalog.js';
import type { ModelCapabilities } from '../../src/models/model-capabilities.js';
import { modelRules } from '../../src/models/model-rules.js';
import { bodyFor, expectValid, user, weather } from './support.js';

/** The paths the model rules report for `body`, run directly (no field checks or other rules). */
function fired(body: Record<string, unknown>): string[] {
  const paths: string[] = [];
  for (const rule of modelRules) rule.check(body, (path) => paths.push(path.join('.')));
  return paths;
}

/** One model per family: the first id of each in the spec's order. */
const representatives = new Map<string, string>();
for (const [id, family] of Object.entries(modelIds))
  if (!representatives.has(family)) representatives.set(family, id);

type Probe = {
  name: string;
  patch: Record<string, unknown>;
  /** The paths the rules must report, from the family's capabilities. */
  expected: (caps: ModelCapabilities) => string[];
  /** False when the body breaks a rule outside the model rules (so it is never a valid request). */
  complete?: false;
};

const when = (refused: boolean, ...paths: string[]) => (refused ? paths : []);
const samplingRefused = (support: ModelCapabilities['sampling'], caps: ModelCapabilities) =>
  support === 'no' || (support === 'effort-none' && caps.defaultReasoningEffort !== 'none');

const probes: Probe[] = [
  {
    name: 'temperature',
    patch: { temperature: 0.5 },
    expected: (c) => when(samplingRefused(c.sampling, c), 'temperature'),
  },
  { name: 'top_p', patch: { top_p: 0.5 }, expected: (c) => when(samplingRefused(c.sampling, c), 'top_p') },
  {
    name: 'logprobs',
    patch: { logprobs: true, top_logprobs: 2 },
    expected: (c) => when(samplingRefused(c.logprobs, c), 'logprobs', 'top_logprobs'),
  },
  {
    name: 'presence_penalty',
    patch: { presence_penalty: 0.5 },
    expected: (c) => when(!c.penalties, 'presence_penalty'),
  },
  {
    name: 'frequency_penalty',
    patch: { frequency_penalty: -1 },
    expected: (c) => when(!c.penalties, 'frequency_penalty'),
  },
  {
    name: 'logit_bias',
    patch: { logit_bias: { '1': 1 } },
    expected: (c) => when(!c.logitBias, 'logit_bias'),
  },
  { name: 'max_tokens', patch: { max_tokens: 10 }, expected: (c) => when(!c.maxTokens, 'max_tokens') },
  { name: 'stop', patch: { stop: 'END' }, expected: (c) => when(!c.stop, 'stop') },
  {
    name: 'parallel_tool_calls',
    patch: { tools: [weather], parallel_tool_calls: true },
    expected: (c) => [...when(!c.parallelToolCalls, 'parallel_tool_calls'), ...when(!c.tools, 'tools')],
  },
  {
    name: 'system message',
    patch: { messages: [{ role: 'system', content: 'S' }, user] },
    expected: (c) => when(!c.instructions, 'messages.0.role'),
  },
  {
    name: 'developer message',
    patch: { messages: [user, { role: 'developer', content: 'D' }] },
    expected: (c) => when(!c.instructions, 'messages.1.role'),
  },
  { name: 'tools', patch: { tools: [weather] }, expected: (c) => when(!c.tools, 'tools') },
  {
    name: 'functions',
    patch: { functions: [{ name: 'lookup' }] },
    expected: (c) => when(!c.tools, 'functions'),
  },
  {
    name: 'json_schema',
    patch: { response_format: { type: 'json_schema', json_schema: { name: 'answer' } } },
    expected: (c) => when(!c.jsonSchema, 'response_format.type'),
  },
  {
    name: 'audio output',
    patch: { modalities: ['text', 'audio'], audio: { voice: 'alloy', format: 'pcm16' } },
    expected: (c) => when(!c.audioOutput, 'modalities'),
  },
  {
    name: 'audio without its modality',
    patch: { audio: { voice: 'alloy', format: 'pcm16' } },
    expected: (c) => when(!c.audioOutput, 'audio'),
    complete: false,
  },
  {
    name: 'web search',
    patch: { web_search_options: {} },
    expected: (c) => when(!c.webSearch, 'web_search_options'),
  },
  {
    name: 'prediction',
    patch: { prediction: { type: 'content', content: 'x' } },
    expected: (c) => when(!c.prediction, 'prediction'),
  },
  { name: 'flex tier', patch: { service_tier: 'flex' }, expected: (c) => when(!c.flexTier, 'service_tier') },
  {
    name: '24h prompt cache',
    patch: { prompt_cache_retention: '24h' },
    expected: (c) => when(!c.promptCache24h, 'prompt_cache_retention'),
  },
  ...(['none', 'minimal', 'low', 'medium', 'high', 'xhigh', 'max'] as const).map(
    (effort): Probe => ({
      name: `reasoning_effort ${effort}`,
      patch: { reasoning_effort: effort },
      expected: (c) => when(!c.reasoningEfforts.includes(effort), 'reasoning_effort'),
    }),
  ),
  {
    name: "temperature with reasoning_effort 'none'",
    patch: { temperature: 0.5, reasoning_effort: 'none' },
    expected: (c) => [
      ...when(c.sampling === 'no', 'temperature'),
      ...when(!c.reasoningEfforts.includes('none'), 'reasoning_effort'),
    ],
  },
];

for (const [family, model] of representatives) {
  test(`family ${family} (${model}): every model rule, accepted and refused`, () => {
    const caps = capabilitiesOf(model) as ModelCapabilities;
    let accepted = 0;
    let refused = 0;
    for (const probe of probes) {
      const body = bodyFor(model, probe.patch);
      const expected = probe.expected(caps);
      assert.equal(fired(body), expected, `${model}: ${probe.name}`);
      if (expected.length > 0) refused++;
      else if (probe.complete !== false) {
        expectValid(body);
        accepted++;
      }
    }
    // Each family both accepts and refuses something: a probe list that stopped exercising either way fails here.
    assert.ok(accepted > 0 && refused > 0, `${family}: accepted ${accepted}, refused ${refused}`);
  });
}

test('every family has a representative', () => {
  assert.is(representatives.size, new Set(Object.values(modelIds)).size);
});

test.run();
