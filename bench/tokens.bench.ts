// Counting tokens of requests derived from a preset: a 10 KB system prompt and one new 200-character
// message. The preset's messages are counted once (their counts are kept per frozen message), so each
// count encodes only the new message. Runnable alone: `npx tsx bench/tokens.bench.ts`.
import { pathToFileURL } from 'node:url';
import { chat } from '../src/index.js';
import { countTokens } from '../src/tokens/index.js';
import { median, opsPerSecond } from './measure.js';

const target = 100_000;

// English prose, as a system prompt is: ~10 KB.
const sentence =
  'You answer billing questions for Acme Corp, citing the invoice number and the date of each charge. ';
const system = sentence.repeat(Math.ceil(10_240 / sentence.length)).slice(0, 10_240);
// 200 characters of a customer question, a different one each time (its invoice number changes), so
// nothing is counted from a previous message: a new message object, builder and text every count.
const question = (n: number) =>
  `Hello, I was charged twice for my March invoice and would like to know why the second charge appeared. Could you check invoice ${n} and tell me when the refund will arrive? Thanks a lot!`
    .padEnd(200, '.')
    .slice(0, 200);

export async function run(): Promise<{ title: string; markdown: string }> {
  const preset = chat().model('gpt-4o').system(system).maxCompletionTokens(512);
  let sink = 0;
  let n = 1_000;
  const derived = () => {
    sink += countTokens(preset.user(question(n++))).total;
  };
  // For scale on a busy machine: the builder bench's floor (an object literal and JSON.stringify).
  const floor = () => {
    sink += JSON.stringify({ model: 'gpt-4o', messages: [{ role: 'user', content: question(n++) }] }).length;
  };
  const cold = () => {
    // The same request without a preset to build on: the 10 KB prompt is encoded every time.
    sink += countTokens({
      model: 'gpt-4o',
      messages: [{ role: 'system', content: `${system}${sink % 7}` }],
    }).total;
  };
  const derivedRate = median(5, () => opsPerSecond(derived));
  const floorRate = median(5, () => opsPerSecond(floor));
  const coldRate = median(3, () => opsPerSecond(cold, 200));
  if (sink === 0) throw new Error('unreachable');
  const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
  const markdown = `
| workload | counts/s | target |
|---|---:|---|
| one new 200-char message on a preset with a 10 KB system prompt (\`countTokens(preset.user(q))\`, derivation included) | ${fmt(derivedRate)} | >= ${fmt(target)}: ${derivedRate >= target ? 'met' : 'NOT met'} |
| the same 10 KB prompt encoded from scratch each time (no preset) | ${fmt(coldRate)} | - |
| for scale: an object literal with the message, JSON.stringify (no counting) | ${fmt(floorRate)} | - |

The 200 characters are about 45 tokens of English; gpt-tokenizer encodes them in most of the time a
count takes. Figures move with the machine's load: compare the rows with each other.
`;
  return { title: 'Token counting (chatwright/tokens)', markdown };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) console.log((await run()).markdown);
