/*
 * The seam between the main entry and chatwright/tokens, which holds the tokenizer and must never be
 * bundled with the main entry. Importing chatwright/tokens registers these hooks; the client, `run()`
 * and `fanOut()` use them when present. Kept on `globalThis` under a registry symbol rather than in
 * module state: a CommonJS build has its own copy of this module in every entry, and an application
 * may load the ESM and CJS builds side by side; the symbol reaches them all.
 */

/** What chatwright/tokens provides to the main entry. */
export interface TokenHooks {
  /** The prompt tokens of a wire body (an upper bound for images of unknown size). */
  promptTokens(body: { readonly [field: string]: unknown }): number;
  /** Throws a `ValidationError` when the body's prompt plus its output limit exceeds the window. */
  checkContextWindow(body: { readonly [field: string]: unknown }): void;
}

const key = Symbol.for('chatwright.tokenHooks');

/** Installs the hooks (called once by chatwright/tokens when it is imported). */
export function registerTokenHooks(hooks: TokenHooks): void {
  (globalThis as { [key]?: TokenHooks })[key] = hooks;
}

/** The registered hooks, or `undefined` when chatwright/tokens was never imported. */
export function tokenHooks(): TokenHooks | undefined {
  return (globalThis as { [key]?: TokenHooks })[key];
}
