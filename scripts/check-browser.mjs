// chatwright in a real browser, after the build: a page bundled by esbuild from the built package
// (tests/browser/page.js) runs in headless Chromium against the fake server on another loopback origin
// (CORS): send(), a stream read to the end, an abort, and the refusal of an API key without
// `dangerouslyAllowBrowser`. Where Chromium is absent (.ci/run installs Debian's package) it says so
// and skips.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createFakeServer, replies } from 'chatwright/testing';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';

const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(executablePath)) {
  console.log(`skipped: browser test (no Chromium at ${executablePath}; .ci/run installs Debian's chromium)`);
  process.exit(0);
}

const root = resolve(import.meta.dirname, '..');
const bundle = await build({
  entryPoints: [join(root, 'tests/browser/page.js')],
  bundle: true,
  format: 'esm',
  platform: 'browser',
  target: 'es2022',
  write: false,
  logLevel: 'warning',
});
const script = bundle.outputFiles[0]?.text ?? '';
// A built-in is a string specifier (`"node:fs"`), not any `node:` (a property named node, say).
if (/["'`]node:[a-z]/.test(script)) throw new Error('the browser bundle imports a Node built-in');

// The page's own origin: its HTML and script, nothing else.
const pageServer = createServer((request, response) => {
  if (request.url?.startsWith('/page.js')) {
    response.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' });
    response.end(script);
  } else {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end('<!doctype html><title>chatwright</title><script type="module" src="/page.js"></script>');
  }
});
await new Promise((done) => pageServer.listen(0, '127.0.0.1', done));
const pageOrigin = `http://127.0.0.1:${pageServer.address().port}`;

const api = await createFakeServer({ cors: true }).start();
api.enqueue(
  replies.completion('Paris.'),
  replies.completion('Once upon a time'),
  replies.hang(),
  replies.completion('Sent with a key.'),
);
const userDataDir = mkdtempSync(join(tmpdir(), 'chatwright-chromium-'));
const context = await chromium.launchPersistentContext(userDataDir, {
  executablePath,
  headless: true,
  timeout: 60_000,
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});
try {
  const page = context.pages()[0] ?? (await context.newPage());
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${pageOrigin}/?api=${encodeURIComponent(api.url)}`);
  await page.waitForFunction(() => window.results !== undefined, undefined, { timeout: 30_000 });
  const results = await page.evaluate(() => window.results);
  const expected = {
    send: 'Paris.',
    stream: 'Once upon a time',
    abort: 'APIUserAbortError',
    keyInBrowser: 'dangerouslyAllowBrowser',
    keyAllowed: 'Sent with a key.',
  };
  if (JSON.stringify(results) !== JSON.stringify(expected) || errors.length > 0)
    throw new Error(
      `in Chromium: ${JSON.stringify({ results, errors })}, expected ${JSON.stringify(expected)}`,
    );
  const authorization = api.requests.map((request) => request.headers.authorization ?? null);
  if (JSON.stringify(authorization) !== JSON.stringify([null, null, null, 'Bearer [REDACTED]']))
    throw new Error(`unexpected Authorization headers: ${JSON.stringify(authorization)}`);
  const version = context.browser()?.version() ?? '(version unknown)';
  console.log(`browser test: Chromium ${version} sent, streamed, aborted and refused a key in a page`);
} finally {
  await context.close();
  await api.close();
  pageServer.close();
  rmSync(userDataDir, { recursive: true, force: true });
}
