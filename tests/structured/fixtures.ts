import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { replies } from '../../src/testing/index.js';
import { corpusMissing, sharedDir } from '../support/shared-corpus.js';

/** A recorded fixture of ../shared/fixtures as text, or undefined (with the visible skip line). */
export function fixtureText(path: string, suite: string): string | undefined {
  if (corpusMissing(suite) || sharedDir === undefined) return undefined;
  return readFileSync(join(sharedDir, 'fixtures', path), 'utf8');
}

/** A recorded JSON response as a fake-server reply. */
export function jsonFixture(path: string, suite: string) {
  const text = fixtureText(path, suite);
  return text === undefined
    ? undefined
    : { body: JSON.parse(text) as unknown, reply: replies.json(JSON.parse(text)) };
}

/** A recorded SSE body, sent verbatim (it already ends with `data: [DONE]`). */
export function sseFixture(path: string, suite: string) {
  const text = fixtureText(path, suite);
  return text === undefined ? undefined : replies.stream([text], { done: false });
}
