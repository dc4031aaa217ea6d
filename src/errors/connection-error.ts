import { ChatwrightError } from './chatwright-error.js';

/** No HTTP answer: the connection failed, was refused or was cut. Retried by default. */
export class APIConnectionError extends ChatwrightError {
  override name: string = 'APIConnectionError';
}
