import { limitsOf } from '../models/limits-of.js';
import {
  bodyOf,
  type Countable,
  type CountTokensOptions,
  countTokens,
  type TokenCount,
} from './count-tokens.js';
import { BATCH_DISCOUNT, type ModelPrice, priceOf } from './prices.js';

/** What a request may cost, in USD, before sending it. */
export interface CostEstimate {
  readonly model: string | undefined;
  readonly inputTokens: number;
  /** The prompt at the input price. */
  readonly inputUSD: number;
  /** The prompt if all of it were read from the prompt cache; `undefined` without a cached price. */
  readonly cachedInputUSD: number | undefined;
  /** From no output to the output limit (`max_completion_tokens`, `max_tokens`, else the model's). */
  readonly outputUSD: { readonly min: 0; readonly max: number | undefined };
  /** The output tokens `outputUSD.max` assumes; `undefined` when no limit is known. */
  readonly maxOutputTokens: number | undefined;
  /** The price used, with its date and source. */
  readonly price: ModelPrice;
  /** True for a Batch API estimate (half price). */
  readonly batch: boolean;
  /** The count behind it (`upperBound` and `notCounted` say how far to trust it). */
  readonly count: TokenCount;
}

/** Options of {@link estimateCost}. */
export interface EstimateCostOptions extends CountTokensOptions {
  /** Price as a Batch API request (half the standard price). Default false. */
  readonly batch?: boolean;
}

const perMillion = (tokens: number, usd: number) => (tokens * usd) / 1_000_000;

/**
 * What a request will cost: the prompt at the model's input price (and at its cached-input price,
 * where it has one), the output as a range up to its limit. `undefined` when the model's price is not
 * in the table (prices.ts): an unknown price is never reported as zero.
 *
 * @example
 * import { estimateCost } from 'chatwright/tokens';
 * const cost = estimateCost(chat().model('gpt-4o').user('Summarize…').maxCompletionTokens(500));
 * cost?.inputUSD; cost?.outputUSD.max; // 0.005 at $10 per million output tokens
 */
export function estimateCost(
  request: Countable,
  options: EstimateCostOptions = {},
): CostEstimate | undefined {
  const body = bodyOf(request);
  // The price first: a request whose model has none is not worth counting (a whole unpriced batch).
  const price = priceOf(options.model ?? (typeof body.model === 'string' ? body.model : undefined));
  if (price === undefined) return undefined;
  const count = countTokens(request, options);
  const limit =
    typeof body.max_completion_tokens === 'number'
      ? body.max_completion_tokens
      : typeof body.max_tokens === 'number'
        ? body.max_tokens
        : count.model === undefined
          ? undefined
          : limitsOf(count.model).maxOutputTokens;
  const choices = typeof body.n === 'number' && body.n > 1 ? body.n : 1;
  const factor = options.batch === true ? BATCH_DISCOUNT : 1;
  const maxOutputTokens = limit === undefined ? undefined : limit * choices;
  return {
    model: count.model,
    inputTokens: count.total,
    inputUSD: perMillion(count.total, price.input) * factor,
    cachedInputUSD:
      price.cachedInput === undefined ? undefined : perMillion(count.total, price.cachedInput) * factor,
    outputUSD: {
      min: 0,
      max: maxOutputTokens === undefined ? undefined : perMillion(maxOutputTokens, price.output) * factor,
    },
    maxOutputTokens,
    price,
    batch: options.batch === true,
    count,
  };
}
