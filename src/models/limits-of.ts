import { type KnownModelId, modelLimits } from './catalog.js';
import { declaredBase, declaredModel } from './declared-models.js';

/** A model's token limits as far as they are known; a missing one means "not known". */
export interface KnownLimits {
  readonly contextWindow?: number;
  readonly maxOutputTokens?: number;
}

function catalogLimits(model: string): KnownLimits {
  // An own-property check: `model` comes from users and may be `constructor` or `__proto__`.
  return Object.hasOwn(modelLimits, model) ? (modelLimits[model as KnownModelId] ?? {}) : {};
}

/**
 * The context window and output limit of `model`: a `defineModels()` declaration's own, else (for an
 * extension) its base model's, else the catalog's. Empty for a model nothing is known about.
 */
export function limitsOf(model: string): KnownLimits {
  const declared = declaredModel(model);
  if (declared === undefined) return catalogLimits(model);
  const base = declaredBase(model);
  const inherited = base === undefined ? {} : catalogLimits(base);
  const contextWindow = declared.contextWindow ?? inherited.contextWindow;
  const maxOutputTokens = declared.maxOutputTokens ?? inherited.maxOutputTokens;
  return {
    ...(contextWindow === undefined ? {} : { contextWindow }),
    ...(maxOutputTokens === undefined ? {} : { maxOutputTokens }),
  };
}
