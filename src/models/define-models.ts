import * as v from 'valibot';
import { ModelDeclarationError } from '../errors/model-declaration-error.js';
import { type KnownModelId, modelFamilies, modelIds } from './catalog.js';
import { declareModel } from './declared-models.js';
import type { ModelCapabilities } from './model-capabilities.js';
import type { BuiltInModels } from './model-catalog.js';
import { reasoningEfforts } from './reasoning-efforts.js';

/** A model declared as a catalog model with some capabilities changed. */
export type ModelExtension = Partial<ModelCapabilities> & {
  /** The catalog model whose capabilities this one starts from. */
  readonly extends: KnownModelId;
};

/** A declaration for `defineModels()`: every capability, or a catalog model to extend. */
export type ModelDeclaration = ModelCapabilities | ModelExtension;

/** One capability of an extension: the override when given, else the base's (either, when optional). */
type Capability<TBase, TOver, K> = K extends 'sources'
  ? ModelCapabilities['sources']
  : K extends keyof TOver
    ? Partial<Pick<TOver, K>> extends Pick<TOver, K>
      ? (K extends keyof TBase ? TBase[K] : undefined) | Exclude<TOver[K], undefined>
      : TOver[K]
    : K extends keyof TBase
      ? TBase[K]
      : never;

/** The capabilities a declaration resolves to, with its literal types kept for the compiler. */
export type inferDeclaredModel<TDeclaration> = TDeclaration extends {
  readonly extends: infer TBase extends KnownModelId;
}
  ? {
      // The base's capabilities, and those the catalog gives per model id (contextWindow...) when declared.
      readonly [K in keyof BuiltInModels[TBase] | Exclude<keyof TDeclaration, 'extends'>]: Capability<
        BuiltInModels[TBase],
        TDeclaration,
        K
      >;
    }
  : TDeclaration;

const support = v.picklist(['yes', 'no', 'effort-none']);
const effort = v.picklist(reasoningEfforts);
const tokenLimit = v.pipe(v.number(), v.integer(), v.minValue(1));

/** Every capability, nothing else: a JavaScript caller's typo must not pass as a permissive model. */
const capabilitiesSchema = v.strictObject({
  family: v.string(),
  sampling: support,
  logprobs: support,
  penalties: v.boolean(),
  logitBias: v.boolean(),
  maxTokens: v.boolean(),
  stop: v.boolean(),
  parallelToolCalls: v.boolean(),
  reasoningEfforts: v.array(effort),
  defaultReasoningEffort: v.nullable(effort),
  instructions: v.boolean(),
  tools: v.boolean(),
  jsonSchema: v.boolean(),
  audioOutput: v.boolean(),
  webSearch: v.boolean(),
  prediction: v.boolean(),
  flexTier: v.boolean(),
  promptCache24h: v.boolean(),
  encoding: v.exactOptional(v.picklist(['o200k_base', 'cl100k_base'])),
  contextWindow: v.exactOptional(tokenLimit),
  maxOutputTokens: v.exactOptional(tokenLimit),
  sources: v.record(v.string(), v.string()),
});

function isKnownModel(id: unknown): id is KnownModelId {
  return typeof id === 'string' && Object.hasOwn(modelIds, id);
}

/** The full capabilities of one declaration, checked; throws `ModelDeclarationError` when unusable. */
function resolve(model: string, declaration: ModelDeclaration): ModelCapabilities {
  let merged: unknown = declaration;
  if (typeof declaration === 'object' && declaration !== null && 'extends' in declaration) {
    const { extends: base, ...overrides } = declaration;
    if (!isKnownModel(base)) {
      throw new ModelDeclarationError(
        model,
        `${model} extends ${JSON.stringify(base)}, which is not in the catalog (extend a catalog model such as 'gpt-4o', or declare every capability)`,
      );
    }
    const known = modelFamilies[modelIds[base]];
    merged = { ...known, ...overrides, sources: { ...known.sources, ...overrides.sources } };
  }
  const result = v.safeParse(capabilitiesSchema, merged);
  if (!result.success) {
    const problems = result.issues.map(
      (issue) => `${v.getDotPath(issue) ?? '(declaration)'}: ${issue.message}`,
    );
    throw new ModelDeclarationError(
      model,
      `${model} is not a usable model declaration: ${problems.join('; ')}`,
    );
  }
  const capabilities = result.output;
  const efforts: readonly string[] = capabilities.reasoningEfforts;
  const fallback = capabilities.defaultReasoningEffort;
  if (efforts.length === 0 ? fallback !== null : fallback === null || !efforts.includes(fallback)) {
    throw new ModelDeclarationError(
      model,
      `${model}: defaultReasoningEffort must be one of reasoningEfforts, or null when reasoningEfforts is empty`,
    );
  }
  return Object.freeze({
    ...capabilities,
    reasoningEfforts: Object.freeze(capabilities.reasoningEfforts),
    sources: Object.freeze(capabilities.sources),
  });
}

/**
 * Declares your own models (fine-tunes, other providers' models behind an OpenAI-compatible API) so
 * validation applies their rules, and returns the resolved capabilities with their literal types, to
 * reuse in a `ModelCatalog` augmentation. A declaration extends a catalog model or lists every
 * capability. Declaring a catalog id overrides the catalog at runtime. Models never declared stay
 * permissive: no model rules apply to them.
 *
 * @example
 * const models = defineModels({
 *   'ft:gpt-4o-mini:acme::abc123': { extends: 'gpt-4o-mini' },
 *   'acme-reasoner': { extends: 'o3', family: 'acme', stop: true },
 * });
 * declare module 'chatwright' {
 *   interface ModelCatalog {
 *     'acme-reasoner': (typeof models)['acme-reasoner'];
 *   }
 * }
 */
export function defineModels<const TModels extends { readonly [model: string]: ModelDeclaration }>(
  models: TModels,
): { readonly [Model in keyof TModels]: inferDeclaredModel<TModels[Model]> } {
  // Resolve every declaration before registering any, so a bad one leaves the registry untouched.
  const resolved = Object.entries(models).map(
    ([model, declaration]) => [model, resolve(model, declaration)] as const,
  );
  for (const [model, capabilities] of resolved) {
    const declaration = models[model] as ModelDeclaration;
    // An extension's token limits default to its base model's (kept by id: they are per model).
    declareModel(model, capabilities, 'extends' in declaration ? declaration.extends : undefined);
  }
  return Object.freeze(Object.fromEntries(resolved)) as {
    readonly [Model in keyof TModels]: inferDeclaredModel<TModels[Model]>;
  };
}
