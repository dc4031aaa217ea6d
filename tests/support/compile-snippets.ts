import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * Compiles files held in memory (path → text) in one program, with the tests' compiler options
 * (tests/tsconfig.json) and chatwright from src/, as a user's editor and compiler would see them.
 */
export function compileSnippets(
  files: ReadonlyMap<string, string>,
  extra: ts.CompilerOptions = {},
): ts.Program {
  const configPath = join(root, 'tests', 'tsconfig.json');
  const config = ts.readConfigFile(configPath, (path) => ts.sys.readFile(path));
  const { options } = ts.parseJsonConfigFileContent(config.config, ts.sys, dirname(configPath));
  const host = ts.createCompilerHost(options);
  const readFile = host.readFile.bind(host);
  const getSourceFile = host.getSourceFile.bind(host);
  host.readFile = (path) => files.get(path) ?? readFile(path);
  host.fileExists = (path) => files.has(path) || ts.sys.fileExists(path);
  host.getSourceFile = (path, language, ...rest) => {
    const text = files.get(path);
    return text === undefined
      ? getSourceFile(path, language, ...rest)
      : ts.createSourceFile(path, text, language, true);
  };
  return ts.createProgram([...files.keys()], { ...options, noEmit: true, ...extra }, host);
}

/** A diagnostic's whole text, its chain flattened onto lines. */
export function diagnosticText(diagnostic: ts.Diagnostic): string {
  return ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n');
}
