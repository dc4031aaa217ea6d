import { registerTokenHooks } from '../client/token-hooks.js';
import { measureContextWindow } from './check-context-window.js';
import { countTokens } from './count-tokens.js';
import { BatchCostTally } from './estimate-batch-cost.js';

// Importing chatwright/tokens teaches the main entry to count: the client's context-window check,
// `run()` (which sends through the client) and fan-out pacing use these (client/token-hooks.ts).
registerTokenHooks({
  promptTokens: (body) => countTokens(body).total,
  contextWindowIssue: (body) => measureContextWindow(body).issue,
  batchCostCounter: () => new BatchCostTally(),
});
