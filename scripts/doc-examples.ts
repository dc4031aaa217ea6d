// Extracts every ```ts block of README.md and docs/*.md into build/doc-examples/, one module a block, so
// `tsc -p docs/tsconfig.json` type-checks the examples users copy. A block is a complete module (its
// own imports); ```ts no-check opts a block out (say why next to it).
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';

const out = 'build/doc-examples';
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

const sources = [
  'README.md',
  ...readdirSync('docs')
    .filter((f) => f.endsWith('.md'))
    .map((f) => join('docs', f)),
];
let count = 0;
for (const source of sources) {
  const lines = readFileSync(source, 'utf8').split('\n');
  let block: string[] | undefined;
  let start = 0;
  for (const [index, line] of lines.entries()) {
    if (block === undefined && /^```(ts|typescript)\s*$/.test(line)) {
      block = [];
      start = index + 1;
    } else if (block !== undefined && line.startsWith('```')) {
      const name = `${basename(source, '.md')}-${start}.ts`;
      writeFileSync(join(out, name), `// ${source}:${start}\n${block.join('\n')}\nexport {};\n`);
      count++;
      block = undefined;
    } else if (block !== undefined) {
      block.push(line);
    }
  }
}
console.log(`doc examples: ${count} blocks from ${sources.length} files written to ${out}/`);
