// `npm run bench`: runs every benchmark and writes docs/benchmarks.md with the figures, the machine
// and the command, so the numbers in the docs always come from one recorded run. `npm run bench --
// <name>...` runs only the named ones and replaces their sections.
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';

interface BenchResult {
  readonly title: string;
  readonly markdown: string;
}
type Bench = () => Promise<BenchResult>;

const suites: Array<[string, () => Promise<{ run: Bench }>]> = [
  ['builder', () => import('./builder.bench.js')],
  ['stream', () => import('./stream.bench.js')],
  ['structured-stream', () => import('./structured-stream.bench.js')],
  ['round-trip', () => import('./round-trip.bench.js')],
  ['scale', () => import('./scale.bench.js')],
  ['tokens', () => import('./tokens.bench.js')],
  ['token-pacing', () => import('./token-pacing.bench.js')],
  ['bundle-size', () => import('./bundle-size.bench.js')],
  ['presets', () => import('./presets.bench.js')],
  ['type-cost', () => import('./type-cost.bench.js')],
];

const only = process.argv.slice(2);
const sections: string[] = [];
for (const [name, load] of suites) {
  if (only.length > 0 && !only.includes(name)) continue;
  console.error(`bench: ${name}...`);
  const { run } = await load();
  const result = await run();
  sections.push(`## ${result.title}\n\n${result.markdown.trim()}\n`);
  console.error(result.markdown);
}

const cpu = cpus()[0]?.model ?? 'unknown CPU';
const header = `# Benchmarks

Made by \`npm run bench\` (\`node --expose-gc --import tsx bench/run.ts\`) on ${new Date().toISOString().slice(0, 10)}, Node ${process.version},
${cpus().length} cores (${cpu}), ${Math.round(totalmem() / 2 ** 30)} GiB. Figures are medians of several runs on
loopback; ratios matter more than absolute numbers, which vary by machine. Benchmarks are never timed tests:
\`npm test\` does not run them.
`;
if (only.length === 0) {
  writeFileSync('docs/benchmarks.md', `${header}\n${sections.join('\n')}`);
  console.error('bench: wrote docs/benchmarks.md');
} else {
  // The named benchmarks replace their own sections (or add them), and the others stay as recorded.
  let text = readFileSync('docs/benchmarks.md', 'utf8');
  for (const section of sections) {
    const heading = section.slice(0, section.indexOf('\n') + 1);
    const start = text.indexOf(heading);
    const end = start === -1 ? -1 : text.indexOf('\n## ', start + heading.length);
    if (start === -1) text = `${text.trimEnd()}\n\n${section}`;
    else text = `${text.slice(0, start)}${section}${end === -1 ? '' : text.slice(end)}`;
  }
  writeFileSync('docs/benchmarks.md', text);
  console.error(`bench: updated ${only.join(', ')} in docs/benchmarks.md`);
}
