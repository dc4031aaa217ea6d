// The package as users get it, after the build: packs the tarball, then
//  - @arethetypeswrong/cli and publint check its entry points, types and manifest;
//  - it is installed into a temporary CommonJS project, where a Jest suite (Jest's default CommonJS
//    mode) requires `chatwright`, `chatwright/batch` and `chatwright/testing`, checks that they share
//    one implementation and sends through the fake server;
//  - a consumer is type-checked there with TypeScript 5.4, the oldest version the declarations support.
import { copyFileSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { initProject, npmInstall, packInto, run, tempFolder } from './package/temp-project.mjs';

const typeScriptConsumer = `
import { chat, createClient, type ChatCompletion } from 'chatwright';
import { submitBatch } from 'chatwright/batch';
import { createFakeServer, replies } from 'chatwright/testing';

export async function ask(): Promise<ChatCompletion> {
  const server = await createFakeServer().start();
  server.enqueue(replies.completion('Hi'));
  const client = createClient({ baseURL: server.url, apiKey: 'test-key' });
  return client.chat().model('o3').reasoningEffort('high').user('Hello').send();
}
// @ts-expect-error topLogprobs() needs .logprobs() first
chat().model('gpt-4o').user('Hi').topLogprobs(2);
export const submit = submitBatch;
export const preset = chat().model('gpt-4o').system('You answer billing questions.').temperature(0.2);
`;

const consumerTsconfig = {
  compilerOptions: {
    module: 'NodeNext',
    moduleResolution: 'NodeNext',
    target: 'ES2022',
    lib: ['ES2023', 'DOM'],
    strict: true,
    skipLibCheck: false,
    declaration: true,
    emitDeclarationOnly: true,
    outDir: 'out',
  },
  // The same code as a CommonJS module (.ts in a project without "type") and as an ES module (.mts).
  files: ['consumer.ts', 'consumer.mts'],
};

const root = resolve(import.meta.dirname, '..');
const bin = (path) => join(root, 'node_modules', path);
const folder = tempFolder('package');
try {
  const tarball = packInto(folder.path);
  run(root, process.execPath, [
    bin('@arethetypeswrong/cli/dist/index.js'),
    '--format',
    'table-flipped',
    tarball,
  ]);
  run(root, process.execPath, [bin('publint/src/cli.js'), '--strict', tarball]);

  const project = join(folder.path, 'consumer');
  mkdirSync(project);
  initProject(project);
  if (npmInstall(project, [tarball, 'typescript@~5.4.5']) === 'offline') {
    console.log('skipped: the Jest and TypeScript 5.4 consumers (npm registry unreachable)');
  } else {
    copyFileSync(join(root, 'tests/package/commonjs-consumer.test.cjs'), join(project, 'consumer.test.cjs'));
    run(project, process.execPath, [
      bin('jest/bin/jest.js'),
      '--ci',
      '--rootDir',
      project,
      '--cacheDirectory',
      join(folder.path, 'jest-cache'),
      '--testMatch',
      '**/*.test.cjs',
    ]);

    // The declarations of every entry point, compiled (skipLibCheck off) by the oldest TypeScript we
    // support; @types/node comes from this repository, as a user's project has its own.
    mkdirSync(join(project, 'node_modules/@types'), { recursive: true });
    symlinkSync(bin('@types/node'), join(project, 'node_modules/@types/node'), 'dir');
    writeFileSync(join(project, 'consumer.ts'), typeScriptConsumer);
    writeFileSync(join(project, 'consumer.mts'), typeScriptConsumer);
    writeFileSync(join(project, 'tsconfig.json'), JSON.stringify(consumerTsconfig));
    run(project, process.execPath, ['node_modules/typescript/bin/tsc', '-p', '.']);
    // ...and its declarations print a builder's state as its fields, not chatwright's state helpers.
    for (const file of ['consumer.d.ts', 'consumer.d.mts']) {
      const declaration = readFileSync(join(project, 'out', file), 'utf8');
      if (!declaration.includes('preset: import("chatwright").ChatBuilder<{\n    model: "gpt-4o";')) {
        throw new Error(`TypeScript 5.4 prints the preset's type otherwise, in ${file}:\n${declaration}`);
      }
    }
    console.log(
      'TypeScript 5.4 compiles a consumer of chatwright, chatwright/batch and chatwright/testing, and prints its preset as fields',
    );
  }
} finally {
  folder.dispose();
}
