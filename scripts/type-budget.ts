// What chatwright's types cost the compiler, against recorded budgets (as Kysely does for its type
// benchmarks): a change that makes the types much more expensive fails `npm test`. Three figures:
// - the long-chain type test (tests/types/long-chain: 30 calls and 20 tools, 50 model-specific chains),
//   in instantiations;
// - importing chatwright alone, as a user's project without `skipLibCheck` does (the built declarations
//   in dist/types, built first if stale), in instantiations beyond an empty project's, beside the
//   official `openai` package's;
// - fifty realistic requests (scripts/type-cost/fifty-requests.ts) checked with chatwright's types,
//   in instantiations; their check time against the same requests with the `openai` package's is
//   printed beside the target (`maxRatio`) but never fails the run: a time is a benchmark's figure
//   (`npm run bench -- type-cost`), and on a shared machine the ratio swings by 0.2 between runs;
// and that no entry point's declarations load a runtime dependency's declarations (valibot's cost the
// import about 170,000 instantiations before).
// `npx tsx scripts/type-budget.ts --record` writes the current instantiation counts as the new budgets.
import { readFileSync, writeFileSync } from 'node:fs';
import { compilerCost } from './type-cost/compiler-cost.js';
import {
  count,
  dependencyDeclarations,
  measureImportCost,
  measureRequestsCost,
  preparePrograms,
} from './type-cost/measure.js';

const budgetFile = 'tests/types/type-budget.json';
const runs = 9;

interface Budget {
  /** The long-chain type test's instantiations, and the share above them that still passes. */
  readonly instantiations: number;
  readonly types: number;
  readonly margin: number;
  readonly recordedWith: string;
  /** `import { chat } from 'chatwright'` without skipLibCheck: instantiations beyond an empty project's. */
  readonly importOnly: {
    readonly instantiations: number;
    readonly margin: number;
    readonly recordedWith: string;
  };
  /** The fifty requests' instantiations with chatwright's types (deterministic, unlike their time). */
  readonly fiftyRequests: {
    readonly instantiations: number;
    readonly margin: number;
    readonly recordedWith: string;
  };
  /** The target for the fifty requests' check time, in times the `openai` package's (reported, see above). */
  readonly maxRatio: number;
}

const longChain = compilerCost('tests/types/long-chain/tsconfig.json');
const programs = preparePrograms();
const imports = measureImportCost(programs);
const chatwrightImport = imports.chatwright.instantiations - imports.empty.instantiations;
const openaiImport = imports.openai.instantiations - imports.empty.instantiations;
const requests = measureRequestsCost(programs, runs);
const leaked = dependencyDeclarations(programs);

const failures: string[] = [];
const budget = JSON.parse(readFileSync(budgetFile, 'utf8')) as Budget;
const limit = (figure: { instantiations: number; margin: number }) =>
  Math.round(figure.instantiations * (1 + figure.margin));

console.log(
  `long-chain type test: ${count(longChain.instantiations)} instantiations (budget ${count(limit(budget))}), ${count(longChain.types)} types`,
);
console.log(
  `importing chatwright alone, without skipLibCheck: ${count(chatwrightImport)} instantiations beyond an empty project's ${count(imports.empty.instantiations)} (budget ${count(limit(budget.importOnly))}); the openai package: ${count(openaiImport)}`,
);
console.log(
  `declarations of dependencies loaded by the entry points: ${leaked.length === 0 ? 'none' : leaked.join(', ')}`,
);
console.log(
  `fifty requests: chatwright ${requests.chatwright.checkTime.toFixed(3)} s, openai ${requests.openai.checkTime.toFixed(3)} s of check (CPU, median of ${runs}): ${requests.ratio.toFixed(2)}x (target ${budget.maxRatio}x, reported); ${count(requests.chatwright.instantiations)} instantiations (budget ${count(limit(budget.fiftyRequests))}) and ${count(requests.openai.instantiations)}`,
);

if (process.argv.includes('--record')) {
  const recorded: Budget = {
    ...budget,
    instantiations: longChain.instantiations,
    types: longChain.types,
    importOnly: { ...budget.importOnly, instantiations: chatwrightImport },
    fiftyRequests: { ...budget.fiftyRequests, instantiations: requests.chatwright.instantiations },
  };
  writeFileSync(budgetFile, `${JSON.stringify(recorded, null, 2)}\n`);
  console.log('recorded the instantiation counts as the new budgets');
} else {
  if (longChain.instantiations > limit(budget))
    failures.push(`the long-chain type test: ${longChain.instantiations} > ${limit(budget)}`);
  if (chatwrightImport > limit(budget.importOnly))
    failures.push(`importing chatwright: ${chatwrightImport} > ${limit(budget.importOnly)}`);
  if (leaked.length > 0)
    failures.push(`the published declarations name a dependency's types: ${leaked.join(', ')}`);
  if (requests.chatwright.instantiations > limit(budget.fiftyRequests))
    failures.push(
      `fifty requests: ${requests.chatwright.instantiations} instantiations > ${limit(budget.fiftyRequests)}`,
    );
  if (requests.ratio > budget.maxRatio)
    console.warn(
      `note: the fifty requests' check time is ${requests.ratio.toFixed(2)}x the openai package's, over the ${budget.maxRatio}x target on this run (a timing, reported only: run the type-cost benchmark on a quiet machine)`,
    );
}
if (failures.length > 0) {
  console.error(
    `over the type budget:\n- ${failures.join('\n- ')}\nMake the types do less, or re-record with --record and say why.`,
  );
  process.exit(1);
}
