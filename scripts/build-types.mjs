// Declarations for the package, after tsup: `tsc` emits one .d.ts per source file into dist/types (so a
// type keeps its own name in every error message, where a bundled declaration file would rename it to
// a one-letter alias of a hashed chunk), then a copy in dist/types-cjs is marked CommonJS by its own
// package.json, so that `require('chatwright')` gets types of the module format it actually loads.
import { execFileSync } from 'node:child_process';
import { cpSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
rmSync('dist/types', { recursive: true, force: true });
rmSync('dist/types-cjs', { recursive: true, force: true });
execFileSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
cpSync('dist/types', 'dist/types-cjs', { recursive: true });
writeFileSync('dist/types-cjs/package.json', `${JSON.stringify({ type: 'commonjs' }, null, 2)}\n`);
