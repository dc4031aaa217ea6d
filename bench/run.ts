// `npm run bench`: runs every benchmark and writes docs/benchmarks.md with the figures, the machine
// and the command, so the numbers in the docs always come from one recorded run.
// `bench/run.ts <names...>` runs only those and prints them; with `--write` it also replaces their
// sections in docs/benchmarks.md, each marked with its own command, date and load.
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';

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

const write = process.argv.includes('--write');
const only = process.argv.slice(2).filter((argument) => argument !== '--write');
const loadAtStart = loadavg()[0] ?? 0;
const sections: string[] = [];
const rerun = new Map<string, string>();
for (const [name, load] of suites) {
  if (only.length > 0 && !only.includes(name)) continue;
  console.error(`bench: ${name}...`);
  const { run } = await load();
  const result = await run();
  sections.push(`## ${result.title}\n\n${result.markdown.trim()}\n`);
  rerun.set(name, `## ${result.title}`);
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
} else if (write) {
  let doc = readFileSync('docs/benchmarks.md', 'utf8');
  for (const [index, [name, heading]] of [...rerun].entries()) {
    const note = `Re-measured alone by \`node --expose-gc --import tsx bench/run.ts ${name} --write\` on ${new Date().toISOString().slice(0, 10)}, Node ${process.version} (load average ${loadAtStart.toFixed(2)} at the start, on ${cpus().length} cores).`;
    const section = (sections[index] ?? '').replace(`${heading}\n\n`, `${heading}\n\n${note}\n\n`);
    const start = doc.indexOf(`${heading}\n`);
    if (start < 0) doc = `${doc.trimEnd()}\n\n${section}`;
    else {
      const next = doc.indexOf('\n## ', start + heading.length);
      doc = `${doc.slice(0, start)}${section}${next < 0 ? '' : doc.slice(next)}`;
    }
  }
  writeFileSync('docs/benchmarks.md', doc);
  console.error('bench: replaced the sections run in docs/benchmarks.md');
}
