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

const page = readFileSync(new URL('docs/architecture.md', root), 'utf8');
// | 4 | `models` | what it holds | errors, wire |
const rows = [...page.matchAll(/^\| (\d+) \| `([a-z-]+)` \| .+ \| ([a-z, -]+) \|$/gm)];

test('docs/architecture.md lists the folders in the order', () => {
  assert.equal(
    rows.map((row) => row[2]),
    layers,
  );
  assert.equal(
    rows.map((row) => Number(row[1])),
    layers.map((_, index) => index + 1),
  );
});

/** The other folders of src/ that the files of `folder` import from (`from '../x/...'`). */
function importedFolders(folder: string): string[] {
  const found = new Set<string>();
  const files = readdirSync(new URL(`src/${folder}/`, root), { recursive: true, encoding: 'utf8' });
  for (const file of files.filter((name) => name.endsWith('.ts'))) {
    const text = readFileSync(new URL(`src/${folder}/${file}`, root), 'utf8');
    for (const match of text.matchAll(/from '\.\.\/([a-z-]+)\//g)) found.add(match[1] as string);
  }
  return [...found].sort();
}

test('docs/architecture.md says what each folder imports (a new folder-to-folder import updates its row)', () => {
  for (const row of rows) {
    const listed = row[3] === 'nothing' ? [] : (row[3] as string).split(', ');
    assert.equal(listed, importedFolders(row[2] as string), `the row of ${row[2]}`);
  }
});

test.run();
