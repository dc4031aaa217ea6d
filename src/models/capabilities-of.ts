import { modelFamilies, modelIds } from './catalog.js';
import { declaredModel } from './declared-models.js';
import type { ModelCapabilities } from './model-capabilities.js';

/**
 * What a model accepts: a model declared with `defineModels()` first (so a declaration can override
 * the catalog), then the built-in catalog; `undefined` for any other model, to which no model rules
 * apply (fine-tunes, other providers' models).
 *
 * @example
 * capabilitiesOf('o3')?.stop; // false
 * capabilitiesOf('ft:gpt-4o-mini:acme::abc123'); // undefined, unless declared
 */
export function capabilitiesOf(model: string): ModelCapabilities | undefined {
  const declared = declaredModel(model);
  if (declared !== undefined) return declared;
  // An own-property check: `model` comes from users and may be `constructor` or `__proto__`.
  if (!Object.hasOwn(modelIds, model)) return undefined;
  return modelFamilies[modelIds[model as keyof typeof modelIds]];
}
