import { cutText } from '../internal/cut-text.js';
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
 * How many issues the message lists; `issues` keeps them all. A message is read by people and lands
 * in logs: a preset with a million bad fields must not make a message of a hundred megabytes.
 */
export const maxListedIssues = 20;

// Longest path and message quoted in one line of the error message (a key can be a megabyte long).
const maxPathChars = 120;
const maxIssueChars = 300;

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
    super(describeIssues(issues, context));
    this.issues = Object.freeze([...issues]);
  }
}

/**
 * One issue as a line, `path: message`, each cut to a bounded length (a hostile input's key or value
 * may be a megabyte long): for messages and for the lines the `chatwright` command prints. `root`
 * names an issue of the whole input; `''` leaves it out.
 */
export function issueLine(issue: ValidationIssue, root = '(body)'): string {
  const path = issue.path || root;
  const message = cutText(issue.message, maxIssueChars);
  return path === '' ? message : `${cutText(path, maxPathChars)}: ${message}`;
}

function describeIssues(issues: readonly ValidationIssue[], context: string): string {
  const lines = [`${context}:`];
  for (const issue of issues.slice(0, maxListedIssues)) {
    lines.push(`  - ${issueLine(issue)}`);
  }
  if (issues.length > maxListedIssues) {
    lines.push(`  ... and ${issues.length - maxListedIssues} more (see error.issues)`);
  }
  return lines.join('\n');
}
