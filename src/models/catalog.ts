import type { ModelCapabilities } from './model-capabilities.js';

/*
 * The model capability catalog: what each OpenAI model accepts, with where each restriction comes
 * from. It is data only, and the single source of truth for both sides: the compiler reads its types
 * (src/state/model-rules.ts, through ModelCatalog) and validation reads its values (model-rules.ts).
 * The facts come from the reference rules (shared/models/RULES.md beside the repository);
 * docs/models.md shows the table as users read it and says how to update it when a model ships.
 */

/** A capability that a source can be given for. */
export type CapabilityName = Exclude<keyof ModelCapabilities, 'family' | 'sources'>;

/** A catalog row: `sources` keyed only by real capability names, so a typo fails to compile. */
type CatalogEntry = Omit<ModelCapabilities, 'sources'> & {
  readonly sources: { readonly [Capability in CapabilityName]?: string };
};

// The sources, as RULES.md gives them. One constant each, so every row cites the same words.
const reasoningLimits =
  'OpenAI reasoning guide (limitations); community compatibility matrix thread 1110750; the AI SDK strips them with a warning';
const effortNone = 'vercel/ai issue #10932; AI SDK model catalog (sampling: reasoning-effort-none)';
const maxTokensSource =
  'create-params docstring ("not compatible with o-series models"); langchainjs #8039, #8641';
const stopSource = 'create-params docstring (stop is not supported with o3 and o4-mini)';
const parallelSource = 'langchain #29704, fast-agent #279, tensorzero #2805';
const o1MiniSource = 'community compatibility matrix thread 1110750';
const effortsSource = 'create-params docstring; AI SDK getGpt5ReasoningEfforts; community thread 1371738';
const reasoningOnly = 'create-params docstring (reasoning_effort is for reasoning models only)';
const predictionSource =
  'OpenAI predicted-outputs guide (gpt-4o, gpt-4o-mini, gpt-4.1, gpt-4.1-mini, gpt-4.1-nano only)';
const audioSource = 'create-params docstring; community thread 970884 (gpt-4o(-mini)-audio-preview only)';
const webSearchSource =
  'LiteLLM web-search docs; AI SDK catalog (search-preview models and gpt-5-search-api only)';
const flexSource =
  'AI SDK catalog and warnings; openai-node docstrings (o3, o4-mini, gpt-5 and later; the AI SDK leaves out the chat-latest models)';
const cacheSource = 'AI SDK catalog and warnings; openai-node docstrings (newer gpt-5.x models)';
const o200kSource =
  "tiktoken model.py MODEL_PREFIX_TO_ENCODING (gpt-4o, gpt-4.1, gpt-5, o1, o3, o4-mini: o200k_base); gpt-tokenizer's model map agrees";
const cl100kSource = 'tiktoken model.py MODEL_PREFIX_TO_ENCODING (gpt-4 and gpt-3.5-turbo: cl100k_base)';

/** A chat model without reasoning: accepts every parameter, no special output. */
const chatModel = {
  sampling: 'yes',
  logprobs: 'yes',
  penalties: true,
  logitBias: true,
  maxTokens: true,
  stop: true,
  parallelToolCalls: true,
  reasoningEfforts: [],
  defaultReasoningEffort: null,
  instructions: true,
  tools: true,
  jsonSchema: true,
  audioOutput: false,
  webSearch: false,
  prediction: false,
  flexTier: false,
  promptCache24h: false,
  encoding: 'o200k_base',
} as const;

const chatSources = {
  encoding: o200kSource,
  reasoningEfforts: reasoningOnly,
  audioOutput: audioSource,
  webSearch: webSearchSource,
  prediction: predictionSource,
  flexTier: flexSource,
  promptCache24h: cacheSource,
} as const;

/** A reasoning model: only the default sampling, no penalties or logprobs, no max_tokens. */
const reasoningModel = {
  ...chatModel,
  sampling: 'no',
  logprobs: 'no',
  penalties: false,
  logitBias: false,
  maxTokens: false,
  reasoningEfforts: ['low', 'medium', 'high'],
  defaultReasoningEffort: 'medium',
} as const;

const reasoningSources = {
  ...chatSources,
  sampling: reasoningLimits,
  logprobs: reasoningLimits,
  penalties: reasoningLimits,
  logitBias: reasoningLimits,
  maxTokens: maxTokensSource,
  reasoningEfforts: effortsSource,
} as const;

/** gpt-5.1 and later: sampling and logprobs come back when reasoning is off (`reasoning_effort: 'none'`). */
const effortNoneModel = {
  ...reasoningModel,
  sampling: 'effort-none',
  logprobs: 'effort-none',
  flexTier: true,
  promptCache24h: true,
} as const;

const effortNoneSources = {
  ...reasoningSources,
  sampling: effortNone,
  logprobs: effortNone,
} as const;

/**
 * The model families: what each accepts, and the source of every restriction. Keys are family names;
 * `modelIds` maps each model id to one of them.
 */
export const modelFamilies = {
  'gpt-3.5-turbo': {
    ...chatModel,
    family: 'gpt-3.5-turbo',
    encoding: 'cl100k_base',
    sources: { ...chatSources, encoding: cl100kSource },
  },
  'gpt-4': {
    ...chatModel,
    family: 'gpt-4',
    encoding: 'cl100k_base',
    sources: { ...chatSources, encoding: cl100kSource },
  },
  'gpt-4o': { ...chatModel, family: 'gpt-4o', prediction: true, sources: chatSources },
  'chatgpt-4o': { ...chatModel, family: 'chatgpt-4o', sources: chatSources },
  'gpt-4o-audio': { ...chatModel, family: 'gpt-4o-audio', audioOutput: true, sources: chatSources },
  'gpt-4o-search': {
    ...chatModel,
    family: 'gpt-4o-search',
    sampling: 'no',
    webSearch: true,
    sources: {
      ...chatSources,
      sampling:
        'LiteLLM web-search docs; AI SDK catalog (the search-preview models reject temperature; top_p shares the capability here, unverified)',
    },
  },
  'gpt-4.1': { ...chatModel, family: 'gpt-4.1', prediction: true, sources: chatSources },
  'o1-mini': {
    ...reasoningModel,
    family: 'o1-mini',
    parallelToolCalls: false,
    instructions: false,
    tools: false,
    jsonSchema: false,
    sources: {
      ...reasoningSources,
      reasoningEfforts: `${effortsSource} (o-series low/medium/high; unverified for o1-mini and o1-preview)`,
      parallelToolCalls: `${o1MiniSource} (no tools at all)`,
      instructions: o1MiniSource,
      tools: o1MiniSource,
      jsonSchema: o1MiniSource,
    },
  },
  o1: {
    ...reasoningModel,
    family: 'o1',
    parallelToolCalls: false,
    sources: { ...reasoningSources, parallelToolCalls: parallelSource },
  },
  'o3-mini': {
    ...reasoningModel,
    family: 'o3-mini',
    parallelToolCalls: false,
    sources: { ...reasoningSources, parallelToolCalls: parallelSource },
  },
  o3: {
    ...reasoningModel,
    family: 'o3',
    stop: false,
    parallelToolCalls: false,
    flexTier: true,
    sources: { ...reasoningSources, stop: stopSource, parallelToolCalls: parallelSource },
  },
  'codex-mini': {
    ...reasoningModel,
    family: 'codex-mini',
    sources: {
      ...reasoningSources,
      reasoningEfforts: `${effortsSource} (an o-series model: low/medium/high)`,
    },
  },
  'gpt-5': {
    ...reasoningModel,
    family: 'gpt-5',
    reasoningEfforts: ['minimal', 'low', 'medium', 'high'],
    flexTier: true,
    sources: {
      ...reasoningSources,
      stop: 'accepted: only user reports say stop is broken on gpt-5 (create-params docstring names o3 and o4-mini); override with defineModels() if it fails for you',
    },
  },
  'gpt-5-chat': {
    ...chatModel,
    family: 'gpt-5-chat',
    sources: {
      ...chatSources,
      reasoningEfforts: `${reasoningOnly}; *-chat-latest models are not reasoning models (vercel/ai issue #10932; AI SDK catalog)`,
    },
  },
  'gpt-5.1': {
    ...effortNoneModel,
    family: 'gpt-5.1',
    reasoningEfforts: ['none', 'low', 'medium', 'high'],
    defaultReasoningEffort: 'none',
    sources: effortNoneSources,
  },
  'gpt-5.1-codex': {
    ...reasoningModel,
    family: 'gpt-5.1-codex',
    flexTier: true,
    promptCache24h: true,
    sources: {
      ...reasoningSources,
      reasoningEfforts:
        "openai/codex issue #6647 (the API: 'none' is not supported with gpt-5.1-codex; low, medium and high are)",
    },
  },
  'gpt-5.1-chat': {
    ...chatModel,
    family: 'gpt-5.1-chat',
    reasoningEfforts: ['medium'],
    defaultReasoningEffort: 'medium',
    promptCache24h: true,
    sources: {
      ...chatSources,
      reasoningEfforts:
        "not reasoning models for sampling (vercel/ai issue #10932); reasoning_effort 'medium' only, as user reports say (models.dev #2351)",
    },
  },
  'gpt-5.2': {
    ...effortNoneModel,
    family: 'gpt-5.2',
    reasoningEfforts: ['none', 'low', 'medium', 'high', 'xhigh'],
    defaultReasoningEffort: 'none',
    sources: effortNoneSources,
  },
  'gpt-5.2-pro': {
    ...reasoningModel,
    family: 'gpt-5.2-pro',
    reasoningEfforts: ['medium', 'high', 'xhigh'],
    defaultReasoningEffort: 'high',
    flexTier: true,
    promptCache24h: true,
    sources: {
      ...reasoningSources,
      reasoningEfforts:
        'sources disagree: RULES.md gives gpt-5-pro high only; for the versioned pro models user reports give medium/high/xhigh (models.dev #2296, litellm #17875), kept here as the permissive reading',
    },
  },
  'gpt-5.6': {
    ...effortNoneModel,
    family: 'gpt-5.6',
    reasoningEfforts: ['none', 'low', 'medium', 'high', 'xhigh', 'max'],
    defaultReasoningEffort: 'none',
    sources: effortNoneSources,
  },
} as const satisfies { readonly [family: string]: CatalogEntry };

/** A family name of the catalog. */
export type ModelFamily = keyof typeof modelFamilies;

/**
 * Every model id of the official spec (`ModelIdsShared`), to its family in `modelFamilies`. A test
 * keeps this list equal to the spec's.
 */
export const modelIds = {
  'gpt-5.6-sol': 'gpt-5.6',
  'gpt-5.6-terra': 'gpt-5.6',
  'gpt-5.6-luna': 'gpt-5.6',
  'gpt-5.5': 'gpt-5.2',
  'gpt-5.5-2026-04-23': 'gpt-5.2',
  'gpt-5.4': 'gpt-5.2',
  'gpt-5.4-mini': 'gpt-5.2',
  'gpt-5.4-nano': 'gpt-5.2',
  'gpt-5.4-mini-2026-03-17': 'gpt-5.2',
  'gpt-5.4-nano-2026-03-17': 'gpt-5.2',
  'gpt-5.3-chat-latest': 'gpt-5.1-chat',
  'gpt-5.2': 'gpt-5.2',
  'gpt-5.2-2025-12-11': 'gpt-5.2',
  'gpt-5.2-chat-latest': 'gpt-5.1-chat',
  'gpt-5.2-pro': 'gpt-5.2-pro',
  'gpt-5.2-pro-2025-12-11': 'gpt-5.2-pro',
  'gpt-5.1': 'gpt-5.1',
  'gpt-5.1-2025-11-13': 'gpt-5.1',
  'gpt-5.1-codex': 'gpt-5.1-codex',
  'gpt-5.1-mini': 'gpt-5.1',
  'gpt-5.1-chat-latest': 'gpt-5.1-chat',
  'gpt-5': 'gpt-5',
  'gpt-5-mini': 'gpt-5',
  'gpt-5-nano': 'gpt-5',
  'gpt-5-2025-08-07': 'gpt-5',
  'gpt-5-mini-2025-08-07': 'gpt-5',
  'gpt-5-nano-2025-08-07': 'gpt-5',
  'gpt-5-chat-latest': 'gpt-5-chat',
  'gpt-4.1': 'gpt-4.1',
  'gpt-4.1-mini': 'gpt-4.1',
  'gpt-4.1-nano': 'gpt-4.1',
  'gpt-4.1-2025-04-14': 'gpt-4.1',
  'gpt-4.1-mini-2025-04-14': 'gpt-4.1',
  'gpt-4.1-nano-2025-04-14': 'gpt-4.1',
  'o4-mini': 'o3',
  'o4-mini-2025-04-16': 'o3',
  o3: 'o3',
  'o3-2025-04-16': 'o3',
  'o3-mini': 'o3-mini',
  'o3-mini-2025-01-31': 'o3-mini',
  o1: 'o1',
  'o1-2024-12-17': 'o1',
  'o1-preview': 'o1-mini',
  'o1-preview-2024-09-12': 'o1-mini',
  'o1-mini': 'o1-mini',
  'o1-mini-2024-09-12': 'o1-mini',
  'gpt-4o': 'gpt-4o',
  'gpt-4o-2024-11-20': 'gpt-4o',
  'gpt-4o-2024-08-06': 'gpt-4o',
  'gpt-4o-2024-05-13': 'gpt-4o',
  'gpt-4o-audio-preview': 'gpt-4o-audio',
  'gpt-4o-audio-preview-2024-10-01': 'gpt-4o-audio',
  'gpt-4o-audio-preview-2024-12-17': 'gpt-4o-audio',
  'gpt-4o-audio-preview-2025-06-03': 'gpt-4o-audio',
  'gpt-4o-mini-audio-preview': 'gpt-4o-audio',
  'gpt-4o-mini-audio-preview-2024-12-17': 'gpt-4o-audio',
  'gpt-4o-search-preview': 'gpt-4o-search',
  'gpt-4o-mini-search-preview': 'gpt-4o-search',
  'gpt-4o-search-preview-2025-03-11': 'gpt-4o-search',
  'gpt-4o-mini-search-preview-2025-03-11': 'gpt-4o-search',
  'chatgpt-4o-latest': 'chatgpt-4o',
  'codex-mini-latest': 'codex-mini',
  'gpt-4o-mini': 'gpt-4o',
  'gpt-4o-mini-2024-07-18': 'gpt-4o',
  'gpt-4-turbo': 'gpt-4',
  'gpt-4-turbo-2024-04-09': 'gpt-4',
  'gpt-4-0125-preview': 'gpt-4',
  'gpt-4-turbo-preview': 'gpt-4',
  'gpt-4-1106-preview': 'gpt-4',
  'gpt-4-vision-preview': 'gpt-4',
  'gpt-4': 'gpt-4',
  'gpt-4-0314': 'gpt-4',
  'gpt-4-0613': 'gpt-4',
  'gpt-4-32k': 'gpt-4',
  'gpt-4-32k-0314': 'gpt-4',
  'gpt-4-32k-0613': 'gpt-4',
  'gpt-3.5-turbo': 'gpt-3.5-turbo',
  'gpt-3.5-turbo-16k': 'gpt-3.5-turbo',
  'gpt-3.5-turbo-0301': 'gpt-3.5-turbo',
  'gpt-3.5-turbo-0613': 'gpt-3.5-turbo',
  'gpt-3.5-turbo-1106': 'gpt-3.5-turbo',
  'gpt-3.5-turbo-0125': 'gpt-3.5-turbo',
  'gpt-3.5-turbo-16k-0613': 'gpt-3.5-turbo',
} as const satisfies { readonly [id: string]: ModelFamily };

/** A model id the catalog knows. */
export type KnownModelId = keyof typeof modelIds;

/** A model's token limits, with where they come from. */
export interface ModelLimits {
  /** Prompt plus output, in tokens. */
  readonly contextWindow: number;
  /** The most output tokens (visible and reasoning) one response can have. */
  readonly maxOutputTokens: number;
  readonly source: string;
}

/** Freezes a table and its rows; pure, so a bundle that never reads the table leaves it out. */
function frozen<TTable extends { readonly [id: string]: object | undefined }>(table: TTable): TTable {
  for (const row of Object.values(table)) if (row !== undefined) Object.freeze(row);
  return Object.freeze(table);
}

// Limits differ within a family (gpt-4 has 8k, 32k and 128k models), so they are per model id.
const limitsSource =
  "gpt-tokenizer 4.0.0 model data (src/models.gen.ts: context_window, max_output_tokens), taken from OpenAI's model pages";
const visionSource =
  'OpenAI model page for gpt-4-turbo (gpt-4-vision-preview: 128,000 context, 4,096 output)';
const gpt4_32kSource =
  'OpenAI model page for gpt-4 (gpt-4-32k snapshots: 32,768 context); output as gpt-4-32k in gpt-tokenizer 4.0.0';
const turbo16kSource = 'OpenAI model page for gpt-3.5-turbo (16,385 context, 4,096 output)';
const turbo0301Source = 'OpenAI model page for gpt-3.5-turbo (the 0301 snapshot: 4,096 context)';

/** One model's limits; most come from the same source. */
const limits = (
  contextWindow: number,
  maxOutputTokens: number,
  source: string = limitsSource,
): ModelLimits => ({
  contextWindow,
  maxOutputTokens,
  source,
});

/**
 * Each catalog model's context window and output limit. `gpt-5.1-mini` is left out: no source gives
 * its limits, and a guessed window would reject requests the API accepts (no check runs without one).
 */
export const modelLimits: { readonly [Id in KnownModelId]?: ModelLimits } = /* @__PURE__ */ frozen({
  'gpt-5.6-sol': limits(1_050_000, 128_000),
  'gpt-5.6-terra': limits(1_050_000, 128_000),
  'gpt-5.6-luna': limits(1_050_000, 128_000),
  'gpt-5.5': limits(1_050_000, 128_000),
  'gpt-5.5-2026-04-23': limits(1_050_000, 128_000),
  'gpt-5.4': limits(1_050_000, 128_000),
  'gpt-5.4-mini': limits(400_000, 128_000),
  'gpt-5.4-nano': limits(400_000, 128_000),
  'gpt-5.4-mini-2026-03-17': limits(400_000, 128_000),
  'gpt-5.4-nano-2026-03-17': limits(400_000, 128_000),
  'gpt-5.3-chat-latest': limits(128_000, 16_384),
  'gpt-5.2': limits(400_000, 128_000),
  'gpt-5.2-2025-12-11': limits(400_000, 128_000),
  'gpt-5.2-chat-latest': limits(128_000, 16_384),
  'gpt-5.2-pro': limits(400_000, 128_000),
  'gpt-5.2-pro-2025-12-11': limits(400_000, 128_000),
  'gpt-5.1': limits(400_000, 128_000),
  'gpt-5.1-2025-11-13': limits(400_000, 128_000),
  'gpt-5.1-codex': limits(400_000, 128_000),
  'gpt-5.1-chat-latest': limits(128_000, 16_384),
  'gpt-5': limits(400_000, 128_000),
  'gpt-5-mini': limits(400_000, 128_000),
  'gpt-5-nano': limits(400_000, 128_000),
  'gpt-5-2025-08-07': limits(400_000, 128_000),
  'gpt-5-mini-2025-08-07': limits(400_000, 128_000),
  'gpt-5-nano-2025-08-07': limits(400_000, 128_000),
  'gpt-5-chat-latest': limits(128_000, 16_384),
  'gpt-4.1': limits(1_047_576, 32_768),
  'gpt-4.1-mini': limits(1_047_576, 32_768),
  'gpt-4.1-nano': limits(1_047_576, 32_768),
  'gpt-4.1-2025-04-14': limits(1_047_576, 32_768),
  'gpt-4.1-mini-2025-04-14': limits(1_047_576, 32_768),
  'gpt-4.1-nano-2025-04-14': limits(1_047_576, 32_768),
  'o4-mini': limits(200_000, 100_000),
  'o4-mini-2025-04-16': limits(200_000, 100_000),
  o3: limits(200_000, 100_000),
  'o3-2025-04-16': limits(200_000, 100_000),
  'o3-mini': limits(200_000, 100_000),
  'o3-mini-2025-01-31': limits(200_000, 100_000),
  o1: limits(200_000, 100_000),
  'o1-2024-12-17': limits(200_000, 100_000),
  'o1-preview': limits(128_000, 32_768),
  'o1-preview-2024-09-12': limits(128_000, 32_768),
  'o1-mini': limits(128_000, 65_536),
  'o1-mini-2024-09-12': limits(128_000, 65_536),
  'gpt-4o': limits(128_000, 16_384),
  'gpt-4o-2024-11-20': limits(128_000, 16_384),
  'gpt-4o-2024-08-06': limits(128_000, 16_384),
  'gpt-4o-2024-05-13': limits(128_000, 4_096),
  'gpt-4o-audio-preview': limits(128_000, 16_384),
  'gpt-4o-audio-preview-2024-10-01': limits(128_000, 16_384),
  'gpt-4o-audio-preview-2024-12-17': limits(128_000, 16_384),
  'gpt-4o-audio-preview-2025-06-03': limits(128_000, 16_384),
  'gpt-4o-mini-audio-preview': limits(128_000, 16_384),
  'gpt-4o-mini-audio-preview-2024-12-17': limits(128_000, 16_384),
  'gpt-4o-search-preview': limits(128_000, 16_384),
  'gpt-4o-mini-search-preview': limits(128_000, 16_384),
  'gpt-4o-search-preview-2025-03-11': limits(128_000, 16_384),
  'gpt-4o-mini-search-preview-2025-03-11': limits(128_000, 16_384),
  'chatgpt-4o-latest': limits(128_000, 16_384),
  'codex-mini-latest': limits(200_000, 100_000),
  'gpt-4o-mini': limits(128_000, 16_384),
  'gpt-4o-mini-2024-07-18': limits(128_000, 16_384),
  'gpt-4-turbo': limits(128_000, 4_096),
  'gpt-4-turbo-2024-04-09': limits(128_000, 4_096),
  'gpt-4-0125-preview': limits(128_000, 4_096),
  'gpt-4-turbo-preview': limits(128_000, 4_096),
  'gpt-4-1106-preview': limits(128_000, 4_096),
  'gpt-4-vision-preview': limits(128_000, 4_096, visionSource),
  'gpt-4': limits(8_192, 8_192),
  'gpt-4-0314': limits(8_192, 8_192),
  'gpt-4-0613': limits(8_192, 8_192),
  'gpt-4-32k': limits(32_768, 8_192),
  'gpt-4-32k-0314': limits(32_768, 8_192, gpt4_32kSource),
  'gpt-4-32k-0613': limits(32_768, 8_192, gpt4_32kSource),
  'gpt-3.5-turbo': limits(16_385, 4_096),
  'gpt-3.5-turbo-16k': limits(16_385, 4_096, turbo16kSource),
  'gpt-3.5-turbo-0301': limits(4_096, 4_096, turbo0301Source),
  'gpt-3.5-turbo-0613': limits(16_385, 4_096),
  'gpt-3.5-turbo-1106': limits(16_385, 4_096),
  'gpt-3.5-turbo-0125': limits(16_385, 4_096),
  'gpt-3.5-turbo-16k-0613': limits(16_385, 4_096),
});

// Frozen, so no caller can change the rules for everyone: `as const` binds only the compiler.
for (const caps of Object.values(modelFamilies)) {
  Object.freeze(caps.reasoningEfforts);
  Object.freeze(caps.sources);
  Object.freeze(caps);
}
Object.freeze(modelFamilies);
Object.freeze(modelIds);
