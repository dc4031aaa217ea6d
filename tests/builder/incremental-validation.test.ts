import { test } from 'uvu';
import * as assert from 'uvu/assert';
import * as v from 'valibot';
import { chat, defineModels, tool, validateRequest } from '../../src/index.js';
import { forgetDeclaredModels } from '../../src/models/declared-models.js';
import { issuesOf } from '../schema/support.js';

// A builder's validate() is remembered, and a builder derived from a validated one checks only what
// changed (incremental validation, src/schema/verdict.ts). These tests hold it to the full check:
// whatever order builders are derived, shared and validated in, validate() must agree with
// validateRequest() over the same body, issue for issue.

/** A builder as a JavaScript caller sees it: any method, any argument (the types are not under test). */
type Loose = { [method: string]: (...args: unknown[]) => Loose } & {
  user(content: unknown): Loose;
  system(content: unknown): Loose;
  functions(functions: unknown): Loose;
  metadata(metadata: unknown): Loose;
  webSearch(options: unknown): Loose;
  jsonSchema(schema: unknown, options: unknown): Loose;
  toJSON(): Record<string, unknown>;
  validate(): ReturnType<typeof validateRequest>;
  toBatchLine(customId: string): string;
};

const weather = tool({ name: 'weather', parameters: v.object({ city: v.string() }) });

type Call = readonly [string, ...unknown[]];

/** Calls that go together on gpt-4o: most chains of these make a valid request. */
const common: readonly Call[] = [
  ['model', 'gpt-4o'],
  ['model', 'ft:custom'],
  ['system', 'Be brief.'],
  ['developer', 'Be kind.'],
  ['user', 'Hi'],
  ['user', 'Again'],
  ['assistant', 'Hello'],
  ['messages', [{ role: 'user', content: 'From JSON' }]],
  ['temperature', 0.3],
  ['topP', 0.5],
  ['seed', 7],
  ['metadata', { team: 'billing' }],
  ['store'],
  ['extra', { provider_field: 1 }],
  ['maxCompletionTokens', 100],
];

/** Calls that break a field or a rule, alone or with others, on some models. */
const risky: readonly Call[] = [
  ['model', 'o3'],
  ['model', 'o1-mini'],
  ['model', 'gpt-5'],
  ['model', ''],
  ['user', 42],
  ['messages', [{ role: 'robot', content: 'Beep' }]],
  ['temperature', 1],
  ['temperature', 3],
  ['logprobs'],
  ['logprobs', false],
  ['topLogprobs', 2],
  ['maxTokens', 100],
  ['maxCompletionTokens', -1],
  ['stop', 'END'],
  ['n', 2],
  ['presencePenalty', 0.5],
  ['logitBias', { '50256': -100 }],
  ['reasoningEffort', 'high'],
  ['reasoningEffort', 'none'],
  ['tool', weather],
  ['tool', { name: 'lookup', parameters: { type: 'object' } }],
  ['toolChoice', 'auto'],
  ['toolChoice', 'weather'],
  ['parallelToolCalls', false],
  ['functions', [{ name: 'f', parameters: { type: 'object' } }]],
  ['functionCall', 'auto'],
  ['stream'],
  ['stream', false],
  ['streamOptions', { include_usage: true }],
  ['modalities', ['text', 'audio']],
  ['audio', { voice: 'alloy', format: 'wav' }],
  ['prediction', 'draft'],
  ['webSearch'],
  ['serviceTier', 'flex'],
  ['promptCacheRetention', '24h'],
  ['jsonObject'],
];

/** A call: one in five risky. */
function pickCall(next: () => number): Call {
  const list = next() < 0.2 ? risky : common;
  return list[Math.floor(next() * list.length)] as Call;
}

function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

/** `builder` validates as validateRequest() validates its body, and serializes as JSON.stringify. */
function assertAgrees(builder: Loose, label: string): boolean {
  const full = validateRequest(builder.toJSON());
  const own = builder.validate();
  assert.is(own.success, full.success, `${label}: ${JSON.stringify(builder.toJSON())}`);
  assert.equal(issuesOf(own), issuesOf(full), label);
  if (own.success) {
    // A batch line's body is spliced from the preset's text (body-node.ts): it must be the same bytes.
    const line = `{"custom_id":"id","method":"POST","url":"/v1/chat/completions","body":${JSON.stringify(builder)}}`;
    assert.is(builder.toBatchLine('id'), line, label);
  }
  return own.success;
}

test('validate() agrees with validateRequest() however builders are derived and shared', () => {
  const next = random(11);
  let passed = 0;
  let failed = 0;
  for (let tree = 0; tree < 60; tree++) {
    // A pool of builders: each step derives from any earlier one (so bases get shared, as presets
    // are) and validates some at random (so remembered results sit at random places in the tree).
    const pool: Array<{ builder: Loose; label: string }> = [
      { builder: chat() as unknown as Loose, label: 'chat()' },
    ];
    for (let step = 0; step < 40; step++) {
      const from = pool[Math.floor(next() * pool.length)] as (typeof pool)[number];
      const [method, ...args] = pickCall(next);
      let builder: Loose;
      try {
        builder = (from.builder[method] as (...args: unknown[]) => Loose)(...args);
      } catch {
        continue; // refused at the call (an unknown tool name): nothing to validate
      }
      const label = `${from.label}.${method}(${args.map((arg) => JSON.stringify(arg)).join(', ')})`;
      pool.push({ builder, label });
      if (next() < 0.3) {
        if (assertAgrees(builder, label)) passed++;
        else failed++;
      }
    }
    for (const { builder, label } of pool) assertAgrees(builder, label);
  }
  // Not vacuous: both outcomes happen often.
  assert.ok(passed > 50 && failed > 50, `passed ${passed}, failed ${failed}`);
});

test('a body is the same whether it is made at every call or once at the end', () => {
  const next = random(5);
  for (let round = 0; round < 100; round++) {
    let eager = chat() as unknown as Loose;
    let lazy = chat() as unknown as Loose;
    for (let step = 0; step < 12; step++) {
      const [method, ...args] = pickCall(next);
      try {
        eager = (eager[method] as (...args: unknown[]) => Loose)(...args);
        lazy = (lazy[method] as (...args: unknown[]) => Loose)(...args);
      } catch {
        continue;
      }
      eager.toJSON();
    }
    assert.is(JSON.stringify(lazy), JSON.stringify(eager));
  }
});

test('a remembered result follows a later defineModels() declaration', () => {
  const id = 'acme-reasoner';
  try {
    const builder = chat().model(id).user('Hi').temperature(0.5);
    const derived = builder.user('More');
    assert.ok(builder.validate().success, 'unknown model: permissive');
    defineModels({ [id]: { extends: 'o3' } });
    assert.not.ok(builder.validate().success, 'declared as a reasoning model: temperature refused');
    assert.not.ok(derived.validate().success, 'a builder derived before the declaration too');
    assert.match(issuesOf(builder.validate())[0]?.message ?? '', 'does not accept temperature');
  } finally {
    forgetDeclaredModels([id]);
  }
});

test('a derived builder re-checks the message it adds', () => {
  const preset = chat().model('gpt-4o').system('Be brief.');
  assert.ok(preset.user('Hi').validate().success);
  const bad = (preset as unknown as Loose).user({ not: 'content' });
  assert.equal(
    issuesOf(bad.validate()).map((issue) => issue.path),
    ['messages.1.content'],
  );
  // And the rules reading messages: o1-mini takes no system message, whichever builder adds it.
  const mini = chat().model('o1-mini').user('Hi');
  assert.ok(mini.validate().success);
  assert.not.ok((mini as unknown as Loose).system('Be brief.').validate().success);
});

test('an object the caller keeps (a class instance, a Date) is refused, never frozen nor trusted', () => {
  class Part {
    type = 'text';
    text = 'hello';
  }
  class Options {
    search_context_size = 'low';
  }
  const part = new Part();
  const options = new Options();
  const when = new Date(0);
  const builders: Array<[Loose, string]> = [
    [(chat().model('gpt-4o') as unknown as Loose).user([part]), 'messages.0.content.0'],
    [(chat().model('gpt-4o').user('Hi') as unknown as Loose).webSearch(options), 'web_search_options'],
    [(chat().model('gpt-4o').user('Hi') as unknown as Loose).metadata(when), 'metadata'],
    [
      (chat().model('gpt-4o').user('Hi') as unknown as Loose).jsonSchema(
        { type: 'object', properties: { at: { default: when } } },
        { name: 'x', strict: false },
      ),
      'response_format.json_schema.schema',
    ],
  ];
  for (const [builder, path] of builders) {
    assertAgrees(builder, path);
    assert.ok(
      issuesOf(builder.validate()).some((issue) => issue.path === path),
      `${path}: ${JSON.stringify(issuesOf(builder.validate()))}`,
    );
    // And a request derived from it is refused too, whatever the caller does to the object later.
    part.text = 'changed';
    assertAgrees(builder.user('more'), `${path}, derived`);
  }
  assert.not.ok(Object.isFrozen(part) || Object.isFrozen(options) || Object.isFrozen(when));
});

test('appending to a field a JavaScript caller set to something else replaces it, without throwing', () => {
  const f = { name: 'f', parameters: { type: 'object' } };
  const loose = chat().model('gpt-4o').user('Hi') as unknown as Loose;
  for (const first of [null, 'ab', { not: 'an array' }]) {
    const builder = loose.functions(first).functions([f]);
    assert.equal(builder.toJSON().functions, [f]);
    assertAgrees(builder, `functions(${JSON.stringify(first)}).functions([f])`);
  }
  // Alone, the bad value stays for validation to report.
  assert.equal(
    issuesOf(loose.functions('ab').validate()).map((issue) => issue.path),
    ['functions'],
  );
});

test('a batch line spliced from a preset with an empty message list is still the body', () => {
  const preset = chat().model('gpt-4o').messages([]);
  const first = preset.user('one');
  const second = preset.user('two').user('three');
  for (const builder of [first, second]) {
    const line = `{"custom_id":"id","method":"POST","url":"/v1/chat/completions","body":${JSON.stringify(builder)}}`;
    assert.is(builder.toBatchLine('id'), line);
  }
});

test('a long conversation grown one call at a time validates without deep recursion', () => {
  let convo = chat().model('gpt-4o').system('Be brief.') as unknown as Loose;
  for (let turn = 0; turn < 20_000; turn++) convo = convo.user(`turn ${turn}`);
  assert.ok(convo.validate().success);
  assert.is((convo.toJSON().messages as unknown[]).length, 20_001);
});

test.run();
