// Model-aware types: with a model from the catalog, what the model rejects does not compile, at send(),
// whatever order the calls (or presets) came in; unknown models keep every method.
import { expectTypeOf } from 'expect-type';
import {
  type BuilderState,
  type ChatBuilder,
  type ChatwrightTypeError,
  chat,
  defineModels,
  type ModelCapabilities,
} from '../../src/index.js';

const o3 = chat().model('o3').user('Hi');

// ---- reasoning models (o-series): sampling, penalties, logprobs, logit bias, max_tokens, stop ------
// @ts-expect-error o3 does not accept temperature
o3.temperature(0).send();
expectTypeOf(o3.temperature(0).send).toEqualTypeOf<
  ChatwrightTypeError<'o3 does not accept temperature: remove .temperature()'>
>();
// @ts-expect-error o3 does not accept top_p
o3.topP(0.5).send();
// @ts-expect-error o3 does not accept presence_penalty
o3.presencePenalty(1).send();
// @ts-expect-error o3 does not accept frequency_penalty
o3.frequencyPenalty(1).send();
// @ts-expect-error o3 does not accept logprobs
o3.logprobs().send();
// @ts-expect-error o3 does not accept logit_bias
o3.logitBias({ '1': 1 }).send();
// @ts-expect-error o3 does not accept max_tokens: use .maxCompletionTokens() instead
o3.maxTokens(100).send();
expectTypeOf(o3.maxTokens(100).send).toEqualTypeOf<
  ChatwrightTypeError<'o3 does not accept max_tokens: use .maxCompletionTokens() instead'>
>();
// @ts-expect-error o3 does not accept stop
o3.stop('END').send();
// @ts-expect-error o3 does not accept parallel_tool_calls
o3.tool({ name: 'f' }).parallelToolCalls(false).send();
o3.maxCompletionTokens(100).reasoningEffort('high').tool({ name: 'f' }).send;

// Every problem at once.
expectTypeOf(o3.temperature(0).stop('x').send).toEqualTypeOf<
  ChatwrightTypeError<
    'o3 does not accept temperature: remove .temperature()' | 'o3 does not accept stop: remove .stop()'
  >
>();

// ---- order does not matter: a preset set temperature before the model --------------------------------
const cold = <S extends BuilderState>(builder: ChatBuilder<S>) => builder.temperature(0);
chat().use(cold).model('gpt-4o').user('Hi').send;
// @ts-expect-error o3 does not accept temperature (set by a preset before the model)
chat().use(cold).model('o3').user('Hi').send();

// ---- reasoningEffort() takes exactly the model's efforts ---------------------------------------------
o3.reasoningEffort('low');
// @ts-expect-error o3 accepts low, medium, high: not 'none'
o3.reasoningEffort('none');
// @ts-expect-error o3 accepts low, medium, high: not 'minimal'
o3.reasoningEffort('minimal');
chat().model('gpt-5').reasoningEffort('minimal');
// @ts-expect-error gpt-5 does not accept 'none' (before gpt-5.1)
chat().model('gpt-5').reasoningEffort('none');
chat().model('gpt-5.1').reasoningEffort('none');
// @ts-expect-error gpt-4o is not a reasoning model: remove .reasoningEffort()
chat().model('gpt-4o').reasoningEffort('low');
// An effort set before the model is checked at send().
// @ts-expect-error o3 accepts reasoningEffort 'low', 'medium', 'high', not 'minimal'
chat().reasoningEffort('minimal').model('o3').user('Hi').send();

// ---- gpt-5.1: sampling only with reasoning effort 'none' (its default) -------------------------------
chat().model('gpt-5.1').user('Hi').temperature(0.2).send;
chat().model('gpt-5.1').user('Hi').reasoningEffort('none').temperature(0.2).logprobs().send;
// @ts-expect-error gpt-5.1 accepts temperature only with .reasoningEffort('none')
chat().model('gpt-5.1').user('Hi').reasoningEffort('high').temperature(0.2).send();
expectTypeOf(chat().model('gpt-5.1').user('Hi').reasoningEffort('low').topP(0.5).send).toEqualTypeOf<
  ChatwrightTypeError<"gpt-5.1 accepts top_p only with .reasoningEffort('none'): set it, or remove .topP()">
>();

// ---- gpt-4o family: everything sampling; predicted outputs; no web search, no audio ----------------
const gpt4o = chat().model('gpt-4o').user('Hi');
gpt4o.temperature(0.2).topP(0.9).presencePenalty(0.5).logprobs().topLogprobs(2).stop('x').maxTokens(10).send;
gpt4o.prediction('const x = 1;').send;
// @ts-expect-error prediction cannot be combined with tools
gpt4o.prediction('x').tool({ name: 'f' }).send();
// @ts-expect-error prediction cannot be combined with max_completion_tokens
gpt4o.prediction('x').maxCompletionTokens(10).send();
// @ts-expect-error gpt-4o does not support web search
gpt4o.webSearch().send();
// @ts-expect-error gpt-4o cannot output audio
gpt4o.modalities(['text', 'audio']).audio({ voice: 'alloy', format: 'wav' }).send();

// ---- audio, search and older models --------------------------------------------------------------
chat()
  .model('gpt-4o-audio-preview')
  .user('Hi')
  .modalities(['text', 'audio'])
  .audio({ voice: 'alloy', format: 'wav' }).send;
chat().model('gpt-4o-search-preview').user('News?').webSearch({ search_context_size: 'low' }).send;
// @ts-expect-error gpt-4o-search-preview does not accept temperature
chat().model('gpt-4o-search-preview').user('News?').temperature(0.5).send();
// @ts-expect-error o1-mini does not support tools
chat().model('o1-mini').user('Hi').tool({ name: 'f' }).send();
// @ts-expect-error o3-mini does not support predicted outputs
chat().model('o3-mini').user('Hi').prediction('x').send();
chat().model('gpt-3.5-turbo').user('Hi').temperature(1).maxTokens(10).logitBias({ '1': 5 }).send;

// ---- models outside the catalog keep every method ----------------------------------------------------
chat()
  .model('ft:gpt-4o-mini:acme::abc123')
  .user('Hi')
  .temperature(0)
  .logprobs()
  .maxTokens(10)
  .stop('x')
  .reasoningEffort('max')
  .webSearch()
  .prediction('x').send;
chat().model('llama3.1:8b').user('Hi').temperature(0.7).reasoningEffort('low').send;

// ---- imported presets: the parameters are known only at runtime, so the model rules wait for it ----
chat.fromJSON('{}').model('gpt-4o').user('Hi').send;
chat.fromJSON('{}').model('o3').user('Hi').send;
expectTypeOf(chat.fromJSON('{}').model('o3').user('Hi').stream(false).send).toBeFunction();

// ---- token limits: defineModels() and the ModelCatalog augmentation take them --------------------

const limited = defineModels({
  'acme-long': {
    extends: 'gpt-4o',
    contextWindow: 1_000_000,
    maxOutputTokens: 32_000,
    encoding: 'o200k_base',
  },
});
expectTypeOf(limited['acme-long'].contextWindow).toEqualTypeOf<1_000_000>();
expectTypeOf<ModelCapabilities['contextWindow']>().toEqualTypeOf<number | undefined>();
defineModels({
  // @ts-expect-error encoding is one of the tokenizers chatwright/tokens knows
  'acme-other': { extends: 'gpt-4o', encoding: 'p50k_base' },
});
defineModels({
  // @ts-expect-error contextWindow is a number of tokens
  'acme-bad': { extends: 'gpt-4o', contextWindow: '128k' },
});
