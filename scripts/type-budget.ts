// Checks what the long-chain type test costs the compiler against a recorded budget, as Kysely does
// for its type benchmarks: a change that makes the types much more expensive fails `npm test`.
// `npx tsx scripts/type-budget.ts --record` writes the current figure as the new budget.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';

const budgetFile = 'tests/types/type-budget.json';
const output = execFileSync(
  process.execPath,
  ['node_modules/typescript/bin/tsc', '-p', 'tests/types/long-chain/tsconfig.json', '--extendedDiagnostics'],
  { encoding: 'utf8' },
);
const figure = (label: string) =>
  Number(
    /^(?:[A-Za-z ]+?):\s+([\d.]+)/m.exec(output.split('\n').find((l) => l.startsWith(label)) ?? '')?.[1],
  );
const instantiations = figure('Instantiations');
const checkTime = figure('Check time');
const types = figure('Types');
if (!Number.isFinite(instantiations)) throw new Error(`could not read tsc's diagnostics:\n${output}`);

if (process.argv.includes('--record')) {
  writeFileSync(
    budgetFile,
    `${JSON.stringify({ instantiations, types, margin: 0.1, recordedWith: 'typescript 6: long-chain.types.ts (30 calls, 20 tools) + model-chains.types.ts (50 model-specific chains), flat State' }, null, 2)}\n`,
  );
  console.log(`recorded budget: ${instantiations} instantiations, ${types} types`);
} else {
  const budget = JSON.parse(readFileSync(budgetFile, 'utf8')) as { instantiations: number; margin: number };
  const limit = Math.round(budget.instantiations * (1 + budget.margin));
  console.log(
    `long-chain type test: ${instantiations} instantiations (budget ${limit}), ${types} types, check time ${checkTime}s`,
  );
  if (instantiations > limit) {
    console.error(
      `over the type budget: ${instantiations} > ${limit}. Make the types do less, or re-record with --record and say why.`,
    );
    process.exit(1);
  }
}
