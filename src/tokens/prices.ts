import type { KnownModelId } from '../models/catalog.js';

/** A model's price in USD per million tokens, with its date and source. */
export interface ModelPrice {
  readonly input: number;
  /** Input read from the prompt cache, where the model has a cached-input price. */
  readonly cachedInput?: number;
  readonly output: number;
  /** The date the price was read from its source (YYYY-MM-DD). */
  readonly asOf: string;
  readonly source: string;
}

/*
 * Our own table, not gpt-tokenizer's: gpt-tokenizer 4.0.0 ships `price_data` for only some models, and
 * for those it gives figures that disagree with OpenAI's pricing page (gpt-4o at $10/$30 per million,
 * where the page lists $2.50/$10). A model left out has no known price: estimates give `undefined`.
 * Update: read https://platform.openai.com/docs/pricing, change the figures and `asOf` together.
 */
const page = 'OpenAI API pricing page, https://platform.openai.com/docs/pricing (standard tier)';
// Models priced after the figures above were read: from summaries of the same page, named here.
const summaries =
  'OpenAI pricing page as summarized by deploybase.ai (2026-03-21) and morphllm.com (June 2026); the two agree';

const price = (
  input: number,
  cachedInput: number | undefined,
  output: number,
  asOf = '2025-08-07',
  source = page,
): ModelPrice =>
  Object.freeze({ input, ...(cachedInput === undefined ? {} : { cachedInput }), output, asOf, source });

const gpt4o = price(2.5, 1.25, 10);
const gpt4oMini = price(0.15, 0.075, 0.6);
const gpt41 = price(2, 0.5, 8);
const gpt41Mini = price(0.4, 0.1, 1.6);
const gpt41Nano = price(0.1, 0.025, 0.4);
const o3 = price(2, 0.5, 8);
const o4Mini = price(1.1, 0.275, 4.4);
const o3Mini = price(1.1, 0.55, 4.4);
const o1 = price(15, 7.5, 60);
const gpt5 = price(1.25, 0.125, 10);
const gpt5Mini = price(0.25, 0.025, 2);
const gpt5Nano = price(0.05, 0.005, 0.4);
const gpt4Turbo = price(10, undefined, 30);
const gpt4 = price(30, undefined, 60);
const gpt35 = price(0.5, undefined, 1.5);
const gpt51 = price(1.25, 0.125, 10, '2026-03-21', summaries);
const gpt54 = price(2.5, 0.25, 15, '2026-06-01', summaries);

/**
 * Prices by model id. Left out, so estimated as unknown: models whose price no source we read gives
 * (gpt-5.1-mini, gpt-5.2 and its pro and chat models, gpt-5.4-mini/nano, gpt-5.5, gpt-5.6, audio and
 * search previews, codex models).
 */
export const modelPrices: { readonly [Id in KnownModelId]?: ModelPrice } = Object.freeze({
  'gpt-4o': gpt4o,
  'gpt-4o-2024-11-20': gpt4o,
  'gpt-4o-2024-08-06': gpt4o,
  'gpt-4o-2024-05-13': price(5, undefined, 15),
  'gpt-4o-mini': gpt4oMini,
  'gpt-4o-mini-2024-07-18': gpt4oMini,
  'gpt-4.1': gpt41,
  'gpt-4.1-2025-04-14': gpt41,
  'gpt-4.1-mini': gpt41Mini,
  'gpt-4.1-mini-2025-04-14': gpt41Mini,
  'gpt-4.1-nano': gpt41Nano,
  'gpt-4.1-nano-2025-04-14': gpt41Nano,
  o3,
  'o3-2025-04-16': o3,
  'o4-mini': o4Mini,
  'o4-mini-2025-04-16': o4Mini,
  'o3-mini': o3Mini,
  'o3-mini-2025-01-31': o3Mini,
  'o1-mini': o3Mini,
  'o1-mini-2024-09-12': o3Mini,
  o1,
  'o1-2024-12-17': o1,
  'gpt-5': gpt5,
  'gpt-5-2025-08-07': gpt5,
  'gpt-5-chat-latest': gpt5,
  'gpt-5-mini': gpt5Mini,
  'gpt-5-mini-2025-08-07': gpt5Mini,
  'gpt-5-nano': gpt5Nano,
  'gpt-5-nano-2025-08-07': gpt5Nano,
  'gpt-5.1': gpt51,
  'gpt-5.1-2025-11-13': gpt51,
  'gpt-5.4': gpt54,
  'gpt-4-turbo': gpt4Turbo,
  'gpt-4-turbo-2024-04-09': gpt4Turbo,
  'gpt-4': gpt4,
  'gpt-4-0613': gpt4,
  'gpt-3.5-turbo': gpt35,
  'gpt-3.5-turbo-0125': gpt35,
});

/** The price of `model`, or `undefined` when it is not known. */
export function priceOf(model: string | undefined): ModelPrice | undefined {
  if (model === undefined || !Object.hasOwn(modelPrices, model)) return undefined;
  return modelPrices[model as KnownModelId];
}

/** The Batch API's discount: half the standard price, input and output (OpenAI's batch guide). */
export const BATCH_DISCOUNT = 0.5;
