import { ChatwrightError } from './chatwright-error.js';

/**
 * A client option is missing or unusable: no API key, an API key in a browser without
 * `dangerouslyAllowBrowser`, a negative timeout. Thrown before any request is made; `option` names
 * the option to fix.
 *
 * @example
 * try { await chat().model('gpt-4o').user('Hi').send(); }
 * catch (error) { if (error instanceof ClientOptionsError && error.option === 'apiKey') askForKey(); }
 */
export class ClientOptionsError extends ChatwrightError {
  override name = 'ClientOptionsError' as const;
  /** The option (or environment variable) at fault, such as `apiKey` or `timeout`. */
  readonly option: string;

  constructor(option: string, message: string) {
    super(message);
    this.option = option;
  }
}
