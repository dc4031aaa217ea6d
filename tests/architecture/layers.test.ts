import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { test } from 'uvu';
import * as assert from 'uvu/assert';

// The folder order of src/ is written once, in .dependency-cruiser.cjs (which `npm run lint:deps`
// enforces), and described in docs/architecture.md: these keep the rules, the folders that exist and
// the page in step.

interface Rule {
  readonly name: string;
  readonly from: { readonly path?: string; readonly pathNot?: string };
  readonly to: { readonly path?: string };
}

const root = new URL('../../', import.meta.url);
const config = createRequire(import.meta.url)('../../.dependency-cruiser.cjs') as {
  forbidden: readonly Rule[];
};

/** `^src/(a|b|c)/` → `['a', 'b', 'c']`. */
function foldersOf(pattern: string | undefined): string[] {
  const match = /^\^src\/\(([a-z|-]+)\)\/$/.exec(pattern ?? '');
  assert.ok(match, `not a folder pattern: ${pattern}`);
  return (match[1] as string).split('|');
}

const orderRule = config.forbidden.find((rule) => rule.name === 'folder-in-the-order');
const layers = foldersOf(orderRule?.from.pathNot);

test('each folder may import only the folders before it in the order', () => {
  const layerRules = config.forbidden.filter((rule) => rule.name.endsWith('-imports-only-below'));
  assert.equal(
    layerRules.map((rule) => rule.name),
    layers.slice(0, -1).map((layer) => `${layer}-imports-only-below`),
  );
  for (const [index, rule] of layerRules.entries()) {
    assert.equal(foldersOf(rule.from.path), [layers[index]]);
    assert.equal(foldersOf(rule.to.path), layers.slice(index + 1), rule.name);
  }
  for (const name of ['no-circular', 'main-entry-on-top']) {
    assert.ok(
      config.forbidden.some((rule) => rule.name === name),
      `${name} is missing`,
    );
  }
});

test('the order names every folder of src/, once', () => {
  const folders = readdirSync(new URL('src/', root), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name);
  assert.equal([...layers].sort(), folders.sort());
  assert.is(new Set(layers).size, layers.length);
});

test('docs/architecture.md lists the folders in the order', () => {
  const page = readFileSync(new URL('docs/architecture.md', root), 'utf8');
  const rows = [...page.matchAll(/^\| (\d+) \| `([a-z-]+)` \|/gm)];
  assert.equal(
    rows.map((row) => row[2]),
    layers,
  );
  assert.equal(
    rows.map((row) => Number(row[1])),
    layers.map((_, index) => index + 1),
  );
});

test.run();
