import type { ChatCompletion } from '../wire/response.js';
import { ChatwrightError } from './chatwright-error.js';
import type { ValidationIssue } from './validation-error.js';

/**
 * The model's structured output is not JSON, or does not match the response format's schema.
 * Keeps the raw content, the issues with their paths, and the completion.
 *
 * @example
 * try { await chat().model('gpt-4o').jsonSchema(Place, { name: 'place' }).user('Paris?').send(); }
 * catch (error) { if (error instanceof ParsedOutputError) console.log(error.issues, error.content); }
 */
export class ParsedOutputError extends ChatwrightError {
  override name = 'ParsedOutputError' as const;
  /** The message content exactly as the model sent it. */
  readonly content: string;
  /** Every problem, with its path inside the output (`''` when it is not JSON at all). */
  readonly issues: readonly ValidationIssue[];
  /** The completion (not enumerable). */
  declare readonly completion: ChatCompletion | undefined;

  constructor(init: {
    content: string;
    issues: readonly ValidationIssue[];
    completion?: ChatCompletion | undefined;
  }) {
    const list = init.issues.map((issue) => `  - ${issue.path || '(output)'}: ${issue.message}`).join('\n');
    super(`The structured output does not match its schema:\n${list}`);
    this.content = init.content;
    this.issues = Object.freeze([...init.issues]);
    Object.defineProperty(this, 'completion', { value: init.completion, enumerable: false });
  }
}
