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

/** The capabilities the compiler knows for a model id, or `undefined` for a model outside the catalog. */
export type inferModelCapabilities<TModel> = TModel extends keyof ModelCatalog
  ? ModelCatalog[TModel] extends ModelCapabilities
    ? ModelCatalog[TModel]
    : undefined
  : undefined;
