// The getting-started guide, followed as a newcomer would, on the packed package: a fresh `npm init`
// project set up by the guide's step 1 (its shell commands, with the tarball in place of the registry's
// chatwright, and its tsconfig.json), then every ```ts block of the guide type-checked there with
// `tsc` and run with `tsx` against the fake server (OPENAI_BASE_URL), each request it sends recorded.
import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { createFakeServer } from 'chatwright/testing';
import { npmInstall, packInto, run, tempFolder } from './package/temp-project.mjs';

const root = resolve(import.meta.dirname, '..');
const guide = readFileSync(join(root, 'docs/getting-started.md'), 'utf8');
const blocks = (language) =>
  [...guide.matchAll(new RegExp(`^\`\`\`${language}\\n([^]*?)^\`\`\`$`, 'gm'))].map((match) => match[1]);
const [setup] = blocks('sh');
const [tsconfig] = blocks('json');
const examples = blocks('ts');
if (setup === undefined || tsconfig === undefined || examples.length === 0)
  throw new Error('docs/getting-started.md: no setup commands, tsconfig.json or examples found');

const folder = tempFolder('guide');
const server = await createFakeServer().start();
try {
  const tarball = packInto(folder.path);
  const project = join(folder.path, 'my-app');
  let offline = false;
  for (const line of setup.split('\n').filter((text) => text.trim() !== '')) {
    if (line.startsWith('mkdir my-app')) {
      run(folder.path, 'mkdir', ['my-app']);
    } else if (line.startsWith('npm install')) {
      const specs = line
        .split(/\s+/)
        .slice(2)
        .map((spec) => (spec === 'chatwright' ? tarball : spec));
      offline = npmInstall(project, specs) === 'offline';
      if (offline) break;
    } else {
      const [command, ...args] = line.split(/\s+/);
      run(project, command, args, { stdio: 'ignore' });
    }
  }
  if (offline) {
    console.log('skipped: the getting-started guide in a fresh project (npm registry unreachable)');
  } else {
    const manifest = JSON.parse(readFileSync(join(project, 'package.json'), 'utf8'));
    if (manifest.type !== 'module') throw new Error('step 1 did not make an ES module project');
    writeFileSync(join(project, 'tsconfig.json'), tsconfig);
    const files = examples.map((code, index) => {
      const file = `example-${index + 1}.ts`;
      writeFileSync(join(project, file), code);
      return file;
    });
    run(project, process.execPath, ['node_modules/typescript/bin/tsc', '-p', '.']);
    const env = { ...process.env, OPENAI_BASE_URL: server.url, OPENAI_API_KEY: 'sk-guide' };
    for (const [index, file] of files.entries()) {
      const before = server.requests.length;
      // Asynchronous, so that this process's fake server answers while the example runs.
      await promisify(execFile)(process.execPath, ['--import', 'tsx', file], {
        cwd: project,
        env,
        timeout: 60_000,
      });
      const sent = server.requests.length - before;
      const expected = examples[index]?.includes('.send()') ? 1 : 0;
      if (sent !== expected) throw new Error(`${file}: ${sent} requests sent, expected ${expected}`);
    }
    console.log(
      `getting-started guide: a fresh project set up by step 1 type-checks and runs its ${files.length} examples`,
    );
  }
} finally {
  await server.close();
  folder.dispose();
}
