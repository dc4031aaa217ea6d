import type { ModelCapabilities } from './model-capabilities.js';

/*
 * The models users declared with defineModels(), by id. Module state on purpose: a declaration made
 * once at start-up must reach every builder and client, as the compile-time ModelCatalog augmentation
 * reaches every file. Nothing is declared at import time, so the module stays free of side effects.
 */
const declared = new Map<string, ModelCapabilities>();
/** For a declaration that extends a catalog model: that model's id. */
const bases = new Map<string, string>();
/** Bumped by every change, so that remembered validation results made before it are not reused. */
let version = 0;

/** A number that changes whenever a declaration is made or forgotten. */
export function declarationsVersion(): number {
  return version;
}

/** The capabilities declared for `model`, if any. */
export function declaredModel(model: string): ModelCapabilities | undefined {
  return declared.get(model);
}

/** The catalog model a declared model extends, if it extends one. */
export function declaredBase(model: string): string | undefined {
  return bases.get(model);
}

/** Records (or replaces) a declaration. */
export function declareModel(model: string, capabilities: ModelCapabilities, base?: string): void {
  declared.set(model, capabilities);
  if (base === undefined) bases.delete(model);
  else bases.set(model, base);
  version++;
}

/** Forgets the given declarations, for tests that declare models and must not leak them. */
export function forgetDeclaredModels(models: Iterable<string>): void {
  for (const model of models) {
    declared.delete(model);
    bases.delete(model);
  }
  version++;
}
