import type { ReasoningEffort } from '../wire/request.js';

/** Every `reasoning_effort` the API takes (model declarations are checked against it too). */
export const reasoningEfforts = [
  'none',
  'minimal',
  'low',
  'medium',
  'high',
  'xhigh',
  'max',
] as const satisfies readonly ReasoningEffort[];
