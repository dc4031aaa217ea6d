import type { ChatCompletion } from '../wire/response.js';
import { ChatwrightError } from './chatwright-error.js';

/**
 * The content filter stopped the model (`finish_reason: 'content_filter'`) before it finished its
 * structured output or tool call, so there is nothing whole to parse.
 *
 * @example
 * try { await chat().model('gpt-4o').jsonSchema(Place, { name: 'place' }).user(question).send(); }
 * catch (error) { if (error instanceof ContentFilterFinishReasonError) console.log('filtered'); }
 */
export class ContentFilterFinishReasonError extends ChatwrightError {
  override name = 'ContentFilterFinishReasonError' as const;
  /** The index of the filtered choice. */
  readonly choiceIndex: number;
  /** The completion (not enumerable). */
  declare readonly completion: ChatCompletion | undefined;

  constructor(init: { choiceIndex: number; completion?: ChatCompletion | undefined }) {
    super(
      'The output was stopped by the content filter (finish_reason "content_filter"), so it cannot be parsed.',
    );
    this.choiceIndex = init.choiceIndex;
    Object.defineProperty(this, 'completion', { value: init.completion, enumerable: false });
  }
}
