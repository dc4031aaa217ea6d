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
]);
