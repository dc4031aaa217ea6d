/**
 * A fresh idempotency key for one `send()`: the same value goes on every attempt, so a server that
 * honours `Idempotency-Key` runs the request once even when a retry follows a lost answer.
 */
export function newIdempotencyKey(): string {
  const crypto = globalThis.crypto as Crypto | undefined;
  // randomUUID exists in Node 19+, Deno, Bun and secure browser contexts; elsewhere fall back to
  // Math.random, which is unique enough for a key that only has to differ between sends.
  if (typeof crypto?.randomUUID === 'function') return `chatwright-${crypto.randomUUID()}`;
  return `chatwright-${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}
