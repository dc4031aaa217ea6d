import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * Where the third-party conformance corpus (OpenAI's spec and recorded fixtures) lives: the
 * `CHATWRIGHT_SHARED` environment variable, else `../shared` beside the repository. `undefined` when
 * absent: the project cannot ship those files, so suites that need them skip, and say so.
 */
export const sharedDir: string | undefined = (() => {
  const candidate = process.env.CHATWRIGHT_SHARED ?? join(repoRoot, '..', 'shared');
  return existsSync(join(candidate, 'spec', 'schemas')) ? candidate : undefined;
})();

const announced = new Set<string>();

/**
 * Returns true when the corpus is missing, after printing the visible skip line once per suite
 * (scripts/run-unit-tests.mjs counts those lines as skips); when it is present, prints once which
 * folder is used.
 */
export function corpusMissing(suite: string): boolean {
  if (sharedDir !== undefined) {
    if (announced.size === 0) console.log(`conformance corpus: ${sharedDir}`);
    announced.add(suite);
    return false;
  }
  if (!announced.has(suite)) {
    announced.add(suite);
    console.log(
      `skipped: conformance corpus not found (${suite}); set CHATWRIGHT_SHARED or place it at ../shared`,
    );
  }
  return true;
}
