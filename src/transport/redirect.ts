import { RedirectError } from '../errors/redirect-error.js';

/**
 * Whether `response` is a redirect that fetch handed back instead of following (every request goes
 * out with `redirect: 'manual'`): a 3xx status, or, in a browser, an opaque redirect (status 0).
 */
export function isRedirect(response: Response): boolean {
  return response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400);
}

/** The error for a redirect; its body is cancelled, as nothing of it is used. */
export function redirectError(response: Response, requestUrl: string): RedirectError {
  response.body?.cancel().catch(() => {});
  const opaque = response.type === 'opaqueredirect';
  return new RedirectError({
    status: opaque ? 0 : response.status,
    location: opaque ? undefined : safeLocation(response.headers.get('location'), requestUrl),
    headers: opaque ? undefined : withoutLocation(response.headers),
  });
}

/**
 * The response headers less `Location`: a redirect may echo the request's query back in it (a key
 * passed as a query parameter), so it is kept only in the cut form of `RedirectError.location`.
 */
function withoutLocation(headers: Headers): Headers {
  const kept = new Headers(headers);
  kept.delete('location');
  return kept;
}

/** The Location resolved against the request, shown without user information, query or fragment. */
function safeLocation(location: string | null, requestUrl: string): string | undefined {
  if (location === null || location === '') return undefined;
  try {
    const url = new URL(location, requestUrl);
    return `${url.protocol}//${url.host}${url.pathname}`;
  } catch {
    return undefined;
  }
}
