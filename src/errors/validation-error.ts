import { ChatwrightError } from './chatwright-error.js';

/** One problem found in a request: where it is and what is wrong. */
export interface ValidationIssue {
  /** A dotted path into the wire body, such as `messages.0.content` or `top_logprobs` (`''` for the root). */
  readonly path: string;
  /** A sentence that says what is wrong and, where there is one, the fix. */
  readonly message: string;
  /** The offending value (never a secret: request bodies hold no credentials). */
  readonly input?: unknown;
}

/**
 * Thrown when a request is invalid: nothing is sent. `issues` lists every problem with its path.
 *
 * @example
 * try { await chat().model('gpt-4o').user('Hi').temperature(3).send(); }
 * catch (error) { if (error instanceof ValidationError) console.log(error.issues); }
 * // [{ path: 'temperature', message: 'temperature must be between 0 and 2', input: 3 }]
 */
export class ValidationError extends ChatwrightError {
  override name = 'ValidationError' as const;
  readonly issues: readonly ValidationIssue[];

  constructor(issues: readonly ValidationIssue[], context = 'Invalid chat completion request') {
    super(
      `${context}:\n${issues.map((issue) => `  - ${issue.path || '(body)'}: ${issue.message}`).join('\n')}`,
    );
    this.issues = Object.freeze([...issues]);
  }
}
