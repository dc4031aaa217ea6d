// Fan-out against a token budget: a loopback server that charges each request its prompt tokens plus
// its output limit and answers 429 past a tokens-per-window budget (tests/support/token-budget-server.ts).
// The same fan-out runs with token pacing (chatwright/tokens loaded, the default) and without
// (`tokenPacing: false`: only the old heuristic on the average `total_tokens`). Runnable alone:
// `npx tsx bench/token-pacing.bench.ts`.
import { pathToFileURL } from 'node:url';
import { fanOut } from '../src/index.js';
import { countTokens } from '../src/tokens/index.js';
import { capitalQuestions, startTokenBudgetServer } from '../tests/support/token-budget-server.js';
import { medianOf } from './measure.js';

const requests = 200;
const concurrency = 32;
const budget = { tokensPerWindow: 4_000, windowMs: 500, latencyMs: 30 };

async function once(tokenPacing: boolean) {
  const server = await startTokenBudgetServer(budget);
  try {
    const builders = capitalQuestions(server.url, requests);
    const started = performance.now();
    const results = await fanOut(builders, { concurrency, tokenPacing, maxRetries: 50 });
    const ms = performance.now() - started;
    const failed = results.filter((result) => !result.ok).length;
    const cost = countTokens(builders[0] as (typeof builders)[number]).total + 60;
    return { ms, rejected: server.stats.rejected, failed, cost };
  } finally {
    await server.close();
  }
}

export async function run(): Promise<{ title: string; markdown: string }> {
  const rows: string[] = [];
  let cost = 0;
  for (const pacing of [false, true]) {
    const runs = [];
    for (let round = 0; round < 3; round++) runs.push(await once(pacing));
    cost = runs[0]?.cost ?? 0;
    rows.push(
      `| ${pacing ? 'paced by tokens (chatwright/tokens loaded)' : 'not paced (`tokenPacing: false`)'} | ${medianOf(runs.map((r) => r.rejected))} | ${(medianOf(runs.map((r) => r.ms)) / 1000).toFixed(2)} s | ${Math.max(...runs.map((r) => r.failed))} |`,
    );
  }
  const markdown = `
${requests} requests (${cost} tokens each as the limiter charges them: prompt plus \`max_completion_tokens: 60\`), concurrency ${concurrency}, against a loopback
server allowing ${budget.tokensPerWindow.toLocaleString('en-US')} tokens per ${budget.windowMs} ms window (a tokens-per-minute limit with the minute scaled
down), answering in ${budget.latencyMs} ms; medians of 3 runs.

| fan-out | 429s received | total time | failed |
|---|---:|---:|---:|
${rows.join('\n')}
`;
  return { title: 'Fan-out paced by tokens', markdown };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) console.log((await run()).markdown);
