import { capabilitiesOf } from './capabilities-of.js';
import type { CapabilityName } from './catalog.js';
import type { ModelCapabilities, SamplingSupport } from './model-capabilities.js';
import { type Body, hasItems, isSet, type Report, type Rule, wantsAudio } from './rule.js';

/*
 * The model rules: a request checked against what its model accepts, read from the catalog (or a
 * defineModels() declaration). The compiler states the same rules (src/state/model-rules.ts); these
 * catch what types cannot see: presets loaded from JSON, JavaScript callers, `.extra()` fields.
 * A model outside the catalog gets no model rules at all: unknown means permissive.
 *
 * Every message names the model, the rule, the fix and the source, in this shape:
 *   o3 does not accept temperature (reasoning models take only the default sampling; remove .temperature()) [source: ...]
 */

/** The builder method that sets each field, for the fix in a message. */
const methodOf: { readonly [field: string]: string } = {
  temperature: '.temperature()',
  top_p: '.topP()',
  logprobs: '.logprobs()',
  top_logprobs: '.topLogprobs()',
  presence_penalty: '.presencePenalty()',
  frequency_penalty: '.frequencyPenalty()',
  logit_bias: '.logitBias()',
  stop: '.stop()',
  parallel_tool_calls: '.parallelToolCalls()',
  tools: '.tool()',
  functions: '.functions()',
  web_search_options: '.webSearch()',
  n: '.n()',
  max_completion_tokens: '.maxCompletionTokens()',
  modalities: ".modalities(['text'])",
  audio: '.audio()',
};

/** What one check sees: the model's capabilities, the body and the report. */
interface ModelContext {
  readonly caps: ModelCapabilities;
  readonly body: Body;
  /** Reports at `path` with the source appended: the capability's, or a rule's own `{ source }`. */
  readonly report: (
    path: readonly (string | number)[],
    from: CapabilityName | { readonly source: string },
    sentence: string,
  ) => void;
}

// The model rules run one after another over the same body in one validation pass: the first builds
// the context (the catalog lookup, the report wrapper) and the others reuse it. Building it per rule
// made the model rules cost more than every other rule together (measured: 1.3 us -> see bench/).
let shared: { body: Body; report: Report; context: ModelContext | undefined } | undefined;

function contextFor(body: Body, report: Report): ModelContext | undefined {
  if (shared !== undefined && shared.body === body && shared.report === report) return shared.context;
  let context: ModelContext | undefined;
  const model = body.model;
  const caps = typeof model === 'string' ? capabilitiesOf(model) : undefined;
  if (caps !== undefined) {
    context = {
      caps,
      body,
      report(path, from, sentence) {
        const source =
          typeof from === 'object' ? from.source : (caps.sources[from] ?? 'declared with defineModels()');
        let input: unknown = body;
        for (const key of path) input = (input as Body | undefined)?.[key];
        report(path, `${model as string} ${sentence} [source: ${source}]`, input);
      },
    };
  }
  shared = { body, report, context };
  return context;
}

/** A rule that runs only for a model with known capabilities. */
function modelRule(reads: readonly string[], check: (context: ModelContext) => void): Rule {
  return {
    reads: ['model', ...reads],
    check(body: Body, report: Report) {
      const context = contextFor(body, report);
      if (context !== undefined) check(context);
    },
  };
}

function isReasoning(caps: ModelCapabilities): boolean {
  return caps.reasoningEfforts.length > 0;
}

/** The effort in force: the one sent, else the model's default. */
function effortOf(body: Body, caps: ModelCapabilities): unknown {
  return isSet(body.reasoning_effort) ? body.reasoning_effort : caps.defaultReasoningEffort;
}

/** Reports `field` when `support` refuses it in this body. */
function checkSupport(
  context: ModelContext,
  capability: 'sampling' | 'logprobs',
  support: SamplingSupport,
  field: string,
): void {
  const { caps, body, report } = context;
  if (support === 'yes') return;
  const method = methodOf[field];
  if (support === 'no') {
    const kind = isReasoning(caps) ? 'reasoning models take' : `${caps.family} models take`;
    const what = capability === 'sampling' ? 'only the default sampling' : 'no logprobs';
    report([field], capability, `does not accept ${field} (${kind} ${what}; remove ${method})`);
    return;
  }
  const effort = effortOf(body, caps);
  if (effort === 'none') return;
  const state = `${isSet(body.reasoning_effort) ? '' : 'the default '}reasoning_effort is '${String(effort)}'`;
  report(
    [field],
    capability,
    `accepts ${field} only with reasoning_effort 'none' (${state}; call .reasoningEffort('none') or remove ${method})`,
  );
}

/**
 * A field refused, whatever its value, by models whose `capability` is false. `why` explains it for
 * reasoning models; a declared model refusing it for its own reasons gets a plain statement.
 */
function refused(field: string, capability: CapabilityName & keyof ModelCapabilities, why: string): Rule {
  return modelRule([field], ({ caps, body, report }) => {
    if (caps[capability] !== false || !isSet(body[field])) return;
    const reason = isReasoning(caps) ? why : 'this model refuses it';
    report([field], capability, `does not accept ${field} (${reason}; remove ${methodOf[field]})`);
  });
}

/** Where the exclusions come from: the same for every model with predicted outputs. */
const predictionLimits = {
  source: 'OpenAI predicted-outputs guide; Azure OpenAI "Predicted outputs: unsupported features"',
} as const;

/** Predicted outputs exclude these fields; each entry says when the field is in the way. */
const predictionConflicts: ReadonlyArray<
  readonly [field: string, inTheWay: (body: Body) => boolean, what: string]
> = [
  ['tools', (body) => hasItems(body.tools), 'tools'],
  ['functions', (body) => hasItems(body.functions), 'functions'],
  ['modalities', wantsAudio, 'audio output'],
  ['audio', (body) => isSet(body.audio) && !wantsAudio(body), 'audio output'],
  ['n', (body) => typeof body.n === 'number' && body.n > 1, 'n > 1'],
  ['logprobs', (body) => body.logprobs === true, 'logprobs'],
  [
    'presence_penalty',
    (body) => typeof body.presence_penalty === 'number' && body.presence_penalty > 0,
    'presence_penalty > 0',
  ],
  [
    'frequency_penalty',
    (body) => typeof body.frequency_penalty === 'number' && body.frequency_penalty > 0,
    'frequency_penalty > 0',
  ],
  ['max_completion_tokens', (body) => isSet(body.max_completion_tokens), 'max_completion_tokens'],
];

/**
 * The per-model rules as cross-field rules for `validateRequest`: each checks one capability of the
 * body's model, and none applies to a model outside the catalog and the `defineModels()` declarations.
 */
export const modelRules: readonly Rule[] = [
  modelRule(['temperature', 'top_p', 'reasoning_effort'], (context) => {
    for (const field of ['temperature', 'top_p']) {
      const value = context.body[field];
      // The default value 1 is accepted even where sampling is fixed (the reasoning guide: "other than the default 1").
      if (isSet(value) && value !== 1) checkSupport(context, 'sampling', context.caps.sampling, field);
    }
  }),
  modelRule(['logprobs', 'top_logprobs', 'reasoning_effort'], (context) => {
    // logprobs: false is the default, off: only asking for logprobs can be refused.
    if (context.body.logprobs === true) checkSupport(context, 'logprobs', context.caps.logprobs, 'logprobs');
    if (isSet(context.body.top_logprobs)) {
      checkSupport(context, 'logprobs', context.caps.logprobs, 'top_logprobs');
    }
  }),
  refused('presence_penalty', 'penalties', 'reasoning models take no penalties'),
  refused('frequency_penalty', 'penalties', 'reasoning models take no penalties'),
  refused('logit_bias', 'logitBias', 'reasoning models take no logit_bias'),
  modelRule(['max_tokens'], ({ caps, body, report }) => {
    if (caps.maxTokens || !isSet(body.max_tokens)) return;
    report(
      ['max_tokens'],
      'maxTokens',
      'does not accept max_tokens (it takes max_completion_tokens instead; use .maxCompletionTokens(), or let adaptToModel() rewrite it)',
    );
  }),
  refused('stop', 'stop', 'this reasoning model takes no stop sequences'),
  refused('parallel_tool_calls', 'parallelToolCalls', 'this reasoning model refuses it, whatever its value'),
  modelRule(['reasoning_effort'], ({ caps, body, report }) => {
    const effort = body.reasoning_effort;
    if (!isSet(effort)) return;
    if (!isReasoning(caps)) {
      report(
        ['reasoning_effort'],
        'reasoningEfforts',
        'is not a reasoning model (remove .reasoningEffort())',
      );
    } else if (!(caps.reasoningEfforts as readonly unknown[]).includes(effort)) {
      const accepted = caps.reasoningEfforts.map((value) => `'${value}'`).join(', ');
      report(
        ['reasoning_effort'],
        'reasoningEfforts',
        `does not accept reasoning_effort '${String(effort)}' (it accepts ${accepted}; change .reasoningEffort())`,
      );
    }
  }),
  modelRule(['messages'], ({ caps, body, report }) => {
    if (caps.instructions || !Array.isArray(body.messages)) return;
    for (const [index, message] of body.messages.entries()) {
      const role: unknown = (message as Body | null)?.role;
      if (role !== 'system' && role !== 'developer') continue;
      report(
        ['messages', index, 'role'],
        'instructions',
        `does not accept ${role} messages (put the instructions in the first user message instead of .${role}())`,
      );
    }
  }),
  modelRule(['tools', 'functions'], ({ caps, body, report }) => {
    if (caps.tools) return;
    for (const field of ['tools', 'functions']) {
      if (hasItems(body[field])) {
        report(
          [field],
          'tools',
          `does not accept ${field} (it cannot call tools; remove ${methodOf[field]})`,
        );
      }
    }
  }),
  modelRule(['response_format'], ({ caps, body, report }) => {
    const format: unknown = body.response_format;
    if (caps.jsonSchema || (format as Body | undefined)?.type !== 'json_schema') return;
    report(
      ['response_format', 'type'],
      'jsonSchema',
      'does not accept response_format json_schema (no structured outputs; remove .jsonSchema(), or use .jsonObject())',
    );
  }),
  modelRule(['modalities', 'audio'], ({ caps, body, report }) => {
    if (caps.audioOutput) return;
    if (wantsAudio(body)) {
      report(
        ['modalities'],
        'audioOutput',
        "cannot output audio (remove 'audio' from .modalities(), or use an audio model such as gpt-4o-audio-preview)",
      );
    } else if (isSet(body.audio)) {
      report(
        ['audio'],
        'audioOutput',
        'cannot output audio (remove .audio(), or use an audio model such as gpt-4o-audio-preview)',
      );
    }
  }),
  modelRule(['web_search_options'], ({ caps, body, report }) => {
    if (caps.webSearch || !isSet(body.web_search_options)) return;
    report(
      ['web_search_options'],
      'webSearch',
      'does not search the web (remove .webSearch(), or use a search model such as gpt-4o-search-preview)',
    );
  }),
  modelRule(['prediction', ...predictionConflicts.map(([field]) => field)], ({ caps, body, report }) => {
    if (!isSet(body.prediction)) return;
    if (!caps.prediction) {
      report(
        ['prediction'],
        'prediction',
        'does not support predicted outputs (remove .prediction(), or use gpt-4o, gpt-4o-mini or the gpt-4.1 models)',
      );
      return;
    }
    for (const [field, inTheWay, what] of predictionConflicts) {
      if (!inTheWay(body)) continue;
      report(
        [field],
        predictionLimits,
        `does not accept ${what} together with prediction (predicted outputs exclude it; remove ${methodOf[field]} or .prediction())`,
      );
    }
  }),
  modelRule(['service_tier'], ({ caps, body, report }) => {
    if (caps.flexTier || body.service_tier !== 'flex') return;
    report(
      ['service_tier'],
      'flexTier',
      "does not offer service_tier 'flex' (use another tier, or a model with flex processing such as o3, o4-mini or gpt-5)",
    );
  }),
  modelRule(['prompt_cache_retention'], ({ caps, body, report }) => {
    if (caps.promptCache24h || body.prompt_cache_retention !== '24h') return;
    report(
      ['prompt_cache_retention'],
      'promptCache24h',
      "does not offer prompt_cache_retention '24h' (leave it out for the default in-memory caching, or use a newer gpt-5.x model)",
    );
  }),
];
