import type { ChatCompletion, Usage } from '../wire/response.js';
import { ChatwrightError } from './chatwright-error.js';

/**
 * The model hit the token limit (`finish_reason: 'length'`) before finishing its structured output
 * or tool call, so there is nothing whole to parse. Raise `maxCompletionTokens()` or ask for less.
 *
 * @example
 * try { await chat().model('gpt-4o').maxCompletionTokens(10).jsonSchema(Place, { name: 'place' }).user('Paris?').send(); }
 * catch (error) { if (error instanceof LengthFinishReasonError) console.log(error.usage?.completion_tokens); }
 */
export class LengthFinishReasonError extends ChatwrightError {
  override name = 'LengthFinishReasonError' as const;
  /** The index of the cut-off choice. */
  readonly choiceIndex: number;
  /** The token counts of the request, when the server sent them. */
  readonly usage: Usage | null;
  /** The completion (not enumerable). */
  declare readonly completion: ChatCompletion | undefined;

  constructor(init: {
    choiceIndex: number;
    usage?: Usage | null | undefined;
    completion?: ChatCompletion | undefined;
  }) {
    const tokens = init.usage ? ` after ${init.usage.completion_tokens} completion tokens` : '';
    super(
      `The output was cut off by the token limit (finish_reason "length")${tokens}, so it cannot be parsed: raise maxCompletionTokens() or ask for less.`,
    );
    this.choiceIndex = init.choiceIndex;
    this.usage = init.usage ?? null;
    Object.defineProperty(this, 'completion', { value: init.completion, enumerable: false });
  }
}
