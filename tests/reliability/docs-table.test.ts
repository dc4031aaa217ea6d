import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';

const here = join(process.cwd(), 'tests', 'reliability');
const doc = readFileSync(join(process.cwd(), 'docs', 'reliability.md'), 'utf8');

/** The titles of a test file: literal ones as they are, template ones as patterns (`${...}` matches anything). */
function titlesOf(file: string): Array<(name: string) => boolean> {
  const source = readFileSync(join(here, file), 'utf8');
  const titles: Array<(name: string) => boolean> = [];
  for (const match of source.matchAll(/\btest\(\s*(['"`])((?:\\.|(?!\1)[^\\])*)\1/g)) {
    const quote = match[1];
    const raw = (match[2] ?? '').replace(/\\(['"`\\])/g, '$1');
    if (quote !== '`') {
      titles.push((name) => name === raw);
      continue;
    }
    const pattern = raw
      .split(/\$\{[^}]*\}/)
      .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('.+');
    const regex = new RegExp(`^${pattern}$`);
    titles.push((name) => regex.test(name));
  }
  return titles;
}

test('docs/reliability.md: every row of the fault matrix names a test case that exists', () => {
  const rows = doc.split('\n').filter((line) => line.startsWith('| ') && line.includes(' › '));
  assert.ok(rows.length >= 30, `${rows.length} rows`);
  for (const row of rows) {
    const cell = row.split(' | ').at(-1) ?? '';
    const match = /^`([^`]+)` › `(.+)` \|$/.exec(cell);
    assert.ok(match, `a test cell as \`file\` › \`name\`: ${cell}`);
    const [, file = '', name = ''] = match ?? [];
    assert.ok(
      titlesOf(file).some((matches) => matches(name)),
      `no test named ${JSON.stringify(name)} in ${file}`,
    );
  }
});

test('docs/reliability.md: every test of the reliability suites is in the fault matrix or named as covered', () => {
  const cited = new Set(
    doc
      .split('\n')
      .filter((line) => line.includes(' › '))
      .map((line) => /`([^`]+)` › /.exec(line.split(' | ').at(-1) ?? '')?.[1]),
  );
  for (const file of [
    'response-shape',
    'bounded-waits',
    'tool-loop-stop',
    'path-ids',
    'error-bodies',
    'option-errors',
    'preset-caps',
    'low-items',
  ]) {
    assert.ok(cited.has(`${file}.test.ts`), `${file}.test.ts has a row`);
  }
});

test.run();
