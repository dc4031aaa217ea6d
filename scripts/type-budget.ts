// What chatwright's types cost the compiler, against recorded budgets (as Kysely does for its type
// benchmarks): a change that makes the types much more expensive fails `npm test`. Three figures:
// - the long-chain type test (tests/types/long-chain: 30 calls and 20 tools, 50 model-specific chains),
//   in instantiations;
// - importing chatwright alone, as a user's project without `skipLibCheck` does (the built declarations
//   in dist/types, built first if stale), in instantiations beyond an empty project's, beside the
//   official `openai` package's;
// - fifty realistic requests (scripts/type-cost/fifty-requests.ts) checked with chatwright's types
//   against the same requests with the `openai` package's: at most `maxRatio` times its check time;
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
  /** The most chatwright's fifty requests may take to check, in times the `openai` package's. */
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
  `fifty requests: chatwright ${requests.chatwright.checkTime.toFixed(3)} s, openai ${requests.openai.checkTime.toFixed(3)} s of check (CPU, median of ${runs}): ${requests.ratio.toFixed(2)}x (at most ${budget.maxRatio}x); ${count(requests.chatwright.instantiations)} and ${count(requests.openai.instantiations)} instantiations`,
);

if (process.argv.includes('--record')) {
  const recorded: Budget = {
    ...budget,
    instantiations: longChain.instantiations,
    types: longChain.types,
    importOnly: { ...budget.importOnly, instantiations: chatwrightImport },
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
  if (requests.ratio > budget.maxRatio)
    failures.push(`fifty requests: ${requests.ratio.toFixed(2)}x the openai package's check time`);
}
if (failures.length > 0) {
  console.error(
    `over the type budget:\n- ${failures.join('\n- ')}\nMake the types do less, or re-record with --record and say why.`,
  );
  process.exit(1);
}
