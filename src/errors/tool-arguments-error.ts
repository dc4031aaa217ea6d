import type { ChatCompletion } from '../wire/response.js';
import { ChatwrightError } from './chatwright-error.js';
import type { ValidationIssue } from './validation-error.js';

/**
 * The model called a tool with arguments that are not JSON or do not match the tool's schema. Keeps
 * the raw arguments, the issues with their paths, and the completion they came in.
 *
 * @example
 * try { await chat().model('gpt-4o').tool(weather).user('Weather?').send(); }
 * catch (error) {
 *   if (error instanceof ToolArgumentsError) console.log(error.toolName, error.issues, error.rawArguments);
 * }
 */
export class ToolArgumentsError extends ChatwrightError {
  override name = 'ToolArgumentsError' as const;
  readonly toolName: string;
  readonly toolCallId: string;
  /** The arguments string exactly as the model sent it. */
  readonly rawArguments: string;
  /** Every problem, with its path inside the arguments (`''` when they are not JSON at all). */
  readonly issues: readonly ValidationIssue[];
  /** The completion the call came in (not enumerable, so logging the error stays short). */
  declare readonly completion: ChatCompletion | undefined;

  constructor(init: {
    toolName: string;
    toolCallId: string;
    rawArguments: string;
    issues: readonly ValidationIssue[];
    completion?: ChatCompletion | undefined;
  }) {
    const list = init.issues
      .map((issue) => `  - ${issue.path || '(arguments)'}: ${issue.message}`)
      .join('\n');
    super(
      `The arguments of the call ${init.toolCallId} to "${init.toolName}" do not match its schema:\n${list}`,
    );
    this.toolName = init.toolName;
    this.toolCallId = init.toolCallId;
    this.rawArguments = init.rawArguments;
    this.issues = Object.freeze([...init.issues]);
    Object.defineProperty(this, 'completion', { value: init.completion, enumerable: false });
  }
}
