import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import fc from 'fast-check';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { createClient } from '../../src/client/create-client.js';
import { validateRequest } from '../../src/schema/validate-request.js';
import { validBodies } from '../schema/valid-bodies.js';
import { freePort, type ServerProcess, startServerProcess } from '../support/server-process.js';
import { corpusMissing, sharedDir } from '../support/shared-corpus.js';
import { specForOperation } from '../support/spec-for-operation.js';
import { schemaArbitrary } from './schema-arbitrary.js';

/*
 * Every request the docs' examples send, the suite's valid bodies and a few hundred generated ones,
 * sent to Stoplight Prism serving the official spec in validating mode (../shared/spec/openapi.mock.json,
 * whose nullable nodes are rewritten so that Prism really validates bodies, cut down to
 * POST /chat/completions and the schemas it uses): not one may get a 422.
 * Prism is started once for the suite, on 127.0.0.1 at a free port; where it cannot start, the suite
 * says so and skips.
 */

const run = promisify(execFile);
const root = fileURLToPath(new URL('../..', import.meta.url));
const resolveModule = createRequire(import.meta.url).resolve;

interface Context {
  prism?: ServerProcess;
  docBodies?: unknown[];
  scratch?: string;
}

const test = suite<Context>('Prism');

/** The Chat Completions bodies the docs' examples send (see tests/support/doc-example-requests.ts). */
async function docExampleBodies(scratch: string): Promise<unknown[]> {
  await run(process.execPath, ['--import', 'tsx', 'scripts/doc-examples.ts'], { cwd: root });
  const output = join(scratch, 'doc-example-requests.json');
  await run(
    process.execPath,
    [
      '--import',
      pathToFileURL(resolveModule('tsx')).href,
      join(root, 'tests/support/doc-example-requests.ts'),
      join(root, 'build/doc-examples'),
      output,
    ],
    // A scratch working directory: some examples write files.
    { cwd: scratch, env: { ...process.env, TSX_TSCONFIG_PATH: join(root, 'docs/tsconfig.json') } },
  );
  return JSON.parse(readFileSync(output, 'utf8')) as unknown[];
}

async function startPrism(scratch: string): Promise<ServerProcess | string> {
  let cli: string;
  try {
    cli = resolveModule('@stoplight/prism-cli/dist/index.js');
  } catch {
    return 'is not installed';
  }
  const port = await freePort();
  const spec = JSON.parse(readFileSync(join(sharedDir ?? '', 'spec', 'openapi.mock.json'), 'utf8'));
  const chatOnly = join(scratch, 'chat-completions.openapi.json');
  writeFileSync(chatOnly, JSON.stringify(specForOperation(spec, '/chat/completions', 'post')));
  return startServerProcess({
    command: process.execPath,
    args: [cli, 'mock', '-h', '127.0.0.1', '-p', String(port), chatOnly],
    ready: /Prism is listening on/,
    url: `http://127.0.0.1:${port}`,
    // Prism compiles the spec first: seconds for one operation, even on a busy machine.
    timeoutMs: 120_000,
  });
}

test.before(async (context) => {
  if (corpusMissing('Prism against the official spec')) return;
  context.scratch = mkdtempSync(join(tmpdir(), 'chatwright-prism-'));
  // Both take seconds: the examples run while Prism reads the spec.
  const [prism, docBodies] = await Promise.all([
    startPrism(context.scratch),
    docExampleBodies(context.scratch),
  ]);
  context.docBodies = docBodies;
  if (typeof prism === 'string') console.log(`skipped: Prism ${prism} (Prism end-to-end tests)`);
  else context.prism = prism;
});

test.after(async (context) => {
  await context.prism?.stop();
  if (context.scratch !== undefined) rmSync(context.scratch, { recursive: true, force: true });
});

/** Prism's answer to `body`: the status, and its validation list on a 422. */
async function post(prism: ServerProcess, body: unknown): Promise<{ status: number; detail: string }> {
  const response = await fetch(`${prism.url}/chat/completions`, {
    method: 'POST',
    headers: {
      authorization: 'Bearer sk-prism',
      'content-type': 'application/json',
      accept: 'application/json',
    },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, detail: response.status === 422 ? text : '' };
}

/** Sends every body (8 at a time) and returns the ones Prism refused, with its reasons. */
async function refusals(prism: ServerProcess, bodies: readonly unknown[]): Promise<string[]> {
  const refused: string[] = [];
  const statuses = new Set<number>();
  let next = 0;
  const worker = async () => {
    while (next < bodies.length) {
      const body = bodies[next++];
      const { status, detail } = await post(prism, body);
      statuses.add(status);
      if (status === 422) refused.push(`${JSON.stringify(body)}\n  ${detail}`);
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
  assert.ok(statuses.has(200) || refused.length > 0, `Prism answered only ${[...statuses].join(', ')}`);
  return refused;
}

test('Prism validates: a body the schema refuses gets a 422', async ({ prism }) => {
  if (prism === undefined) return;
  const { status, detail } = await post(prism, { model: 'gpt-4o', messages: [], temperature: 5 });
  assert.is(status, 422);
  assert.match(detail, 'temperature');
});

test('every request the docs build passes Prism', async ({ prism, docBodies }) => {
  if (prism === undefined || docBodies === undefined) return;
  assert.ok(docBodies.length >= 20, `only ${docBodies.length} requests from the docs' examples`);
  assert.equal(await refusals(prism, docBodies), []);
});

test("every valid body of the suite's schema tests passes Prism", async ({ prism }) => {
  if (prism === undefined) return;
  assert.equal(
    await refusals(
      prism,
      validBodies.map(([, body]) => body),
    ),
    [],
  );
});

test('a few hundred generated bodies that chatwright accepts pass Prism', async ({ prism }) => {
  if (prism === undefined || sharedDir === undefined) return;
  const schema = JSON.parse(
    readFileSync(join(sharedDir, 'spec', 'schemas', 'CreateChatCompletionRequest.schema.json'), 'utf8'),
  );
  const accepted = fc
    .sample(schemaArbitrary(schema), { seed: 20261204, numRuns: 800 })
    .filter((body) => validateRequest(body).success);
  assert.ok(accepted.length >= 200, `only ${accepted.length} generated bodies accepted`);
  assert.equal(await refusals(prism, accepted), []);
});

test('send() through Prism: a validated request, a completion back', async ({ prism }) => {
  if (prism === undefined) return;
  const client = createClient({ baseURL: prism.url, apiKey: 'sk-prism', maxRetries: 0 });
  const reply = await client.chat().model('gpt-4o').user('Hello').temperature(0.2).send();
  assert.is(reply.object, 'chat.completion');
  assert.ok(reply.choices.length > 0);
});

test.run();
