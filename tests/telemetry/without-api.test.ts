import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { test } from 'uvu';
import * as assert from 'uvu/assert';

const run = promisify(execFile);

test('without @opentelemetry/api installed, the library loads and sends, streams, runs tools and fans out', async () => {
  const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
  const { stdout } = await run(
    process.execPath,
    ['--import', 'tsx', '--import', here('./without-api/hide-otel.mjs'), here('./without-api/send.ts')],
    { timeout: 60_000 },
  );
  const fake = 'Hello from the fake server.';
  assert.equal(JSON.parse(stdout.trim().split('\n').pop() ?? '{}'), {
    hidden: true,
    reply: fake,
    streamed: fake,
    steps: 2,
    fanned: true,
  });
});

test.run();
