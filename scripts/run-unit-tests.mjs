// Runs the uvu suites (TypeScript through tsx) and ends with one plain summary line,
// "N passed, N failed, N skipped", which CI reads; it also lands in build/test-summary.txt.
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';

const child = spawn(
  process.execPath,
  ['--import', 'tsx', 'node_modules/uvu/bin.js', 'tests', '\\.test\\.ts$'],
  {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, FORCE_COLOR: process.env.FORCE_COLOR ?? '0' },
  },
);
let output = '';
child.stdout.on('data', (chunk) => {
  output += chunk;
  process.stdout.write(chunk);
});
child.on('close', (code) => {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: strips the colour codes uvu may print.
  const plain = output.replace(/\u001b\[[0-9;]*m/g, '');
  const count = (label) => Number(new RegExp(`${label}:\\s+(\\d+)`).exec(plain)?.[1] ?? 0);
  const total = count('Total');
  const passed = count('Passed');
  const skipped = count('Skipped');
  const failed = code === 0 ? total - passed - skipped : Math.max(1, total - passed - skipped);
  const line = `${passed} passed, ${failed} failed, ${skipped} skipped`;
  mkdirSync('build', { recursive: true });
  writeFileSync('build/test-summary.txt', `${line}\n`);
  console.log(`\nunit and integration tests: ${line}`);
  process.exit(code ?? 1);
});
