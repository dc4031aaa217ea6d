import type { BatchCostEstimate } from '../tokens/estimate-batch-cost.js';
import { ChatwrightError } from './chatwright-error.js';

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
