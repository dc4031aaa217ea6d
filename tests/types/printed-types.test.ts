import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { stateHelpers as helpers } from '../../scripts/state-helper-names.mjs';
import { compileSnippets, diagnosticText } from '../support/compile-snippets.js';

// What a builder's type prints, where users read it: a hover (the checker's type string), an error
// message, and the declaration file of a team's preset library. Each shows the state's fields, never
// the helpers that computed them.

const here = dirname(fileURLToPath(import.meta.url));
const library = join(here, 'printed-presets.ts');
const mistake = join(here, 'printed-mistake.ts');

const presets = `import * as v from 'valibot';
import { type BuilderState, type ChatBuilder, chat, template, tool } from '../../src/index.js';

const weather = tool({ name: 'weather', parameters: v.object({ city: v.string() }) });
declare const creative: boolean;

export const support = chat().model('gpt-4o').system('You answer billing questions.').temperature(0.2);
export const withTools = support.tool(weather).customTool({ name: 'run_sql' }).toolChoice('weather').stream();
export const careful = <S extends BuilderState>(builder: ChatBuilder<S>) => builder.temperature(0.1).logprobs();
export const sampled = <S extends BuilderState, T extends number>(builder: ChatBuilder<S>, t: T) => builder.temperature(t);
export const maybe = support.when(creative, (builder) => builder.topP(0.9));
export const retargeted = support.unset('temperature').model('o3').reasoningEffort('high');
export const greeting = chat().model('gpt-4o-mini').user(template('Hello {{name}}'));
export const structured = chat().model('gpt-4o').jsonSchema(v.object({ ok: v.boolean() }), { name: 'answer' });
`;

const conditional = `import { chat } from '../../src/index.js';
declare const creative: boolean;
let builder = chat().model('gpt-4o').user('Hi');
if (creative) builder = builder.temperature(0.9);
export { builder };
`;

const program = compileSnippets(
  new Map([
    [library, presets],
    [mistake, conditional],
  ]),
  { noEmit: false, declaration: true, emitDeclarationOnly: true },
);
const checker = program.getTypeChecker();

function declarationOf(path: string): string {
  let text = '';
  const source = program.getSourceFile(path);
  const result = program.emit(source, (file, written) => {
    if (file.endsWith('printed-presets.d.ts')) text = written;
  });
  assert.equal(result.diagnostics.map(diagnosticText), [], 'declaration emit reported errors');
  return text;
}

/** Each exported constant's type as a hover prints it. */
function hovers(path: string): Map<string, string> {
  const source = program.getSourceFile(path) as ts.SourceFile;
  const printed = new Map<string, string>();
  source.forEachChild(function visit(node) {
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name)) {
      const type = checker.getTypeAtLocation(node.name);
      printed.set(node.name.text, checker.typeToString(type, node, ts.TypeFormatFlags.NoTruncation));
    }
    node.forEachChild(visit);
  });
  return printed;
}

test('the presets compile', () => {
  const source = program.getSourceFile(library) as ts.SourceFile;
  assert.equal(program.getSemanticDiagnostics(source).map(diagnosticText), []);
});

test('a hover shows the fields of the state, not the helpers that made it', () => {
  const printed = hovers(library);
  for (const [name, type] of printed) {
    if (!type.startsWith('ChatBuilder<') || name === 'weather') continue;
    assert.not.match(type, helpers, `${name}: ${type}`);
    assert.match(type, /^ChatBuilder<\{ model: /, `${name}: ${type}`);
  }
  assert.match(
    printed.get('support') ?? '',
    'model: "gpt-4o"; hasMessages: true; stream: false; params: "" | "temperature";',
  );
  assert.match(printed.get('support') ?? '', 'toolInputs: {}; }>');
  assert.match(printed.get('withTools') ?? '', 'tools: "weather"');
  assert.match(printed.get('withTools') ?? '', 'toolInputs: { readonly weather: { city: string; }; }');
  assert.match(printed.get('retargeted') ?? '', 'model: "o3"');
  assert.match(printed.get('retargeted') ?? '', 'effort: "high"');
  assert.match(printed.get('greeting') ?? '', 'vars: "name"');
  assert.match(printed.get('structured') ?? '', 'output: readonly [{ ok: boolean; }]');
});

test("a preset library's declaration file names only chatwright's exports and the state's fields", () => {
  const declaration = declarationOf(library);
  assert.not.match(declaration, helpers, declaration);
  assert.not.match(declaration, /import\(/, declaration);
  assert.match(declaration, 'export declare const support: ChatBuilder<{\n    model: "gpt-4o";');
  // A generic preset prints what it changes, in terms of the state it was given.
  assert.match(
    declaration,
    /careful: <S extends BuilderState>\(builder: ChatBuilder<S>\) => ChatBuilder<\{\n\s+model: S\["model"\];/,
  );
  assert.match(declaration, 'params: "temperature" | S["params"];');
  // A value known only as a type parameter: whether it is the default 1 (not recorded) is still open.
  assert.match(
    declaration,
    'sampled: <S extends BuilderState, T extends number>(builder: ChatBuilder<S>, t: T) => ChatBuilder<[T] extends [1] ? S : {\n',
  );
});

test("an editor's hover and signature help show fields, and each call's resolved signature", () => {
  const files = new Map([[library, presets]]);
  const options = program.getCompilerOptions();
  const service = ts.createLanguageService({
    getScriptFileNames: () => [library],
    getScriptVersion: () => '1',
    getScriptSnapshot: (path) => {
      const text = files.get(path) ?? ts.sys.readFile(path);
      return text === undefined ? undefined : ts.ScriptSnapshot.fromString(text);
    },
    getCurrentDirectory: () => here,
    getCompilationSettings: () => options,
    getDefaultLibFileName: (settings) => ts.getDefaultLibFilePath(settings),
    fileExists: (path) => files.has(path) || ts.sys.fileExists(path),
    readFile: (path) => files.get(path) ?? ts.sys.readFile(path),
  });
  const at = (text: string) => presets.indexOf(text);
  const hover = (text: string) =>
    ts.displayPartsToString(service.getQuickInfoAtPosition(library, at(text))?.displayParts);
  const variable = hover('support =');
  assert.match(variable, 'const support: ChatBuilder<{');
  assert.match(variable, 'params: "" | "temperature";');
  const method = hover('temperature(0.2)');
  assert.match(method, /\.temperature<0\.2, never>\(value: 0\.2\): ChatBuilder<\{/);
  const signature = service.getSignatureHelpItems(
    library,
    at('temperature(0.2)') + 'temperature('.length,
    undefined,
  );
  const [item] = signature?.items ?? [];
  const shown =
    item === undefined
      ? ''
      : ts.displayPartsToString([
          ...item.prefixDisplayParts,
          ...item.parameters.flatMap((parameter) => parameter.displayParts),
          ...item.suffixDisplayParts,
        ]);
  assert.match(shown, /^temperature\(value: 0\.2\): ChatBuilder<\{ model: "gpt-4o";/);
  for (const text of [variable, method, shown]) {
    assert.not.match(text, helpers, text);
    assert.not.match(text, /AssignedTo|InferredFrom|CallArg/, text);
  }
});

test('an error between two builders shows where their states differ', () => {
  const source = program.getSourceFile(mistake) as ts.SourceFile;
  const diagnostics = program.getSemanticDiagnostics(source);
  // 2322 "is not assignable", not 2719 "two different types with this name exist": the difference
  // shows before the message cuts the types short. (The other error is the call's own, naming when().)
  const [error, ...others] = diagnostics.filter((diagnostic) => diagnostic.code !== 2345);
  assert.is(others.length, 0, diagnostics.map(diagnosticText).join('\n'));
  assert.is(error?.code, 2322);
  const [headline = ''] = diagnosticText(error as ts.Diagnostic).split('\n');
  assert.match(
    headline,
    /Type 'ChatBuilder<\{ model: "gpt-4o"; hasMessages: true; stream: false; params: "" \| "temperature";/,
  );
  assert.match(
    headline,
    /to type 'ChatBuilder<\{ model: "gpt-4o"; hasMessages: true; stream: false; params: "";/,
  );
  assert.not.match(headline, helpers);
});

test.run();
