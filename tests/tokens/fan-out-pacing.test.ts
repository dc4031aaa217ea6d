import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { fanOut } from '../../src/index.js';
import { countTokens } from '../../src/tokens/index.js';
import { capitalQuestions, startTokenBudgetServer } from '../support/token-budget-server.js';

const test = suite('fan-out paced by tokens');

async function run(tokenPacing: boolean) {
  const server = await startTokenBudgetServer({ tokensPerWindow: 1_000, windowMs: 250, latencyMs: 20 });
  try {
    const builders = capitalQuestions(server.url, 24);
    const results = await fanOut(builders, {
      concurrency: 8,
      tokenPacing,
      maxRetries: 20,
      retryDelay: { initial: 5, max: 50 },
    });
    return { results, stats: { ...server.stats }, cost: countTokens(builders[0] as never).total + 60 };
  } finally {
    await server.close();
  }
}

test('with chatwright/tokens loaded, no request starts that would overdraw the remaining tokens', async () => {
  const paced = await run(true);
  assert.ok(paced.results.every((result) => result.ok));
  // About 11 requests fit a window; 24 take three windows. None was refused.
  assert.ok(paced.cost * 11 <= 1_000 && paced.cost * 12 > 1_000, `cost ${paced.cost}`);
  assert.is(paced.stats.rejected, 0);
  assert.is(paced.stats.accepted, 24);
});

test('tokenPacing: false keeps the old behaviour, and the budget answers with 429s', async () => {
  const unpaced = await run(false);
  assert.ok(unpaced.results.every((result) => result.ok));
  assert.ok(unpaced.stats.rejected > 0, 'expected 429s without token pacing');
});

test.run();
