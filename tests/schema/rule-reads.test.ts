import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { modelIds } from '../../src/models/catalog.js';
import type { Body, Rule } from '../../src/models/rule.js';
import { presetRules } from '../../src/schema/preset-rules.js';
import { sendRules } from '../../src/schema/send-rules.js';
import { validBodies } from './valid-bodies.js';

// A builder derived from a validated one re-runs only the rules whose `reads` include a field it
// changed, so a field a rule reads but does not list would let a broken request through. Every rule
// runs here over thousands of bodies (every catalog model, the fields in many combinations, values
// chosen to reach each branch) behind a proxy that records each top-level field the rule touches.

const tool = (name: string) => ({ type: 'function', function: { name, parameters: { type: 'object' } } });

/** Values for each field, chosen to take the rules down their different branches. */
const choices: Record<string, readonly unknown[]> = {
  messages: [
    [{ role: 'user', content: 'Hi' }],
    [
      { role: 'system', content: 'Be brief.' },
      { role: 'developer', content: 'Be kind.' },
      { role: 'user', content: 'Hi' },
    ],
    [],
  ],
  temperature: [0.5, 1, 0],
  top_p: [0.5, 1],
  logprobs: [true, false],
  top_logprobs: [3],
  presence_penalty: [0.5, 0],
  frequency_penalty: [0.5, 0],
  logit_bias: [{ '50256': -100 }],
  stop: ['END'],
  n: [2, 1],
  max_tokens: [100],
  max_completion_tokens: [100],
  modalities: [['text', 'audio'], ['text']],
  audio: [{ voice: 'alloy', format: 'wav' }],
  reasoning_effort: ['none', 'minimal', 'low', 'high', 'xhigh'],
  tools: [[tool('a')], [tool('a'), tool('a')], []],
  tool_choice: [
    'auto',
    'required',
    { type: 'function', function: { name: 'a' } },
    { type: 'function', function: { name: 'b' } },
    { type: 'custom', custom: { name: 'a' } },
    {
      type: 'allowed_tools',
      allowed_tools: { mode: 'auto', tools: [{ type: 'function', function: { name: 'b' } }] },
    },
  ],
  parallel_tool_calls: [true, false],
  functions: [[{ name: 'f', parameters: { type: 'object' } }], []],
  function_call: ['auto', { name: 'f' }, { name: 'g' }],
  stream: [true, false],
  stream_options: [{ include_usage: true }],
  response_format: [{ type: 'json_object' }, { type: 'json_schema', json_schema: { name: 'x', schema: {} } }],
  web_search_options: [{}],
  prediction: [{ type: 'content', content: 'draft' }],
  service_tier: ['flex', 'default'],
  prompt_cache_retention: ['24h', 'in_memory'],
};

/** A small deterministic generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

function* bodies(): Generator<Body> {
  const next = random(7);
  const pick = <T>(values: readonly T[]) => values[Math.floor(next() * values.length)] as T;
  const models: readonly (string | undefined)[] = [...Object.keys(modelIds), 'ft:custom-model', undefined];
  for (const [, body] of validBodies) yield body as unknown as Body;
  for (const model of models) {
    for (let round = 0; round < 40; round++) {
      const body: Record<string, unknown> = {};
      if (model !== undefined) body.model = model;
      // Each field present with probability 1/2: every pair of fields meets in some body.
      for (const [field, values] of Object.entries(choices)) if (next() < 0.5) body[field] = pick(values);
      yield body;
    }
  }
}

/** The top-level fields `rule` reads of `body` (reads through the report's path included). */
function fieldsRead(rule: Rule, body: Body): Set<string> {
  const read = new Set<string>();
  const watched = new Proxy(body, {
    get(target, key, receiver) {
      if (typeof key === 'string') read.add(key);
      return Reflect.get(target, key, receiver);
    },
    has(target, key) {
      if (typeof key === 'string') read.add(key);
      return Reflect.has(target, key);
    },
    ownKeys(target) {
      read.add('*every key*');
      return Reflect.ownKeys(target);
    },
  });
  rule.check(watched, () => {});
  return read;
}

test("every rule's reads lists every field it reads", () => {
  const rules = [...presetRules, ...sendRules];
  const reached = new Map<Rule, Set<string>>(rules.map((rule) => [rule, new Set()]));
  let count = 0;
  for (const body of bodies()) {
    count++;
    for (const rule of rules) {
      for (const field of fieldsRead(rule, body)) {
        reached.get(rule)?.add(field);
        if (!rule.reads.includes(field)) {
          assert.unreachable(
            `a rule with reads [${rule.reads.join(', ')}] read "${field}" of ${JSON.stringify(body)}`,
          );
        }
      }
    }
  }
  assert.ok(count > 3_000, `only ${count} bodies`);
  // Not vacuous: each rule was seen reading every field it lists (a listed field never read would mean
  // the bodies above miss a branch, or the list is stale).
  for (const [rule, fields] of reached) {
    assert.equal([...fields].sort(), [...rule.reads].sort(), `rule reading [${rule.reads.join(', ')}]`);
  }
});

test.run();
