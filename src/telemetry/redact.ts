// Header values the client was given (the API key, organization, project, default and per-send
// headers) are credentials until proven otherwise: logs and hooks see their names only.

/** Headers chatwright writes itself and that hold no secret. */
const shownHeaders = new Set(['content-type', 'accept', 'x-chatwright-version']);

/** The headers with every value but chatwright's own replaced by `[redacted]`. */
export function redactHeaders(headers: Readonly<Record<string, string>>): Record<string, string> {
  const redacted: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    redacted[name] = shownHeaders.has(name) ? value : '[redacted]';
  }
  return redacted;
}

/** The values a text about the request must never contain: every header value but chatwright's own. */
export function secretsOf(headers: Readonly<Record<string, string>>): string[] {
  const secrets: string[] = [];
  for (const [name, value] of Object.entries(headers)) {
    if (shownHeaders.has(name)) continue;
    // The key without its scheme too: a server may quote the key alone.
    const bare = name === 'authorization' ? value.replace(/^Bearer\s+/i, '') : value;
    // Short values (a "1" flag) would blank out unrelated text, and cannot be a credential.
    for (const secret of [value, bare]) if (secret.length >= 4) secrets.push(secret);
  }
  return secrets;
}

/** `text` with every occurrence of a secret replaced by `[redacted]`. */
export function scrub(text: string, secrets: readonly string[]): string {
  let clean = text;
  for (const secret of secrets) {
    if (clean.includes(secret)) clean = clean.split(secret).join('[redacted]');
  }
  return clean;
}

/** The URL without its query (whose values may be credentials: a proxy's `?key=`) or fragment. */
export function withoutQuery(url: string): string {
  const end = url.search(/[?#]/);
  return end === -1 ? url : url.slice(0, end);
}
