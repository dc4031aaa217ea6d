/*
 * The seam between the main entry and chatwright/tokens, which holds the tokenizer and must never be
 * bundled with the main entry. Importing chatwright/tokens registers these hooks; the client, `run()`
 * and `fanOut()` use them when present. Kept on `globalThis` under a registry symbol rather than in
 * module state: a CommonJS build has its own copy of this module in every entry, and an application
 * may load the ESM and CJS builds side by side; the symbol reaches them all.
 */

import type { BatchCostEstimate } from '../errors/batch-cost-error.js';
import type { ValidationIssue } from '../errors/validation-error.js';

/** Adds up the estimated cost of batch requests as they stream past. */
export interface BatchCostCounter {
  add(body: { readonly [field: string]: unknown }): void;
  result(): BatchCostEstimate;
}

/** What chatwright/tokens provides to the main entry. */
export interface TokenHooks {
  /** The prompt tokens of a wire body (an upper bound for images of unknown size). */
  promptTokens(body: { readonly [field: string]: unknown }): number;
  /**
   * The issue when the body's prompt plus its output limit exceeds the window, else `undefined`. An
   * issue, not a thrown error: the caller throws its own `ValidationError`, so `instanceof` holds
   * even where each entry has its own copy of the class (a CommonJS build).
   */
  contextWindowIssue(body: { readonly [field: string]: unknown }): ValidationIssue | undefined;
  /** A new running total of Batch API cost estimates. */
  batchCostCounter(): BatchCostCounter;
}

const key = Symbol.for('chatwright.tokenHooks');

/** The words of a context-window `ValidationError`, from the client's check or `checkContextWindow()`. */
export const CONTEXT_WINDOW_ERROR = 'Request does not fit the context window';

/** Installs the hooks (called once by chatwright/tokens when it is imported). */
export function registerTokenHooks(hooks: TokenHooks): void {
  (globalThis as { [key]?: TokenHooks })[key] = hooks;
}

/** The registered hooks, or `undefined` when chatwright/tokens was never imported. */
export function tokenHooks(): TokenHooks | undefined {
  return (globalThis as { [key]?: TokenHooks })[key];
}
