// The two figures of the "the cost stays bounded", measured on the projects of programs.ts.
import { readFileSync } from 'node:fs';
import { type CompilerCost, compilerCost, loadedFiles, SourceFileCache } from './compiler-cost.js';
import { ensureDeclarations, type Programs, writePrograms } from './programs.js';

/** What importing each package alone costs a project that checks its dependencies (`skipLibCheck: false`). */
export interface ImportCost {
  readonly empty: CompilerCost;
  readonly chatwright: CompilerCost;
  readonly openai: CompilerCost;
}

/** The fifty requests' check time with each package's types: the median of `runs` checks each. */
export interface RequestsCost {
  readonly chatwright: CompilerCost;
  readonly openai: CompilerCost;
  readonly runs: number;
  /** chatwright's check time over openai's. */
  readonly ratio: number;
}

/** Builds the declarations if stale and writes the projects. */
export function preparePrograms(): Programs {
  ensureDeclarations();
  return writePrograms();
}

/** Instantiation counts are exact: one run each. */
export function measureImportCost(programs: Programs): ImportCost {
  return {
    empty: compilerCost(programs.empty),
    chatwright: compilerCost(programs.chatwrightImport),
    openai: compilerCost(programs.openaiImport),
  };
}

/**
 * The ratio is one of check times, not of instantiation counts: the SDK's request types are plain
 * interfaces, so its fifty requests cost 4 instantiations (its work is structural comparison, which
 * the count does not see) and a count ratio would mean nothing. Time is noisy on a shared machine, so
 * each check is timed in CPU time (compiler-cost.ts) after a garbage collection, with the files parsed
 * and bound once; the two projects take turns, and each side's median run counts. On the 2-core
 * machine these figures were made on, shared with other jobs (load 8), three measurements of ten runs
 * gave medians' ratios of 1.57, 1.67 and 1.45, where the fastest runs' ratio swung from 1.50 to 2.17,
 * and `tsc`'s wall-clock "Check time" (fastest of five separate processes) from 1.1 to 2.0.
 */
export function measureRequestsCost(programs: Programs, runs: number): RequestsCost {
  const cache = new SourceFileCache();
  const chatwright: CompilerCost[] = [];
  const openai: CompilerCost[] = [];
  for (let run = 0; run < runs; run++) {
    chatwright.push(compilerCost(programs.chatwrightRequests, cache));
    openai.push(compilerCost(programs.openaiRequests, cache));
  }
  const median = (costs: CompilerCost[]) => {
    const sorted = costs.sort((a, b) => a.checkTime - b.checkTime);
    const middle = sorted[Math.floor(sorted.length / 2)];
    if (middle === undefined) throw new Error('runs must be at least 1');
    return middle;
  };
  const [chatwrightMedian, openaiMedian] = [median(chatwright), median(openai)];
  return {
    chatwright: chatwrightMedian,
    openai: openaiMedian,
    runs,
    ratio: chatwrightMedian.checkTime / openaiMedian.checkTime,
  };
}

/**
 * The declaration files of the package's runtime dependencies that importing its entry points loads:
 * none, so that a user's compiler never reads (and without `skipLibCheck` never checks) valibot's,
 * ky's or immer's types for chatwright's sake. Checking valibot's alone cost about 170,000
 * instantiations when the published schemas named its types.
 */
export function dependencyDeclarations(programs: Programs): string[] {
  const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as {
    dependencies: Record<string, string>;
  };
  const dependencies = Object.keys(manifest.dependencies).map((name) => `/node_modules/${name}/`);
  return loadedFiles(programs.allEntries).filter((file) => dependencies.some((dir) => file.includes(dir)));
}

/** `12,345`. */
export const count = (value: number) => value.toLocaleString('en-US');
