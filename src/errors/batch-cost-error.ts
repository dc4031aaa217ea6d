import { ChatwrightError } from './chatwright-error.js';

/** What a batch job may cost, in USD, at the Batch API's discount. */
export interface BatchCostEstimate {
  readonly requests: number;
  readonly inputTokens: number;
  /** `undefined` when a request's model has no known price (see `unpricedModels`). */
  readonly inputUSD: number | undefined;
  /** From no output to every request's output limit; `max` is `undefined` when a limit is unknown. */
  readonly outputUSD: { readonly min: 0; readonly max: number | undefined } | undefined;
  /** Models without a known price: their requests make the totals `undefined`, never zero. */
  readonly unpricedModels: readonly string[];
}

/**
 * `submitBatch()` refused a job whose estimated cost is over its `maxCostUSD` (or cannot be
 * estimated: a model without a known price or output limit). Nothing was uploaded; `estimate` is
 * what chatwright/tokens estimated.
 *
 * @example
 * try { await submitBatch(client, items, { maxCostUSD: 50 }); }
 * catch (error) { if (error instanceof BatchCostError) console.log(error.estimate.inputUSD); }
 */
export class BatchCostError extends ChatwrightError {
  override name = 'BatchCostError' as const;
  readonly estimate: BatchCostEstimate;
  readonly maxCostUSD: number;

  constructor(estimate: BatchCostEstimate, maxCostUSD: number, message: string) {
    super(message);
    this.estimate = estimate;
    this.maxCostUSD = maxCostUSD;
  }
}
