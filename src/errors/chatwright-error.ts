/**
 * The base of every error chatwright throws, so one `instanceof` check catches them all.
 *
 * @example
 * try { await chat().model('gpt-4o').user('Hi').send(); }
 * catch (error) { if (error instanceof ChatwrightError) console.error(error.name, error.message); }
 */
export class ChatwrightError extends Error {
  override name = 'ChatwrightError';

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}
