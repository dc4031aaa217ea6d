import { BatchInputError } from '../errors/batch-input-error.js';
import { bodyText, type HasBodyText } from '../internal/body-text.js';
import type { RequestValidation } from '../schema/request-validation.js';
import { toValidationError } from '../schema/to-validation-error.js';

/** What a batch needs of a builder: its wire body and its validation (any `ChatBuilder` has both). */
/** A builder as batch results read it: its schemas parse and type the results. Any builder, a preset too. */
export interface BatchPreset {
  toJSON(): object;
  validate(): RequestValidation;
}

/** A builder that batch writing accepts: one that could be sent. */
export interface BatchSource extends BatchPreset {
  /**
   * Present and callable only on a builder that could be sent: one that cannot (no model, no message,
   * a rule of its model broken) fails to compile where it is handed to batch writing, with `send()`'s message.
   */
  readonly toBatchLine: (customId: string) => string;
}

/**
 * The line of a batch input file for one request, without its newline:
 * `{"custom_id":…,"method":"POST","url":"/v1/chat/completions","body":{…}}`. The request is validated
 * as `send()` would; an invalid one, or an empty custom id, throws `BatchInputError`.
 *
 * @example
 * toBatchLine(chat().model('gpt-4o-mini').user('Hi'), 'greeting-1');
 * // '{"custom_id":"greeting-1","method":"POST","url":"/v1/chat/completions","body":{"model":"gpt-4o-mini","messages":[{"role":"user","content":"Hi"}]}}'
 *
 * @see https://platform.openai.com/docs/api-reference/batch/request-input
 */
export function toBatchLine(builder: BatchSource, customId: string): string {
  if (typeof customId !== 'string' || customId === '') {
    throw new BatchInputError(
      'invalid_custom_id',
      `a custom id must be a non-empty string (got ${JSON.stringify(customId)})`,
      {
        ...(typeof customId === 'string' ? { customId } : {}),
      },
    );
  }
  const validation = builder.validate();
  if (!validation.success) {
    const error = toValidationError(validation.issues);
    throw new BatchInputError('invalid_request', `${customId}: ${error.message}`, {
      customId,
      issues: error.issues,
      cause: error,
    });
  }
  // Spliced rather than stringifying a wrapper object: the three fixed members cost nothing this way,
  // and a chatwright builder gives its body's text spliced from its preset's.
  const text = (builder as HasBodyText)[bodyText];
  const body = typeof text === 'function' ? text.call(builder) : JSON.stringify(builder.toJSON());
  return `{"custom_id":${JSON.stringify(customId)},"method":"POST","url":"/v1/chat/completions","body":${body}}`;
}
