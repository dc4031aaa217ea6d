// What chatwright's types cost a user's compiler, beside the official `openai` package's: the figures
// the type budget enforces (scripts/type-budget.ts, in `npm test`), measured the same way. Runnable
// alone: `npx tsx bench/type-cost.bench.ts`.
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import {
  count,
  measureImportCost,
  measureRequestsCost,
  preparePrograms,
} from '../scripts/type-cost/measure.js';

const runs = 9;
const budget = JSON.parse(readFileSync('tests/types/type-budget.json', 'utf8')) as {
  readonly importOnly: { readonly instantiations: number; readonly margin: number };
  readonly maxRatio: number;
};
const importLimit = Math.round(budget.importOnly.instantiations * (1 + budget.importOnly.margin));
const maxRatio = budget.maxRatio;

/**
 * The figures before the declarations stopped loading valibot's types, measured the same way at
 * commit 74e3aea (2026-12-04). Then `presetSchema` and `requestSchema` were published with their
 * inferred valibot types, and two internal modules the builder's declarations reach named valibot
 * types: a user's compiler loaded valibot's declaration file, and without `skipLibCheck` checked it.
 */
const before = { importInstantiations: 208_724, requestsInstantiations: 27_897, ratio: 1.49 };

export async function run(): Promise<{ title: string; markdown: string }> {
  const programs = preparePrograms();
  const imports = measureImportCost(programs);
  const net = (cost: { instantiations: number }) => cost.instantiations - imports.empty.instantiations;
  const requests = measureRequestsCost(programs, runs);
  const markdown = `
Made by \`npx tsx bench/type-cost.bench.ts\` (\`npm run typecheck:budget\` checks the same figures in
\`npm test\`) with TypeScript 6, on ${new Date().toISOString().slice(0, 10)}. Each figure is one small project in
\`.type-cost/\` (written by the run; \`npx tsc -p .type-cost/<name>.tsconfig.json --extendedDiagnostics\`
repeats it) with \`tsc --init\`'s strict options; \`chatwright\` resolves to the built declarations
(dist/types), as in a user's project.

| what | chatwright | \`openai\` package |
| --- | ---: | ---: |
| importing the package alone, without \`skipLibCheck\`: instantiations beyond an empty project's ${count(imports.empty.instantiations)} | ${count(net(imports.chatwright))} | ${count(net(imports.openai))} |
| fifty requests with tools, a tool choice and \`send()\`/\`create()\`: check time (CPU s, median of ${runs}) | ${requests.chatwright.checkTime.toFixed(3)} | ${requests.openai.checkTime.toFixed(3)} |
| the same: instantiations | ${count(requests.chatwright.instantiations)} | ${count(requests.openai.instantiations)} |

The fifty requests are one table rendered both ways (scripts/type-cost/fifty-requests.ts): twenty
models with their own parameters, one to three function tools with JSON Schema parameters, a named
tool, \`'auto'\` or \`'required'\` as the choice. They are checked with \`skipLibCheck\`, so that the
figure is the requests' own cost. Their ratio is one of check times, not instantiations (the SDK's
request types are plain interfaces: its fifty requests make ${count(requests.openai.instantiations)} instantiations), in CPU time
after a garbage collection, the two projects taking turns, each side's median run: on a busy 2-core
machine the fastest runs' ratio swung by 0.7 between measurements, the medians' by about 0.2.

On 2026-12-04 the state became an object type that prints as its fields, and 24 methods gained the
check that names \`when()\` where a result does not fit (src/state/assigned-to.ts): the fifty
requests' instantiations went from 31,524 to 21,781, then 28,321. Their time, measured in pairs
against the commit before that check on the same machine: 2.07x and 1.95x before, 2.17x and 2.04x
after; \`tsc --extendedDiagnostics\` on the fifty requests alone, 12 interleaved runs of each, gave
the same median check time (0.38 s), and 12 more runs of three builds in turn gave 0.41 s for the
day's start (commit 20f0695), 0.37 s with the state printed as fields, 0.38 s with the check. On this machine that day the ratio sat at the 2x target with
or without the check; earlier measurements, on a quieter machine, read 1.71x to 1.97x.

Before the cut (commit 74e3aea): importing chatwright cost ${count(before.importInstantiations)} instantiations beyond
the empty project's, nearly all of them in checking valibot's declaration file, which the
declarations of \`presetSchema\`, \`requestSchema\` and two internal modules loaded. Those now name
no valibot type (src/schema/published-schemas.ts writes valibot's schema protocol out), and the fifty
requests' cost did not change with it (${count(before.requestsInstantiations)} instantiations and ${before.ratio.toFixed(2)}x then).
\`npm test\` now also fails if importing any entry point loads a runtime dependency's declarations.

Goals:

- ${net(imports.chatwright) <= importLimit ? 'reached' : 'not reached'}: importing chatwright within its recorded budget (${count(net(imports.chatwright))} instantiations, at most ${count(importLimit)}; ${(net(imports.chatwright) / net(imports.openai)).toFixed(2)}x the \`openai\` package's, from ${(before.importInstantiations / net(imports.openai)).toFixed(1)}x)
- ${requests.ratio <= maxRatio ? 'reached' : 'not reached'}: fifty requests check within ${maxRatio}x the \`openai\` package's time (${requests.ratio.toFixed(2)}x)
`;
  return { title: 'Type-checking cost', markdown };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const result = await run();
  console.log(result.markdown);
}
