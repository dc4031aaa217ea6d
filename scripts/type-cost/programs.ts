// The small projects whose type-check cost scripts/type-budget.ts measures, written to .type-cost/
// (git-ignored) in the package root: there `chatwright` resolves through the package's own `exports`
// to the built declarations in dist/types, as in a user's project, and `openai` to the devDependency.
// Each project is one module and a tsconfig like `tsc --init`'s (strict, exactOptionalPropertyTypes,
// noUncheckedIndexedAccess, NodeNext); after a run, `npx tsc -p .type-cost/<name>.tsconfig.json
// --extendedDiagnostics` reproduces any figure.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chatwrightRequests, openaiRequests } from './fifty-requests.js';

const root = resolve(import.meta.dirname, '../..');
const dir = join(root, '.type-cost');

/** The tsconfig path of each measured project. */
export interface Programs {
  /** An empty module: what the standard library alone costs, for the net figures. */
  readonly empty: string;
  /** `import { chat } from 'chatwright'` and nothing else. */
  readonly chatwrightImport: string;
  /** `import OpenAI from 'openai'` and nothing else. */
  readonly openaiImport: string;
  /** Fifty chains with tools, a tool choice and `send()` (fifty-requests.ts). */
  readonly chatwrightRequests: string;
  /** The same fifty requests as `client.chat.completions.create()` calls. */
  readonly openaiRequests: string;
  /** Every entry point of the package imported at once (its files are listed, not timed). */
  readonly allEntries: string;
}

function program(name: string, source: string, skipLibCheck: boolean): string {
  writeFileSync(join(dir, `${name}.ts`), source);
  const tsconfig = {
    compilerOptions: {
      target: 'ES2022',
      lib: ['ES2023', 'DOM'],
      module: 'NodeNext',
      moduleResolution: 'NodeNext',
      strict: true,
      exactOptionalPropertyTypes: true,
      noUncheckedIndexedAccess: true,
      skipLibCheck,
      types: [],
      noEmit: true,
    },
    files: [`${name}.ts`],
  };
  const path = join(dir, `${name}.tsconfig.json`);
  writeFileSync(path, `${JSON.stringify(tsconfig, null, 2)}\n`);
  return path;
}

/**
 * Writes the projects. The import-only ones check every declaration file they load (`skipLibCheck:
 * false`: what the issue measures, and what a project that checks its dependencies pays); the fifty
 * requests skip them (`skipLibCheck: true`, `tsc --init`'s default), so that their figures are the
 * requests' own cost, not the fixed cost of checking lib.dom.d.ts and the declarations.
 */
export function writePrograms(): Programs {
  mkdirSync(dir, { recursive: true });
  return {
    empty: program('empty', 'export const nothing = 0;\n', false),
    chatwrightImport: program(
      'chatwright-import',
      "import { chat } from 'chatwright';\n\nexport const start = chat;\n",
      false,
    ),
    openaiImport: program(
      'openai-import',
      "import OpenAI from 'openai';\n\nexport const start = OpenAI;\n",
      false,
    ),
    chatwrightRequests: program('chatwright-requests', chatwrightRequests(), true),
    openaiRequests: program('openai-requests', openaiRequests(), true),
    allEntries: program(
      'all-entries',
      ['', '/batch', '/testing', '/tokens']
        .map((entry, i) => `export * as entry${i} from 'chatwright${entry}';\n`)
        .join(''),
      true,
    ),
  };
}

function newestChange(path: string): number {
  return Math.max(
    ...readdirSync(path, { recursive: true, encoding: 'utf8' }).map(
      (file) => statSync(join(path, file)).mtimeMs,
    ),
  );
}

/**
 * Builds the declarations (scripts/build-types.mjs) unless dist/types is newer than every source file:
 * the projects must see the package as it is now, and `npm test` measures right after `npm run build`.
 */
export function ensureDeclarations(): void {
  const index = join(root, 'dist/types/index.d.ts');
  let built = 0;
  try {
    built = statSync(index).mtimeMs;
  } catch {
    // Not built yet.
  }
  if (built > newestChange(join(root, 'src'))) return;
  console.log('type budget: building the declarations (dist/types is older than src)...');
  execFileSync(process.execPath, [join(root, 'scripts/build-types.mjs')], { cwd: root, stdio: 'inherit' });
}
