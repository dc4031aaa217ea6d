import type { ModelCapabilities, SamplingSupport } from '../models/model-capabilities.js';
import type { ModelCatalog, ModelEntry } from '../models/model-catalog.js';
import type { ReasoningEffort } from '../wire/request.js';
import type { BuilderState } from './builder-state.js';
import type { CallRefusals, NotAccepted, OnlyDefault } from './refusals.js';
import type { ChatwrightTypeError } from './type-error.js';

/*
 * The per-model rules as types, read from the same catalog as the runtime checks (src/models/), over
 * a builder's recorded calls: what `.model()` checks the calls made before it against, and what
 * send() checks, where the model and every parameter are known whatever order presets applied them
 * in. A call made once the model is known is checked where it is made (src/state/call-rules.ts).
 */

/** The builder method that sets each parameter, for the fix in a message. */
interface MethodOf {
  temperature: '.temperature()';
  top_p: '.topP()';
  frequency_penalty: '.frequencyPenalty()';
  presence_penalty: '.presencePenalty()';
  logit_bias: '.logitBias()';
  stop: '.stop()';
  parallel_tool_calls: '.parallelToolCalls()';
  logprobs: '.logprobs()';
}

type Forbidden<TModel extends string, TParam extends keyof MethodOf> = TParam extends keyof MethodOf
  ? NotAccepted<TModel, TParam, MethodOf[TParam]>
  : never;

/** The effort in force: the one set, else the model's default. */
type EffectiveEffort<TEffort, TCaps extends ModelCapabilities> = [TEffort] extends [null]
  ? TCaps['defaultReasoningEffort']
  : TEffort;

type SamplingProblem<
  TModel extends string,
  TSupport extends SamplingSupport,
  TEffort,
  TParam extends keyof MethodOf,
> = [TParam] extends [never]
  ? never
  : TSupport extends 'no'
    ? TParam extends keyof MethodOf
      ? OnlyDefault<TModel, TParam, MethodOf[TParam]>
      : never
    : TSupport extends 'effort-none'
      ? [TEffort] extends ['none']
        ? never
        : TParam extends keyof MethodOf
          ? `${TModel} accepts ${TParam} only with .reasoningEffort('none'): set it, or remove ${MethodOf[TParam]}`
          : never
      : never;

type Flagged<TOn, TParam extends keyof MethodOf> = [TOn] extends [true] ? TParam : never;

type Join<T extends readonly string[]> = T extends readonly [
  infer First extends string,
  ...infer Rest extends string[],
]
  ? Rest extends []
    ? `'${First}'`
    : `'${First}', ${Join<Rest>}`
  : '';

type EffortProblem<TModel extends string, TCaps extends ModelCapabilities, TEffort> = [TEffort] extends [null]
  ? never
  : TCaps['reasoningEfforts'] extends readonly []
    ? `${TModel} is not a reasoning model: remove .reasoningEffort()`
    : TEffort extends TCaps['reasoningEfforts'][number]
      ? never
      : TEffort extends string
        ? `${TModel} accepts reasoningEffort ${Join<TCaps['reasoningEfforts']>}, not '${TEffort}'`
        : never;

type PredictionProblem<
  TModel extends string,
  TCaps extends ModelCapabilities,
  TState extends BuilderState,
> = 'prediction' extends TState['params']
  ? TCaps['prediction'] extends false
    ? CallRefusals<TModel, TCaps>['prediction']
    :
        | ([TState['tools'] | TState['customTools']] extends [never]
            ? never
            : 'prediction cannot be combined with tools')
        | ([TState['audio']] extends [true] ? 'prediction cannot be combined with audio output' : never)
        | ([TState['logprobs']] extends [true] ? 'prediction cannot be combined with logprobs' : never)
        | ([TState['maxCompletionTokens']] extends [true]
            ? 'prediction cannot be combined with max_completion_tokens'
            : never)
  : never;

type ProblemsFor<TModel extends string, TCaps extends ModelCapabilities, TState extends BuilderState> =
  | SamplingProblem<
      TModel,
      TCaps['sampling'],
      EffectiveEffort<TState['effort'], TCaps>,
      Extract<TState['params'], 'temperature' | 'top_p'>
    >
  | SamplingProblem<
      TModel,
      TCaps['logprobs'],
      EffectiveEffort<TState['effort'], TCaps>,
      Flagged<TState['logprobs'], 'logprobs'>
    >
  | (TCaps['penalties'] extends false
      ? Forbidden<TModel, Extract<TState['params'], 'frequency_penalty' | 'presence_penalty'>>
      : never)
  | (TCaps['logitBias'] extends false ? Forbidden<TModel, Extract<TState['params'], 'logit_bias'>> : never)
  | (TCaps['stop'] extends false ? Forbidden<TModel, Extract<TState['params'], 'stop'>> : never)
  | (TCaps['parallelToolCalls'] extends false
      ? Forbidden<TModel, Extract<TState['params'], 'parallel_tool_calls'>>
      : never)
  | ([TState['maxTokens']] extends [true] ? CallRefusals<TModel, TCaps>['maxTokens'] : never)
  | (TCaps['tools'] extends false
      ? [TState['tools'] | TState['customTools']] extends [never]
        ? never
        : `${TModel} does not support tools: remove .tool(), or use a model that calls tools`
      : never)
  | ('service_tier' extends TState['params'] ? CallRefusals<TModel, TCaps>['serviceTier'] : never)
  | ('prompt_cache_retention' extends TState['params']
      ? CallRefusals<TModel, TCaps>['promptCacheRetention']
      : never)
  | ('web_search_options' extends TState['params'] ? CallRefusals<TModel, TCaps>['webSearch'] : never)
  | (TCaps['audioOutput'] extends false
      ? [TState['audio'] | TState['audioModality']] extends [false]
        ? never
        : `${TModel} cannot output audio: remove .audio() and the 'audio' modality, or use an audio model such as gpt-4o-audio-preview`
      : never)
  | EffortProblem<TModel, TCaps, TState['effort']>
  | PredictionProblem<TModel, TCaps, TState>;

/**
 * Every way the builder's parameters break its model's rules, as sentences; `never` when they fit
 * (and always for a model outside the catalog, which stays permissive, and for an imported preset,
 * whose parameters only runtime validation can see).
 */
export type ModelProblem<TState extends BuilderState> = ModelProblemOn<TState['model'], TState>;

/** As {@link ModelProblem}, with the calls of `TState` on the model `TModel` (which `.model()` is about to set). */
export type ModelProblemOn<TModel, TState extends BuilderState> = string extends TState['params']
  ? never // an imported preset: its parameters are known only at runtime, which checks them
  : TModel extends infer TId extends string & keyof ModelCatalog
    ? ModelEntry<TId> extends infer TCaps extends ModelCapabilities
      ? ProblemsFor<TId, TCaps, TState>
      : never
    : never;

/** What `reasoningEffort()` accepts: the chosen model's efforts, or every effort before a model is known. */
export type ReasoningEffortFor<TModel> = TModel extends string & keyof ModelCatalog
  ? ModelEntry<TModel> extends infer TCaps extends ModelCapabilities
    ? TCaps['reasoningEfforts'] extends readonly []
      ? ChatwrightTypeError<`${TModel} is not a reasoning model: remove .reasoningEffort()`>
      : TCaps['reasoningEfforts'][number]
    : ReasoningEffort
  : ReasoningEffort;
