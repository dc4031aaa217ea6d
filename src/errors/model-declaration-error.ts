import { ChatwrightError } from './chatwright-error.js';

/**
 * A model declaration passed to `defineModels()` is unusable: it extends a model outside the catalog,
 * lacks a capability, or holds a value no capability takes. Thrown before anything is registered;
 * `model` names the declaration to fix.
 *
 * @example
 * try { defineModels({ 'my-model': { extends: 'gpt-9' } }); }
 * catch (error) { if (error instanceof ModelDeclarationError) console.error(error.model, error.message); }
 */
export class ModelDeclarationError extends ChatwrightError {
  override name = 'ModelDeclarationError' as const;
  /** The id of the declaration at fault. */
  readonly model: string;

  constructor(model: string, message: string) {
    super(message);
    this.model = model;
  }
}
