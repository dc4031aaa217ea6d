import { expectTypeOf } from 'expect-type';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { ModelDeclarationError } from '../../src/errors/model-declaration-error.js';
import { capabilitiesOf } from '../../src/models/capabilities-of.js';
import { modelFamilies } from '../../src/models/catalog.js';
import { forgetDeclaredModels } from '../../src/models/declared-models.js';
import { defineModels } from '../../src/models/define-models.js';
import type { ModelCapabilities } from '../../src/models/model-capabilities.js';
import { bodyFor, expectIssues, expectValid } from './support.js';

/** Runs `body` with `ids` declared, and forgets them after, so no declaration leaks into other tests. */
function withDeclared(ids: string[], body: () => void): void {
  try {
    body();
  } finally {
    forgetDeclaredModels(ids);
  }
}

const fineTune = 'ft:gpt-4o-mini:acme::abc123';

const localModel = {
  family: 'local',
  sampling: 'yes',
  logprobs: 'no',
  penalties: true,
  logitBias: false,
  maxTokens: true,
  stop: true,
  parallelToolCalls: true,
  reasoningEfforts: [],
  defaultReasoningEffort: null,
  instructions: true,
  tools: false,
  jsonSchema: true,
  audioOutput: false,
  webSearch: false,
  prediction: false,
  flexTier: false,
  promptCache24h: false,
  sources: { tools: 'the server has no tool parser' },
} as const satisfies ModelCapabilities;

test('a fine-tune extending a catalog model gets its rules, under its own id', () => {
  withDeclared([fineTune], () => {
    const models = defineModels({ [fineTune]: { extends: 'gpt-4o-mini' } });
    assert.equal(models[fineTune], modelFamilies['gpt-4o']);
    assert.equal(capabilitiesOf(fineTune), modelFamilies['gpt-4o']);
    expectIssues(bodyFor(fineTune, { reasoning_effort: 'low' }), [
      {
        path: 'reasoning_effort',
        message: `${fineTune} is not a reasoning model (remove .reasoningEffort()) [source: create-params docstring (reasoning_effort is for reasoning models only)]`,
      },
    ]);
    expectValid(bodyFor(fineTune, { prediction: { type: 'content', content: 'x' }, temperature: 0.3 }));
  });
  // Forgotten again: permissive.
  assert.is(capabilitiesOf(fineTune), undefined);
  expectValid(bodyFor(fineTune, { reasoning_effort: 'low' }));
});

test('an extension overrides capabilities and merges sources', () => {
  withDeclared(['acme-reasoner'], () => {
    const models = defineModels({
      'acme-reasoner': { extends: 'o3', family: 'acme', stop: true, sources: { stop: 'Acme API docs' } },
    });
    const caps = models['acme-reasoner'];
    assert.is(caps.family, 'acme');
    assert.is(caps.stop, true);
    assert.is(caps.sources.stop, 'Acme API docs');
    assert.is(caps.sources.sampling, modelFamilies.o3.sources.sampling);
    assert.ok(
      Object.isFrozen(caps) && Object.isFrozen(caps.sources) && Object.isFrozen(caps.reasoningEfforts),
    );
    expectValid(bodyFor('acme-reasoner', { stop: 'END' }));
    expectIssues(bodyFor('acme-reasoner', { temperature: 0.5 }), [
      {
        path: 'temperature',
        message:
          'acme-reasoner does not accept temperature (reasoning models take only the default sampling; remove .temperature()) [source: OpenAI reasoning guide (limitations); community compatibility matrix thread 1110750; the AI SDK strips them with a warning]',
      },
    ]);
    // The literal types survive, for a ModelCatalog augmentation.
    expectTypeOf(caps.stop).toEqualTypeOf<true>();
    expectTypeOf(caps.family).toEqualTypeOf<'acme'>();
    expectTypeOf(caps.sampling).toEqualTypeOf<'no'>();
    expectTypeOf(caps.reasoningEfforts).toEqualTypeOf<readonly ['low', 'medium', 'high']>();
  });
});

test('a full declaration: its own rules, and a source-less restriction says where it comes from', () => {
  withDeclared(['local-llm'], () => {
    const models = defineModels({ 'local-llm': localModel });
    assert.equal(models['local-llm'], localModel);
    expectTypeOf(models['local-llm'].tools).toEqualTypeOf<false>();
    expectIssues(
      bodyFor('local-llm', {
        logprobs: true,
        logit_bias: { '1': 1 },
        tools: [{ type: 'custom', custom: { name: 'x' } }],
      }),
      [
        {
          path: 'logprobs',
          message:
            'local-llm does not accept logprobs (local models take no logprobs; remove .logprobs()) [source: declared with defineModels()]',
        },
        {
          path: 'logit_bias',
          message:
            'local-llm does not accept logit_bias (this model refuses it; remove .logitBias()) [source: declared with defineModels()]',
        },
        {
          path: 'tools',
          message:
            'local-llm does not accept tools (it cannot call tools; remove .tool()) [source: the server has no tool parser]',
        },
      ],
    );
    expectValid(bodyFor('local-llm', { temperature: 1.5, max_tokens: 100 }));
  });
});

test('declaring a catalog id overrides the catalog at runtime', () => {
  withDeclared(['gpt-5'], () => {
    defineModels({ 'gpt-5': { extends: 'gpt-5', stop: false, sources: { stop: 'broken for us' } } });
    expectIssues(bodyFor('gpt-5', { stop: 'END' }), [
      {
        path: 'stop',
        message:
          'gpt-5 does not accept stop (this reasoning model takes no stop sequences; remove .stop()) [source: broken for us]',
      },
    ]);
  });
  expectValid(bodyFor('gpt-5', { stop: 'END' }));
});

test('a later declaration of the same id replaces the earlier one', () => {
  withDeclared(['acme'], () => {
    defineModels({ acme: { extends: 'gpt-4o' } });
    defineModels({ acme: { extends: 'o3' } });
    assert.is(capabilitiesOf('acme')?.family, 'o3');
  });
});

test('unusable declarations throw ModelDeclarationError and register nothing', () => {
  const cases: Array<[Record<string, unknown>, string, string]> = [
    [
      { good: { extends: 'gpt-4o' }, bad: { extends: 'gpt-9' } },
      'bad',
      `bad extends "gpt-9", which is not in the catalog (extend a catalog model such as 'gpt-4o', or declare every capability)`,
    ],
    [
      { bad: { ...localModel, stop: undefined } },
      'bad',
      'bad is not a usable model declaration: stop: Invalid type: Expected boolean but received undefined',
    ],
    [
      { bad: { extends: 'gpt-4o', sampling: 'sometimes', temprature: 'no' } },
      'bad',
      'bad is not a usable model declaration: sampling: Invalid type: Expected ("yes" | "no" | "effort-none") but received "sometimes"; temprature: Invalid key: Expected never but received "temprature"',
    ],
    [
      { bad: { extends: 'gpt-5', defaultReasoningEffort: 'none' } },
      'bad',
      'bad: defaultReasoningEffort must be one of reasoningEfforts, or null when reasoningEfforts is empty',
    ],
    [
      { bad: { extends: 'gpt-4o', defaultReasoningEffort: 'low' } },
      'bad',
      'bad: defaultReasoningEffort must be one of reasoningEfforts, or null when reasoningEfforts is empty',
    ],
  ];
  for (const [declarations, model, message] of cases) {
    try {
      defineModels(declarations as never);
      assert.unreachable('an unusable declaration was accepted');
    } catch (error) {
      if (!(error instanceof ModelDeclarationError)) throw error;
      assert.is(error.name, 'ModelDeclarationError');
      assert.is(error.model, model);
      assert.is(error.message, message);
    }
    assert.is(capabilitiesOf('good'), undefined);
    assert.is(capabilitiesOf('bad'), undefined);
  }
});

test('the compiler refuses an extension of a model outside the catalog', () => {
  const declare = () =>
    // @ts-expect-error: 'gpt-9' is not a catalog model id, so it cannot be extended
    defineModels({ bad: { extends: 'gpt-9' } });
  assert.throws(declare, (error: unknown) => error instanceof ModelDeclarationError);
});

test.run();
