// The folders of src/ in one order, lowest first: a folder may import the folders before it and never
// one after it. src/index.ts, the main entry, sits above them all and nothing imports it.
// docs/architecture.md says what each folder holds. `npm run lint:deps` checks this (inside `npm test`).
const layers = [
  'wire',
  'internal',
  'errors',
  'models',
  'schema',
  'state',
  'template',
  'preset',
  'transport',
  'stream',
  'structured',
  'tools',
  'telemetry',
  'params',
  'loop',
  'builder',
  'client',
  'fan-out',
  'batch',
  'tokens',
  'testing',
  'cli',
];

const folder = (names) => `^src/(${names.join('|')})/`;

/** One rule per folder: nothing above it in the order. */
const layerRules = layers.slice(0, -1).map((layer, index) => ({
  name: `${layer}-imports-only-below`,
  comment: `src/${layer} may import only ${index === 0 ? 'no other folder' : layers.slice(0, index).join(', ')} (see docs/architecture.md)`,
  severity: 'error',
  from: { path: folder([layer]) },
  to: { path: folder(layers.slice(index + 1)) },
}));

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    ...layerRules,
    {
      name: 'folder-in-the-order',
      comment: 'every folder of src/ has its place in the order above (and in docs/architecture.md)',
      severity: 'error',
      from: { path: '^src/[^/]+/', pathNot: folder(layers) },
      to: {},
    },
    {
      name: 'main-entry-on-top',
      comment: 'src/index.ts is the public surface: code inside src/ imports the module it needs instead',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^src/index\\.ts$' },
    },
    {
      name: 'no-circular',
      comment: 'no import cycle, even inside a folder',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // Type-only imports count: a type from a higher folder ties the folders as much as a value does.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.js'] },
  },
};
