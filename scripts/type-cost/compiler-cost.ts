// What type-checking one project costs, measured in this process with TypeScript 6's API: the figures
// `tsc --extendedDiagnostics` prints (instantiations, types), and the CPU time of the check itself.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import ts from 'typescript';

/** The figures of one type-check. */
export interface CompilerCost {
  readonly instantiations: number;
  readonly types: number;
  /**
   * CPU seconds spent checking (not reading, parsing or binding files): what `tsc` reports as "Check
   * time", counted in CPU time rather than wall time, so that other processes on a shared machine
   * slow it less (they take turns on the cores; they do not add CPU time to ours).
   */
  readonly checkTime: number;
}

function failure(diagnostics: readonly ts.Diagnostic[]): Error {
  const host: ts.FormatDiagnosticsHost = {
    getCanonicalFileName: (name) => name,
    getCurrentDirectory: () => process.cwd(),
    getNewLine: () => '\n',
  };
  return new Error(`the measured project does not compile:\n${ts.formatDiagnostics(diagnostics, host)}`);
}

/**
 * Parsed and bound files kept from one check of a project to the next, so that repeated checks (to
 * time them) spend their time checking. A checker keeps its own state apart from the files' (as the
 * language service does when it reuses files across programs): the work of each check is unchanged.
 * For projects with the same compiler options only.
 */
export class SourceFileCache {
  readonly #files = new Map<string, ts.SourceFile>();

  host(options: ts.CompilerOptions): ts.CompilerHost {
    const host = ts.createCompilerHost(options);
    const read = host.getSourceFile.bind(host);
    host.getSourceFile = (fileName, languageVersion, onError, shouldCreateNewSourceFile) => {
      const format = typeof languageVersion === 'object' ? languageVersion.impliedNodeFormat : undefined;
      const key = `${fileName} ${format}`;
      let file = this.#files.get(key);
      if (file === undefined) {
        file = read(fileName, languageVersion, onError, shouldCreateNewSourceFile);
        if (file !== undefined) this.#files.set(key, file);
      }
      return file;
    };
    return host;
  }
}

setFlagsFromString('--expose-gc');
/** Collects garbage before a timed check, so that it does not pay for the previous one's. */
const collectGarbage = runInNewContext('gc') as () => void;

function createProgram(tsconfig: string, cache?: SourceFileCache): ts.Program {
  const config = ts.getParsedCommandLineOfConfigFile(
    tsconfig,
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
        throw failure([diagnostic]);
      },
    },
  );
  if (config === undefined) throw new Error(`cannot read ${tsconfig}`);
  if (config.errors.length > 0) throw failure(config.errors);
  return ts.createProgram({
    rootNames: config.fileNames,
    options: config.options,
    ...(cache && { host: cache.host(config.options) }),
  });
}

/** Every file the project at `tsconfig` loads (sources and declarations, the standard library's too). */
export function loadedFiles(tsconfig: string): string[] {
  return createProgram(tsconfig)
    .getSourceFiles()
    .map((file) => file.fileName);
}

/** Type-checks the project at `tsconfig`; throws if it has any error, since then it measures nothing real. */
export function compilerCost(tsconfig: string, cache?: SourceFileCache): CompilerCost {
  const program = createProgram(tsconfig, cache);
  program.getTypeChecker(); // binds every file, so that only the check is timed below
  collectGarbage();
  const start = process.cpuUsage();
  const semantic = program.getSemanticDiagnostics();
  const used = process.cpuUsage(start);
  const errors = [...program.getOptionsDiagnostics(), ...program.getSyntacticDiagnostics(), ...semantic];
  if (errors.length > 0) throw failure(errors);
  return {
    instantiations: program.getInstantiationCount(),
    types: program.getTypeCount(),
    checkTime: (used.user + used.system) / 1e6,
  };
}
