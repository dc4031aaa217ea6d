import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { compileSnippets, diagnosticText } from '../support/compile-snippets.js';
import { type Mistake, mistakes } from './mistakes.js';

// Compiles every snippet of mistakes.ts in one program (the tests' compiler options, chatwright from
// src/) and holds each message to what the README promises: at the wrong call, naming the fix, short.

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..', '..');
const MARK = '/*here*/';
const LIMIT = 300;
/** TypeScript's "Type 'X' is not assignable to type 'Y'". */
const NOT_ASSIGNABLE = 2322;
const header = `import * as v from 'valibot';\nimport { chat, createClient } from '../../src/index.js';\nvoid v;\n`;

interface Compiled {
  readonly mistake: Mistake;
  /** Every error the snippet gives, flattened: its position and its whole text. */
  readonly errors: ReadonlyArray<{ readonly start: number; readonly code: number; readonly text: string }>;
  /** Where the mark is, in the snippet file. */
  readonly mark: number;
}

function compile(): Compiled[] {
  const files = new Map(
    mistakes.map((mistake, index) => [
      join(here, `mistake-${index + 1}.ts`),
      `${header}${mistake.code.replace(MARK, '')}\n`,
    ]),
  );
  const program = compileSnippets(files);
  return [...files.keys()].map((path, index) => {
    const mistake = mistakes[index] as Mistake;
    const source = program.getSourceFile(path);
    const diagnostics = source === undefined ? [] : program.getSemanticDiagnostics(source);
    return {
      mistake,
      mark: header.length + mistake.code.indexOf(MARK),
      errors: diagnostics.map((diagnostic) => ({
        start: diagnostic.start ?? -1,
        code: diagnostic.code,
        text: diagnosticText(diagnostic),
      })),
    };
  });
}

const compiled = compile();

/** The docs table of the mistakes and their messages. */
function table(): string {
  const rows = compiled.map(({ mistake, errors }) => {
    const message = (
      errors.find((error) => !(mistake.assignment && error.code === NOT_ASSIGNABLE))?.text ?? ''
    )
      .replace(/\n\s*/g, ' ')
      .replace(/\|/g, '\\|');
    return `| ${mistake.mistake} | ${message} |`;
  });
  return ['| mistake | what the compiler says, at the call |', '|---|---|', ...rows].join('\n');
}

for (const { mistake, errors, mark } of compiled) {
  test(`${mistake.mistake}: one error, at the wrong call, naming the fix, at most ${LIMIT} characters`, () => {
    const assignment = errors.filter((error) => mistake.assignment && error.code === NOT_ASSIGNABLE);
    assert.is(
      assignment.length,
      mistake.assignment ? 1 : 0,
      `TypeScript's own assignment error: ${JSON.stringify(errors)}`,
    );
    const ours = errors.filter((error) => !assignment.includes(error));
    assert.is(ours.length, 1, `expected one error, got: ${JSON.stringify(errors)}`);
    const [error] = ours as [(typeof ours)[number]];
    const line = mistake.code.slice(0, mistake.code.indexOf(MARK)).split('\n').length;
    const snippet = `${header}${mistake.code.replace(MARK, '')}`;
    const errorLine = snippet.slice(0, error.start).split('\n').length - header.split('\n').length + 1;
    assert.is(errorLine, line, `the error is on another line: ${error.text}`);
    assert.ok(
      error.start >= mark && error.start <= mark + 40,
      `the error is not at the marked call (at ${error.start - mark} characters from it): ${error.text}`,
    );
    assert.ok(error.text.includes(mistake.fix), `the message does not name "${mistake.fix}": ${error.text}`);
    assert.ok(error.text.length <= LIMIT, `${error.text.length} characters: ${error.text}`);
  });
}

test('docs/builder.md shows the table of these messages', () => {
  const docs = readFileSync(join(root, 'docs', 'builder.md'), 'utf8');
  const start = docs.indexOf('<!-- mistakes:start -->');
  const end = docs.indexOf('<!-- mistakes:end -->');
  assert.ok(start !== -1 && end > start, 'docs/builder.md has no mistakes table markers');
  const shown = docs.slice(start + '<!-- mistakes:start -->'.length, end).trim();
  assert.is(shown, table(), `docs/builder.md's table is out of date; it should read:\n${table()}`);
});

test.run();
