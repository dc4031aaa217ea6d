/** Runs `body` as if chatwright/tokens had never been imported (its hooks are put back after). */
export async function withoutTokenHooks(body: () => Promise<void>): Promise<void> {
  const key = Symbol.for('chatwright.tokenHooks');
  const registry = globalThis as { [key]?: unknown };
  const hooks = registry[key];
  delete registry[key];
  try {
    await body();
  } finally {
    registry[key] = hooks;
  }
}
