import { APIError } from './api-error.js';

/**
 * The server answered with a redirect (HTTP 3xx), which chatwright never follows: a redirect would
 * carry the request's credentials (`api-key`, `x-api-key`, `OpenAI-Organization`...) and its body to
 * whatever address the server names. Point `baseURL` at the final address instead. Never retried.
 *
 * @example
 * try { await chat().model('gpt-4o').user('Hi').send(); }
 * catch (error) { if (error instanceof RedirectError) console.error(`baseURL moved to ${error.location}`); }
 */
export class RedirectError extends APIError {
  override name = 'RedirectError' as const;
  /**
   * Where the server redirected to, resolved against the request's URL, without its user
   * information, query or fragment (they may hold tokens); `undefined` when the answer had no
   * `Location` or it was hidden (a browser's opaque redirect).
   */
  readonly location: string | undefined;

  constructor(init: { status: number; location: string | undefined; headers?: Headers | undefined }) {
    const where = init.location === undefined ? 'without a Location it could read' : `to ${init.location}`;
    super({
      status: init.status,
      headers: init.headers,
      requestId: init.headers?.get('x-request-id') ?? undefined,
      error: {
        message:
          `the server redirected ${where}. chatwright does not follow redirects, so that the API key ` +
          'and the request never reach another address: set baseURL to the address that answers.',
        type: 'redirect',
        code: 'redirect',
      },
    });
    this.location = init.location;
  }
}
