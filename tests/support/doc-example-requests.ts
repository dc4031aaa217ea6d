import { readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createFakeServer } from '../../src/testing/fake-server.js';

/*
 * Runs every docs example (the modules scripts/doc-examples.ts extracts into the folder given as the
 * first argument) with the default client pointed at a fake server on loopback, and prints the Chat
 * Completions bodies they sent, as one JSON array, into the file given as the second argument (the
 * examples print to stdout themselves). Run as a child process, in a scratch working directory:
 * examples write files, set models and leave promises behind.
 * Usage: tsx tests/support/doc-example-requests.ts <examples folder> <output file>
 */

/** Long enough for an example's requests (a tool loop, a fan-out); an example waiting for more is left. */
const PER_EXAMPLE_MS = 3000;

const folder = resolve(process.argv[2] ?? 'build/doc-examples');
const output = resolve(process.argv[3] ?? 'doc-example-requests.json');
const server = await createFakeServer({ rejectInvalid: false }).start();
process.env.OPENAI_BASE_URL = server.url;
process.env.OPENAI_API_KEY = 'sk-doc-examples';
// Examples end in errors on purpose (a ValidationError shown in the docs): only their requests matter.
process.on('unhandledRejection', () => {});
process.on('uncaughtException', () => {});

for (const file of readdirSync(folder)
  .filter((name) => name.endsWith('.ts'))
  .sort()) {
  const started = Date.now();
  let timer: ReturnType<typeof setTimeout> | undefined;
  await Promise.race([
    import(pathToFileURL(join(folder, file)).href).catch(() => undefined),
    new Promise((done) => {
      timer = setTimeout(done, PER_EXAMPLE_MS);
    }),
  ]);
  clearTimeout(timer);
  if (process.env.CHATWRIGHT_DEBUG_DOCS) console.error(file, Date.now() - started);
}

const bodies = server.requests
  .filter((request) => request.path.endsWith('/chat/completions'))
  .map((request) => request.body);
writeFileSync(output, JSON.stringify(bodies));
await server.close();
process.exit(0);
