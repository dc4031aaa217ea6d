import { defineConfig, type Options } from 'tsup';

const shared = {
  entry: {
    index: 'src/index.ts',
    batch: 'src/batch/index.ts',
    testing: 'src/testing/index.ts',
    tokens: 'src/tokens/index.ts',
  },
  sourcemap: true,
  treeshake: true,
  target: 'node20',
} satisfies Options;

export default defineConfig([
  { ...shared, format: 'esm', clean: true },
  {
    ...shared,
    format: 'cjs',
    splitting: true,
    noExternal: ['ky'],
  },
  {
    // The `chatwright` command (package.json `bin`): one ES module with its shebang line. Not cleaned
    // here: the ESM library build above empties dist/ first, before any build writes.
    entry: { cli: 'src/cli/main.ts' },
    format: 'esm',
    banner: { js: '#!/usr/bin/env node' },
    sourcemap: true,
    clean: false,
    treeshake: true,
    target: 'node20',
    platform: 'node',
  },
]);
