// Runs the uvu suites (TypeScript through tsx) and ends with one plain summary line,
// "N passed, N failed, N skipped", which CI reads; it also lands in build/test-summary.txt (or the file
// named by TEST_SUMMARY, for the runs on other Node versions). A suite that cannot run its checks
// prints a line starting "skipped:" (the conformance corpus missing, say): each counts as a skip.
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

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
  const uvuSkipped = count('Skipped');
  const skipLines = plain.match(/skipped: [^\n]*/g) ?? [];
  const failed = code === 0 ? total - passed - uvuSkipped : Math.max(1, total - passed - uvuSkipped);
  const line = `${passed} passed, ${failed} failed, ${uvuSkipped + skipLines.length} skipped`;
  const summary = process.env.TEST_SUMMARY ?? 'build/test-summary.txt';
  mkdirSync(dirname(summary), { recursive: true });
  writeFileSync(summary, `${line}\n`);
  console.log(`\nunit and integration tests on Node ${process.version}: ${line}`);
  for (const skip of skipLines) console.log(`  ${skip}`);
  process.exit(code ?? 1);
});
