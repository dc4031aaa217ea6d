// The `chatwright` command, run as users run it: the BUILT dist/cli.js in a child process (this suite
// runs in `npm run test:dist`, after the build), `send` against the built fake server on 127.0.0.1.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'uvu';
import * as assert from 'uvu/assert';

type Testing = typeof import('../../src/testing/index.js');
/** Through the package's own `exports`, as a user's code would (a variable: tsc runs before the build). */
const testingEntry = 'chatwright/testing';
const { createFakeServer, replies } = (await import(testingEntry)) as Testing;

const cli = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));
const KEY = 'sk-test-LEAKCANARY-cli-5e8d';

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `chatwright ...args` in `cwd` and resolves to its exit code and output. */
function chatwright(
  args: readonly string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv },
): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [cli, ...args],
      { cwd: options.cwd, env: { PATH: process.env.PATH, ...options.env } },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

const support = {
  chatwright: 1,
  request: {
    model: 'gpt-4o',
    messages: [
      { role: 'system', content: 'You help {{customer}} with {{product}}.' },
      { role: 'user', content: 'Plain {{text}}' },
    ],
  },
  templates: [{ path: 'messages.0.content' }],
  variables: ['customer', 'product'],
};

let dir = '';
test.before(() => {
  dir = mkdtempSync(join(tmpdir(), 'chatwright-cli-'));
  const write = (name: string, body: unknown) =>
    writeFileSync(join(dir, name), typeof body === 'string' ? body : JSON.stringify(body, null, 2));
  write('support.preset.json', support);
  write('request.json', { model: 'gpt-4o', messages: [{ role: 'user', content: 'Hi' }] });
  write('partial.json', { model: 'o3', temperature: 0.5 });
  write('broken.preset.json', {
    ...support,
    chatwright: 1,
    request: { ...support.request, top_p: 3 },
    extra: { seed: 1 },
  });
  write('bad.json', '{\n  "model": "gpt-4o",\n}');
});
test.after(() => rmSync(dir, { recursive: true, force: true }));

test('--help lists the commands; no command or an unknown flag is bad input (2)', async () => {
  const help = await chatwright(['--help'], { cwd: dir });
  assert.is(help.code, 0);
  assert.match(help.stdout, /check <files or globs\.\.\.>/);
  assert.match(help.stdout, /render <file>/);
  assert.match(help.stdout, /send <file>/);
  const none = await chatwright([], { cwd: dir });
  assert.is(none.code, 2);
  assert.is(none.stderr.split('\n')[0], 'chatwright: no command given (check, render or send)');
  const flag = await chatwright(['check', '--bogus', 'request.json'], { cwd: dir });
  assert.is(flag.code, 2);
  assert.is(flag.stderr.split('\n')[0], "chatwright: Unknown option '--bogus'");
  const command = await chatwright(['lint'], { cwd: dir });
  assert.is(command.code, 2);
  assert.is(command.stderr.split('\n')[0], 'chatwright: unknown command "lint" (check, render or send)');
});

test('check: files and globs; a preset with unfilled variables passes; exit 0', async () => {
  const run = await chatwright(['check', '*.preset.json', 'request.json'], { cwd: dir });
  // broken.preset.json matches the glob too: checked separately below.
  const good = await chatwright(['check', 'support.preset.json', 'request.json'], { cwd: dir });
  assert.is(good.code, 0, good.stderr);
  assert.is(good.stdout, '2 files checked: no problems\n');
  assert.is(run.code, 1);
});

test('check: every problem as file: path: message, model rules included; exit 1', async () => {
  const run = await chatwright(['check', 'broken.preset.json', 'partial.json', 'request.json'], { cwd: dir });
  assert.is(run.code, 1);
  assert.equal(run.stdout.trimEnd().split('\n'), [
    'broken.preset.json: request.top_p: top_p must be between 0 and 1',
    'broken.preset.json: extra.seed: "seed" is a known request field: move it to "request"',
    'partial.json: temperature: o3 does not accept temperature (reasoning models take only the default sampling; remove .temperature()) [source: OpenAI reasoning guide (limitations); community compatibility matrix thread 1110750; the AI SDK strips them with a warning]',
  ]);
});

test('check: invalid JSON (line and column) and a missing file are bad input (2); the rest is still checked', async () => {
  const run = await chatwright(['check', 'bad.json', 'missing.json', 'request.json', 'nothing-*.json'], {
    cwd: dir,
  });
  assert.is(run.code, 2);
  assert.is(run.stderr.split('\n')[0], 'chatwright: no file matches nothing-*.json');
  const files = await chatwright(['check', 'bad.json', 'missing.json', 'request.json'], { cwd: dir });
  assert.is(files.code, 2);
  assert.equal(files.stderr.trimEnd().split('\n'), [
    'chatwright: bad.json: invalid JSON: Expected double-quoted property name at line 3, column 1',
    'chatwright: missing.json: no such file',
  ]);
});

test('render prints the body that would be sent; filled values are never expanded', async () => {
  const run = await chatwright(
    ['render', 'support.preset.json', '--var', 'customer={{product}}', '-v', 'product=billing=yes'],
    { cwd: dir },
  );
  assert.is(run.code, 0, run.stderr);
  assert.equal(JSON.parse(run.stdout), {
    model: 'gpt-4o',
    messages: [
      { role: 'system', content: 'You help {{product}} with billing=yes.' },
      { role: 'user', content: 'Plain {{text}}' },
    ],
  });
  const raw = await chatwright(['render', 'request.json'], { cwd: dir });
  assert.equal(JSON.parse(raw.stdout), { model: 'gpt-4o', messages: [{ role: 'user', content: 'Hi' }] });
});

test('render: a missing or unknown variable, or a malformed --var, is bad input (2)', async () => {
  const missing = await chatwright(['render', 'support.preset.json', '--var', 'customer=Acme'], { cwd: dir });
  assert.is(missing.code, 2);
  assert.is(
    missing.stderr.split('\n')[0],
    'chatwright: support.preset.json: no value for {{product}}: pass --var product=...',
  );
  assert.is(missing.stdout, '');
  const unknown = await chatwright(['render', 'request.json', '--var', 'x=1'], { cwd: dir });
  assert.is(unknown.code, 2);
  assert.is(
    unknown.stderr.split('\n')[0],
    'chatwright: no template of this builder has {{x}} (it has no unfilled variables)',
  );
  const malformed = await chatwright(['render', 'request.json', '--var', 'x'], { cwd: dir });
  assert.is(malformed.stderr.split('\n')[0], 'chatwright: --var takes name=value (got "x")');
  const stream = await chatwright(['render', 'request.json', '--stream'], { cwd: dir });
  assert.is(stream.code, 2);
  const invalid = await chatwright(['render', 'broken.preset.json'], { cwd: dir });
  assert.is(invalid.code, 1);
  assert.match(invalid.stderr, /broken\.preset\.json: request\.top_p: top_p must be between 0 and 1/);
});

test('send sends through OPENAI_BASE_URL and prints the answer, or streams it', async () => {
  const server = await createFakeServer().start();
  try {
    const env = { OPENAI_API_KEY: KEY, OPENAI_BASE_URL: server.url };
    server.enqueue(replies.completion('Hello from the fake server'));
    const run = await chatwright(
      ['send', 'support.preset.json', '--var', 'customer=Acme', '--var', 'product=billing'],
      { cwd: dir, env },
    );
    assert.is(run.code, 0, run.stderr);
    assert.is(run.stdout, 'Hello from the fake server\n');
    assert.equal(server.requests[0]?.body, {
      model: 'gpt-4o',
      messages: [
        { role: 'system', content: 'You help Acme with billing.' },
        { role: 'user', content: 'Plain {{text}}' },
      ],
    });
    // The server records the key redacted: that one was sent is what it shows.
    assert.is(server.requests[0]?.headers.authorization, 'Bearer [REDACTED]');

    server.enqueue(replies.completion('streamed word by word'));
    const streamed = await chatwright(['send', 'request.json', '--stream'], { cwd: dir, env });
    assert.is(streamed.code, 0, streamed.stderr);
    assert.is(streamed.stdout, 'streamed word by word\n');
    assert.equal((server.requests[1]?.body as { stream?: unknown } | undefined)?.stream, true);

    // The API's refusal: one line, exit 1, and never the key.
    server.enqueue(replies.error(401, 'Incorrect API key provided'));
    const refused = await chatwright(['send', 'request.json'], { cwd: dir, env });
    assert.is(refused.code, 1);
    assert.match(refused.stderr, /^chatwright: AuthenticationError: .*Incorrect API key provided/);
    assert.not.match(refused.stderr + refused.stdout, KEY);

    // Nothing is sent for bad input.
    const before = server.requests.length;
    const missing = await chatwright(['send', 'support.preset.json'], { cwd: dir, env });
    assert.is(missing.code, 2);
    assert.is(server.requests.length, before);
  } finally {
    await server.close();
  }
});

test('send without OPENAI_API_KEY is bad input (2)', async () => {
  const run = await chatwright(['send', 'request.json'], {
    cwd: dir,
    env: { OPENAI_BASE_URL: 'http://127.0.0.1:9' },
  });
  assert.is(run.code, 2);
  assert.match(run.stderr, /^chatwright: ClientOptionsError: /);
});

test.run();
