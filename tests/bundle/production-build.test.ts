// What a production bundle keeps: a call made only for its validation (its result unused) must still
// run and throw after a tree-shaking bundler has been through it. A function annotated
// `@__NO_SIDE_EFFECTS__` is dropped from such a call, error and all. The app is bundled the way Vite
// builds for production: esbuild for the modules, then Rollup's tree-shaking (which honours the
// annotation across modules, where esbuild alone does not).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { rollup } from 'rollup';
import { test } from 'uvu';
import * as assert from 'uvu/assert';

const root = resolve(import.meta.dirname, '../..');
const entry = JSON.stringify(join(root, 'src/index.ts'));

/** Bundles `app` for production and runs it: the bundle, and the name of the error it threw at load. */
async function productionBuild(app: string): Promise<{ code: string; error: string }> {
  const folder = mkdtempSync(join(tmpdir(), 'chatwright-production-build-'));
  try {
    const modules = await build({
      stdin: { contents: app, resolveDir: root, loader: 'js' },
      bundle: true,
      format: 'esm',
      platform: 'browser',
      write: false,
      logLevel: 'silent',
    });
    writeFileSync(join(folder, 'modules.mjs'), modules.outputFiles[0]?.text ?? '');
    const bundle = await rollup({ input: join(folder, 'modules.mjs'), logLevel: 'silent' });
    const { output } = await bundle.generate({ format: 'es' });
    await bundle.close();
    writeFileSync(join(folder, 'app.mjs'), output[0].code);
    const error = await import(pathToFileURL(join(folder, 'app.mjs')).href).then(
      () => 'nothing',
      (thrown: unknown) => (thrown instanceof Error ? thrown.name : String(thrown)),
    );
    return { code: output[0].code, error };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

test('createClient() with a bad option still throws in a production build', async () => {
  const app = `import { createClient } from ${entry};\ncreateClient({ timeout: -1 });`;
  assert.is((await productionBuild(app)).error, 'ClientOptionsError');
});

test('tool() with a schema strict mode cannot express still throws in a production build', async () => {
  const app = `import * as v from 'valibot';\nimport { tool } from ${entry};
tool({ name: 'tag', parameters: v.object({ tags: v.record(v.string(), v.string()) }) });`;
  assert.is((await productionBuild(app)).error, 'StrictSchemaError');
});

test('filePart() of something that is not an object still throws in a production build', async () => {
  const app = `import { filePart } from ${entry};\nfilePart(null);`;
  assert.is((await productionBuild(app)).error, 'TypeError');
});

test('an annotated factory whose result is unused is dropped, so the checks above can fail', async () => {
  // textPart() keeps its annotation: building a part does nothing else.
  const app = `import { textPart } from ${entry};\ntextPart('marker-of-an-unused-part');`;
  const { code, error } = await productionBuild(app);
  assert.is(error, 'nothing');
  assert.not.ok(code.includes('marker-of-an-unused-part'), 'the unused call is still in the bundle');
});

test.run();
