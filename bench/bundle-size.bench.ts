// Bundle size: what a browser app pays to build, validate, send and stream one request with one
// schema tool, bundled by esbuild (minified, tree-shaken, ESM for browsers) and gzipped. The same
// app written with the official `openai` package is bundled the same way for comparison. Run alone:
// `npx tsx bench/bundle-size.bench.ts`.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build, type Metafile } from 'esbuild';

/** The size goal for everything chatwright pulls in (valibot, ky, immer and our code included). */
const goalKiB = 20;

const root = resolve(import.meta.dirname, '..');

const chatwrightApp = `
import * as v from 'valibot';
import { createClient, tool } from ${JSON.stringify(join(root, 'src/index.ts'))};

const weather = tool({
  name: 'get_weather',
  description: 'The current weather in a city',
  parameters: v.object({ city: v.string(), unit: v.optional(v.picklist(['c', 'f'])) }),
});
const client = createClient({ baseURL: '/api/v1', apiKey: null });
const request = client.chat().model('gpt-4o').user('Weather in Paris?').tool(weather);
export async function ask() {
  if (!request.validate().success) return;
  const reply = await request.send();
  const stream = request.stream().send();
  for await (const text of stream.text()) document.body.append(text);
  return [reply.choices[0]?.message.tool_calls?.[0]?.function.parsed_arguments.city, await stream.final()];
}
`;

const openaiApp = `
import OpenAI from 'openai';

const client = new OpenAI({ baseURL: '/api/v1', apiKey: 'none', dangerouslyAllowBrowser: true });
const tools = [{ type: 'function', function: { name: 'get_weather', description: 'The current weather in a city',
  parameters: { type: 'object', properties: { city: { type: 'string' }, unit: { type: ['string', 'null'], enum: ['c', 'f', null] } },
  required: ['city', 'unit'], additionalProperties: false }, strict: true } }];
const body = { model: 'gpt-4o', messages: [{ role: 'user', content: 'Weather in Paris?' }], tools };
export async function ask() {
  const reply = await client.chat.completions.create(body);
  const stream = await client.chat.completions.create({ ...body, stream: true });
  for await (const chunk of stream) document.body.append(chunk.choices[0]?.delta?.content ?? '');
  return reply;
}
`;

interface Size {
  readonly minified: number;
  readonly gzipped: number;
  readonly byPackage: ReadonlyMap<string, number>;
}

async function measure(dir: string, name: string, source: string): Promise<Size> {
  const entry = join(dir, `${name}.ts`);
  writeFileSync(entry, source);
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    treeShaking: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    metafile: true,
    logLevel: 'silent',
    nodePaths: [join(root, 'node_modules')],
    // No `node:*` externals: a Node built-in reaching the main entry must fail this bundle, not hide.
  });
  const output = result.outputFiles[0];
  if (output === undefined) throw new Error('esbuild produced no output');
  return {
    minified: output.contents.length,
    gzipped: gzipSync(output.contents, { level: 9 }).length,
    byPackage: byPackage(result.metafile),
  };
}

/** Minified bytes per package (our own code as `chatwright`), from esbuild's metafile. */
function byPackage(metafile: Metafile): Map<string, number> {
  const sizes = new Map<string, number>();
  for (const output of Object.values(metafile.outputs)) {
    for (const [path, input] of Object.entries(output.inputs)) {
      const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path);
      const name = match?.[1] ?? (/(^|\/)src\//.test(path) ? 'chatwright' : 'app');
      sizes.set(name, (sizes.get(name) ?? 0) + input.bytesInOutput);
    }
  }
  return new Map([...sizes].sort((a, b) => b[1] - a[1]));
}

const kib = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KiB`;

export async function run(): Promise<{ title: string; markdown: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'chatwright-bundle-'));
  try {
    const ours = await measure(dir, 'chatwright-app', chatwrightApp);
    const theirs = await measure(dir, 'openai-app', openaiApp);
    const verdict = ours.gzipped <= goalKiB * 1024 ? 'within' : 'above';
    const parts = [...ours.byPackage].map(([name, bytes]) => `${name} ${kib(bytes)}`).join(', ');
    const markdown = `
One browser app that builds a request with one schema tool (valibot), validates it, sends it, and
streams it (\`tool()\`, \`createClient()\`, \`validate()\`, \`send()\`, \`stream().send().text()\`,
\`final()\`), bundled by esbuild (\`--bundle --minify\`, tree-shaken, ESM, browser) and gzipped (level 9).
The same app with the official \`openai\` package (a JSON Schema tool written by hand) for comparison.
Goal: at most ${goalKiB} KiB gzipped for everything chatwright pulls in.

| bundle | minified | gzipped |
|---|---:|---:|
| chatwright (valibot, ky, immer, @valibot/to-json-schema included) | ${kib(ours.minified)} | **${kib(ours.gzipped)}** (${verdict} the ${goalKiB} KiB goal) |
| openai | ${kib(theirs.minified)} | ${kib(theirs.gzipped)} |

Minified bytes by package in the chatwright bundle: ${parts}.
`;
    return { title: 'Bundle size (browser, one schema tool)', markdown };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.log((await run()).markdown);
}
