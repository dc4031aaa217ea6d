import type { modelFamilies, modelIds } from './catalog.js';
import type { ModelCapabilities } from './model-capabilities.js';

/** The built-in catalog as a type: every known model id with its family's capabilities. */
export type BuiltInModels = {
  readonly [Id in keyof typeof modelIds]: (typeof modelFamilies)[(typeof modelIds)[Id]];
};

/**
 * The models the compiler knows, by id. Augment it to teach the compiler your own models (fine-tunes,
 * other providers' models); declare the same models at runtime with `defineModels()`.
 *
 * @example
 * declare module 'chatwright' {
 *   interface ModelCatalog {
 *     'ft:gpt-4o-mini:acme::abc123': ModelCatalog['gpt-4o-mini'];
 *   }
 * }
 */
export interface ModelCatalog extends BuiltInModels {}

/**
 * Catalog entries replaced for the compiler: when OpenAI changes a model's rules before chatwright's
 * catalog follows, declare the catalog id with `defineModels()` (which replaces it at runtime) and
 * augment this interface with the same id, so the compiler applies the new entry and every other
 * check stays. (`ModelCatalog` cannot take it: an augmentation may not change an existing key's type.)
 *
 * @example
 * const models = defineModels({ 'o4-mini': { extends: 'o4-mini', stop: true, sources: { stop: 'accepted since 2026-12' } } });
 * declare module 'chatwright' {
 *   interface ModelOverrides {
 *     'o4-mini': (typeof models)['o4-mini'];
 *   }
 * }
 */
// biome-ignore lint/suspicious/noEmptyInterface: an interface so that users can augment it.
export interface ModelOverrides {}

/** The capabilities the compiler applies to a catalog id: its override when declared, else the catalog's. */
export type ModelEntry<TModel extends keyof ModelCatalog> = TModel extends keyof ModelOverrides
  ? ModelOverrides[TModel]
  : ModelCatalog[TModel];

/** The capabilities the compiler knows for a model id, or `undefined` for a model outside the catalog. */
export type inferModelCapabilities<TModel> = TModel extends keyof ModelCatalog
  ? ModelEntry<TModel> extends ModelCapabilities
    ? ModelEntry<TModel>
    : undefined
  : undefined;
