// chatwright/tokens: token counting, context-window checks and cost estimates. A separate entry so
// the tokenizer's encodings never load with the main one. Importing it also registers the counter
// with the main entry (register.ts), for the client's context-window check and fan-out pacing.
import './register.js';

export type { BatchCostEstimate } from '../errors/batch-cost-error.js';
export { type ModelLimits, modelLimits } from '../models/catalog.js';
export { type KnownLimits, limitsOf } from '../models/limits-of.js';
export { type ContextWindowFit, checkContextWindow } from './check-context-window.js';
export type { NotCounted } from './count-body.js';
export { type Countable, type CountTokensOptions, countTokens, type TokenCount } from './count-tokens.js';
export { estimateBatchCost } from './estimate-batch-cost.js';
export { type CostEstimate, type EstimateCostOptions, estimateCost } from './estimate-cost.js';
export type { ImageSize } from './image-size.js';
export { type ModelPrice, modelPrices } from './prices.js';
