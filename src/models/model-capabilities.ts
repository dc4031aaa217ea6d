import type { ReasoningEffort } from '../wire/request.js';

/** A tokenizer (BPE encoding) of OpenAI's models, as `chatwright/tokens` counts with it. */
export type TokenEncoding = 'o200k_base' | 'cl100k_base';

/** Whether a model accepts a sampling parameter: always, never, or only with `reasoning_effort: 'none'`. */
export type SamplingSupport = 'yes' | 'no' | 'effort-none';

/**
 * What one model accepts. One table of these (src/models/catalog.ts) is the single source of truth
 * for both the compile-time checks and the runtime validation. Every `false`/`'no'` has its source in
 * `sources`, keyed by the capability's name.
 */
export interface ModelCapabilities {
  /** The family the model belongs to, for messages and docs (`o-series`, `gpt-5`, `gpt-4o`...). */
  readonly family: string;
  /** `temperature` and `top_p`. */
  readonly sampling: SamplingSupport;
  /** `logprobs` and `top_logprobs`. */
  readonly logprobs: SamplingSupport;
  /** `presence_penalty` and `frequency_penalty`. */
  readonly penalties: boolean;
  readonly logitBias: boolean;
  /** The deprecated `max_tokens` (reasoning models take only `max_completion_tokens`). */
  readonly maxTokens: boolean;
  readonly stop: boolean;
  readonly parallelToolCalls: boolean;
  /** The `reasoning_effort` values accepted; empty when the model is not a reasoning model. */
  readonly reasoningEfforts: readonly ReasoningEffort[];
  /** The effort used when none is sent, or `null` for a model without reasoning. */
  readonly defaultReasoningEffort: ReasoningEffort | null;
  /** `system` and `developer` messages. */
  readonly instructions: boolean;
  readonly tools: boolean;
  /** `response_format: json_schema` (structured outputs). */
  readonly jsonSchema: boolean;
  /** `modalities: ['audio']` with `audio`. */
  readonly audioOutput: boolean;
  /** `web_search_options`. */
  readonly webSearch: boolean;
  /** `prediction` (predicted outputs). */
  readonly prediction: boolean;
  /** `service_tier: 'flex'`. */
  readonly flexTier: boolean;
  /** `prompt_cache_retention: '24h'`. */
  readonly promptCache24h: boolean;
  /** The family's tokenizer; `chatwright/tokens` counts in it (o200k_base when not given). */
  readonly encoding?: TokenEncoding;
  /**
   * The context window in tokens (prompt plus output). For catalog models it is per model id, in
   * `modelLimits`; declare it here for your own models. No context-window check without it.
   */
  readonly contextWindow?: number;
  /** The most output tokens (visible and reasoning) one response can have; per model id, as above. */
  readonly maxOutputTokens?: number;
  /** Where each restriction comes from: capability name to a source (a doc, an SDK, an issue thread). */
  readonly sources: { readonly [capability: string]: string };
}
