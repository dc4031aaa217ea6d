// Presets from untrusted JSON: how long `chat.fromJSON()` takes to refuse or accept a large or
// hostile preset (issue 16: "any JSON preset up to 50 MB is refused or accepted in under 1 s").
// Run alone: `node --expose-gc --import tsx bench/run.ts presets`.

import { chat } from '../src/index.js';
import { medianOf } from './measure.js';

const runs = Number(process.env.BENCH_RUNS ?? 3);
const targetMs = 1_000;

interface Case {
  readonly name: string;
  readonly text: () => string;
}

function manyKeys(count: number): string {
  const preset: Record<string, number> = { model: 0 };
  for (let i = 0; i < count; i++) preset[`key_${i}`] = i;
  return JSON.stringify(preset);
}

const cases: readonly Case[] = [
  { name: 'one unknown key of 1 MB', text: () => JSON.stringify({ model: 'gpt-4o', ['k'.repeat(1e6)]: 1 }) },
  { name: '200,000 short unknown keys', text: () => manyKeys(200_000) },
  { name: '2,000,000 short unknown keys', text: () => manyKeys(2_000_000) },
  {
    name: '1,000,000 messages, every one invalid',
    text: () =>
      JSON.stringify({ messages: Array.from({ length: 1_000_000 }, () => ({ role: 'bogus', content: 1 })) }),
  },
  {
    name: 'one message of 50 MB (valid)',
    text: () => JSON.stringify({ model: 'gpt-4o', messages: [{ role: 'user', content: 'x'.repeat(5e7) }] }),
  },
  {
    name: '1,000,000 short messages (valid)',
    text: () =>
      JSON.stringify({
        model: 'gpt-4o',
        messages: Array.from({ length: 1_000_000 }, (_, i) => ({ role: 'user', content: `hello ${i}` })),
      }),
  },
  {
    name: 'nested 100,000 levels deep',
    text: () => `{"metadata":${'['.repeat(100_000)}${']'.repeat(100_000)}}`,
  },
];

function timeOnce(text: string): { ms: number; outcome: string } {
  (globalThis as { gc?: () => void }).gc?.();
  const start = performance.now();
  let outcome = 'accepted';
  try {
    chat.fromJSON(text);
  } catch (error) {
    outcome = `refused (${(error as Error).message.length} chars)`;
  }
  return { ms: performance.now() - start, outcome };
}

export async function run(): Promise<{ title: string; markdown: string }> {
  const rows: string[] = [];
  for (const preset of cases) {
    const text = preset.text();
    let outcome = '';
    const ms = medianOf(
      Array.from({ length: runs }, () => {
        const once = timeOnce(text);
        outcome = once.outcome;
        return once.ms;
      }),
    );
    const parseMs = medianOf(
      Array.from({ length: runs }, () => {
        const start = performance.now();
        JSON.parse(text);
        return performance.now() - start;
      }),
    );
    const verdict = ms < targetMs ? 'met' : '**NOT met**';
    rows.push(
      `| ${preset.name} | ${(text.length / 1e6).toFixed(1)} MB | ${outcome} | ${ms.toFixed(0)} | ${parseMs.toFixed(0)} | ${verdict} |`,
    );
  }
  return {
    title: 'Presets from untrusted JSON',
    markdown: `\`chat.fromJSON(text)\`, median of ${runs} runs, \`JSON.parse\` of the text included (its time alone in its own column: the floor). Target: under ${targetMs} ms for any preset up to 50 MB.

| preset | size | outcome (message length) | ms | \`JSON.parse\` alone, ms | < ${targetMs} ms |
|---|---:|---|---:|---:|---|
${rows.join('\n')}
`,
  };
}
