import type { ModelCapabilities } from '../models/model-capabilities.js';

/*
 * The sentences that refuse a call on a model, by builder method: one wording for the call itself
 * (src/state/call-rules.ts) and for `.model()` and send() (src/state/model-rules.ts), which read the
 * same entries where they apply. `never` where the model accepts the call.
 */

/** The restricted calls, by builder method. */
export interface CallRefusals<TModel extends string, TCaps extends ModelCapabilities> {
  temperature: Sampling<TModel, TCaps['sampling'], 'temperature', '.temperature()'>;
  topP: Sampling<TModel, TCaps['sampling'], 'top_p', '.topP()'>;
  logprobs: [TCaps['logprobs']] extends ['no']
    ? `${TModel} does not return logprobs: remove .logprobs()`
    : never;
  frequencyPenalty: Refused<TModel, TCaps['penalties'], 'frequency_penalty', '.frequencyPenalty()'>;
  presencePenalty: Refused<TModel, TCaps['penalties'], 'presence_penalty', '.presencePenalty()'>;
  logitBias: Refused<TModel, TCaps['logitBias'], 'logit_bias', '.logitBias()'>;
  stop: Refused<TModel, TCaps['stop'], 'stop', '.stop()'>;
  parallelToolCalls: Refused<
    TModel,
    TCaps['parallelToolCalls'],
    'parallel_tool_calls',
    '.parallelToolCalls()'
  >;
  maxTokens: [TCaps['maxTokens']] extends [false]
    ? `${TModel} does not accept max_tokens: use .maxCompletionTokens() instead`
    : never;
  webSearch: [TCaps['webSearch']] extends [false]
    ? `${TModel} does not search the web: remove .webSearch(), or use a search model such as gpt-4o-search-preview`
    : never;
  audio: [TCaps['audioOutput']] extends [false]
    ? `${TModel} cannot output audio: remove .audio(), or use an audio model such as gpt-4o-audio-preview`
    : never;
  modalities: [TCaps['audioOutput']] extends [false]
    ? `${TModel} cannot output audio: use .modalities(['text']), or an audio model such as gpt-4o-audio-preview`
    : never;
  prediction: [TCaps['prediction']] extends [false]
    ? `${TModel} does not support predicted outputs: remove .prediction(), or use gpt-4o, gpt-4o-mini or gpt-4.1`
    : never;
  serviceTier: [TCaps['flexTier']] extends [false]
    ? `${TModel} does not offer service_tier 'flex': use another tier, or a model with flex processing such as o3 or gpt-5`
    : never;
  promptCacheRetention: [TCaps['promptCache24h']] extends [false]
    ? `${TModel} does not offer prompt_cache_retention '24h': leave it out, or use a newer gpt-5.x model`
    : never;
}

type Sampling<TModel extends string, TSupport, TField extends string, TMethod extends string> = [
  TSupport,
] extends ['no']
  ? OnlyDefault<TModel, TField, TMethod>
  : never;

/**
 * The sentence for a sampling field a model takes only at its default, 1 (which is never recorded, so
 * a recorded one is another value): at the call, at `.model()` and at send().
 */
export type OnlyDefault<
  TModel extends string,
  TField extends string,
  TMethod extends string,
> = `${TModel} does not accept ${TField} (only its default 1): remove ${TMethod}`;

type Refused<TModel extends string, TOn, TField extends string, TMethod extends string> = [TOn] extends [
  false,
]
  ? NotAccepted<TModel, TField, TMethod>
  : never;

/** The sentence for a field a model refuses whatever its value. */
export type NotAccepted<
  TModel extends string,
  TField extends string,
  TMethod extends string,
> = `${TModel} does not accept ${TField}: remove ${TMethod}`;
