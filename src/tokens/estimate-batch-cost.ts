import type { BatchCostEstimate } from '../errors/batch-cost-error.js';
import { bodyOf, type Countable } from './count-tokens.js';
import { estimateCost } from './estimate-cost.js';

/** Adds up one request's estimate into running totals; exported for submitBatch's streaming use. */
export class BatchCostTally {
  #requests = 0;
  #inputTokens = 0;
  #inputUSD = 0;
  #outputMax: number | undefined = 0;
  readonly #unpriced = new Set<string>();

  add(request: Countable): void {
    const estimate = estimateCost(request, { batch: true });
    this.#requests++;
    if (estimate === undefined) {
      const body = bodyOf(request);
      this.#unpriced.add(typeof body.model === 'string' ? body.model : '(no model)');
      return;
    }
    this.#inputTokens += estimate.inputTokens;
    this.#inputUSD += estimate.inputUSD;
    const max = estimate.outputUSD.max;
    this.#outputMax = this.#outputMax === undefined || max === undefined ? undefined : this.#outputMax + max;
  }

  result(): BatchCostEstimate {
    const priced = this.#unpriced.size === 0;
    return {
      requests: this.#requests,
      inputTokens: this.#inputTokens,
      inputUSD: priced ? this.#inputUSD : undefined,
      outputUSD: priced ? { min: 0, max: this.#outputMax } : undefined,
      unpricedModels: [...this.#unpriced],
    };
  }
}

/**
 * What a Batch API job of these requests may cost: each request's estimate at the batch discount
 * (half price), added up. A request whose model has no known price makes the totals `undefined`.
 *
 * @example
 * import { estimateBatchCost } from 'chatwright/tokens';
 * const cost = estimateBatchCost(tickets.map((t) => preset.user(t.text)));
 * console.log(`$${cost.inputUSD?.toFixed(2)} input, up to $${cost.outputUSD?.max?.toFixed(2)} output`);
 */
export function estimateBatchCost(requests: Iterable<Countable>): BatchCostEstimate {
  const tally = new BatchCostTally();
  for (const request of requests) tally.add(request);
  return tally.result();
}
