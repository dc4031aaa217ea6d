import { CONTEXT_WINDOW_ERROR } from '../client/token-hooks.js';
import { ValidationError, type ValidationIssue } from '../errors/validation-error.js';
import { limitsOf } from '../models/limits-of.js';
import { bodyOf, type Countable, countTokens, type TokenCount } from './count-tokens.js';

/** What {@link checkContextWindow} measured for a request that fits. */
export interface ContextWindowFit {
  readonly promptTokens: number;
  /** `max_completion_tokens`, else `max_tokens`, else 0 (the prompt alone must fit). */
  readonly outputTokens: number;
  /** The model's window, or `undefined` when it is not known (then nothing is checked). */
  readonly contextWindow: number | undefined;
  readonly count: TokenCount;
}

function outputLimit(body: { readonly [field: string]: unknown }): { field: string; tokens: number } {
  if (typeof body.max_completion_tokens === 'number') {
    return { field: 'max_completion_tokens', tokens: body.max_completion_tokens };
  }
  if (typeof body.max_tokens === 'number') return { field: 'max_tokens', tokens: body.max_tokens };
  return { field: 'max_completion_tokens', tokens: 0 };
}

/** What fitting the window measured, and the issue when the request does not fit. */
export function measureContextWindow(request: Countable): {
  readonly fit: ContextWindowFit;
  readonly issue: ValidationIssue | undefined;
} {
  const count = countTokens(request);
  const output = outputLimit(bodyOf(request));
  const contextWindow = count.model === undefined ? undefined : limitsOf(count.model).contextWindow;
  const fit = { promptTokens: count.total, outputTokens: output.tokens, contextWindow, count };
  if (contextWindow === undefined || count.total + output.tokens <= contextWindow) {
    return { fit, issue: undefined };
  }
  const fmt = (n: number) => n.toLocaleString('en-US');
  const bound = count.upperBound ? ' (an upper bound: an image of unknown size counts at its maximum)' : '';
  return {
    fit,
    issue: {
      path: 'messages',
      message: `the prompt is ${fmt(count.total)} tokens${bound} and ${output.field} is ${fmt(output.tokens)}: ${fmt(count.total + output.tokens)} tokens, over ${count.model}'s context window of ${fmt(contextWindow)} tokens`,
      input: { promptTokens: count.total, [output.field]: output.tokens, contextWindow },
    },
  };
}

/**
 * Checks that a request fits its model's context window: its prompt tokens plus the output it allows
 * (`max_completion_tokens`, or `max_tokens`). Over the window it throws a `ValidationError` giving
 * both numbers and the window, so nothing is sent; a model whose window is unknown (not in the
 * catalog, not declared with `contextWindow`) passes unchecked.
 *
 * @example
 * import { checkContextWindow } from 'chatwright/tokens';
 * const { promptTokens, contextWindow } = checkContextWindow(request); // throws when it does not fit
 */
export function checkContextWindow(request: Countable): ContextWindowFit {
  const { fit, issue } = measureContextWindow(request);
  if (issue !== undefined) throw new ValidationError([issue], CONTEXT_WINDOW_ERROR);
  return fit;
}
