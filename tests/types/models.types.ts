// Model-aware types: with a model from the catalog, what the model rejects does not compile, at the
// call once the model is known, at .model() for the calls before it, and at send() for what a preset
// applied after the model added; unknown models keep every method.
import { expectTypeOf } from 'expect-type';
import {
  type BuilderState,
  type ChatBuilder,
  type ChatwrightTypeError,
  chat,
  defineModels,
  type ModelCapabilities,
  type ServiceTier,
} from '../../src/index.js';

const o3 = chat().model('o3').user('Hi');

// ---- reasoning models (o-series): what the model refuses fails at the call, naming the fix ---------
// @ts-expect-error o3 does not accept temperature (only its default 1): remove .temperature()
o3.temperature(0);
// The default, 1, is what every model takes (the runtime accepts it too): not recorded, so it sends.
expectTypeOf(o3.temperature(1).topP(1).send).toBeFunction();
// @ts-expect-error o3 does not accept top_p (only its default 1): remove .topP()
o3.topP(0.5);
// @ts-expect-error o3 does not accept presence_penalty: remove .presencePenalty()
o3.presencePenalty(1);
// @ts-expect-error o3 does not accept frequency_penalty: remove .frequencyPenalty()
o3.frequencyPenalty(0);
// @ts-expect-error o3 does not return logprobs: remove .logprobs() (not callable)
o3.logprobs();
// @ts-expect-error o3 does not accept logit_bias: remove .logitBias()
o3.logitBias({ '1': 1 });
// @ts-expect-error o3 does not accept max_tokens: use .maxCompletionTokens() instead
o3.maxTokens(100);
// @ts-expect-error o3 does not accept stop: remove .stop()
o3.stop('END');
// @ts-expect-error o3 does not accept parallel_tool_calls: remove .parallelToolCalls()
o3.tool({ name: 'f' }).parallelToolCalls(false);
expectTypeOf(o3.maxCompletionTokens(100).reasoningEffort('high').tool({ name: 'f' }).send).toBeFunction();
// The table row is the model's: an unknown model, no model yet, or a union of models take every value.
chat().model('my-fine-tune').temperature(0).stop('x').logprobs().maxTokens(5);
chat().temperature(0).stop('x').logprobs().maxTokens(5);
chat()
  .when(true as boolean, (b) => b.model('o3'))
  .temperature(0);

// ---- the other order: a call before the model makes .model() fail, naming the call -----------------
// @ts-expect-error o3 does not accept temperature (only its default 1): remove .temperature()
chat().temperature(0).model('o3');
// @ts-expect-error o3 does not accept max_tokens: use .maxCompletionTokens() instead
chat().maxTokens(5).model('o3');
// @ts-expect-error every problem at once: o3 does not accept stop, nor temperature
chat().temperature(0).stop('x').model('o3');
// A generic preset compiles whatever the model will be; `.model()` checks its calls where it is used.
const cold = <S extends BuilderState>(builder: ChatBuilder<S>) => builder.temperature(0);
const stopAtEnd = <S extends BuilderState>(builder: ChatBuilder<S>) => builder.stop('END');
expectTypeOf(chat().use(cold).model('gpt-4o').user('Hi').send).toBeFunction();
// @ts-expect-error o3 does not accept temperature (set by a preset before the model)
chat().use(cold).model('o3');
// A preset applied after the model is checked at send(), with every problem at once.
expectTypeOf(chat().model('o3').use(cold).use(stopAtEnd).user('Hi').send).toEqualTypeOf<
  ChatwrightTypeError<
    | 'o3 does not accept temperature (only its default 1): remove .temperature()'
    | 'o3 does not accept stop: remove .stop()'
  >
>();
// A generic preset may choose the model itself: its earlier calls are unknown there, checked at send().
const onO3 = <S extends BuilderState>(builder: ChatBuilder<S>) =>
  builder.model('o3').maxCompletionTokens(500);
expectTypeOf(chat().use(onO3).user('Hi').send).toBeFunction();
// @ts-expect-error o3 does not accept temperature (the preset's model meets the caller's call at send())
chat().temperature(0.5).use(onO3).user('Hi').send();
// A generic preset may set a parameter, then the model: the pair is checked where the preset is used.
const onGpt4o = <S extends BuilderState>(builder: ChatBuilder<S>) => builder.temperature(0).model('gpt-4o');
const stopMaybe = <S extends BuilderState>(builder: ChatBuilder<S>) =>
  builder.when(true as boolean, (b) => b.stop('END')).model('gpt-4o');
const searching = <S extends BuilderState>(builder: ChatBuilder<S>) =>
  builder.webSearch().model('gpt-4o-search-preview');
expectTypeOf(chat().use(onGpt4o).use(stopMaybe).user('Hi').send).toBeFunction();
expectTypeOf(chat().use(searching).user('Hi').send).toBeFunction();
const brokenPreset = <S extends BuilderState>(builder: ChatBuilder<S>) =>
  builder.temperature(0.5).model('o3');
expectTypeOf(chat().use(brokenPreset).user('Hi').send).toEqualTypeOf<
  ChatwrightTypeError<'o3 does not accept temperature (only its default 1): remove .temperature()'>
>();
// A model id that is itself a type parameter: permissive while it is generic (constrain it to
// `string`; an id constrained to the catalog's ids gets every catalog model's rules at once).
export const withModel = <M extends string>(id: M) => chat().temperature(0.2).model(id).stop('END');

// ---- values some models refuse: 'flex' and '24h', at the call and at .model() -------------------
// @ts-expect-error gpt-4o does not offer service_tier 'flex'
chat().model('gpt-4o').serviceTier('flex');
// @ts-expect-error gpt-4o does not offer service_tier 'flex' (set before the model)
chat().serviceTier('flex').model('gpt-4o');
// @ts-expect-error gpt-4o does not offer prompt_cache_retention '24h'
chat().promptCacheRetention('24h').model('gpt-4o');
expectTypeOf(chat().serviceTier('flex').model('o3').user('Hi').send).toBeFunction();
// A value known only at runtime is left to runtime validation.
declare const tier: ServiceTier;
expectTypeOf(chat().model('gpt-4o').serviceTier(tier).user('Hi').send).toBeFunction();
// logprobs(false) is the default: on a model that returns no logprobs the method is not there at all.
// @ts-expect-error o3 does not return logprobs: remove .logprobs()
o3.logprobs(false);

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
// An effort set before the model is checked by .model().
// @ts-expect-error o3 accepts reasoningEffort 'low', 'medium', 'high', not 'minimal'
chat().reasoningEffort('minimal').model('o3');

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
// @ts-expect-error gpt-4o does not search the web
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
