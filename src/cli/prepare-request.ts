import { issueLine, ValidationError, type ValidationIssue } from '../errors/validation-error.js';
import { BadInputError } from './bad-input-error.js';
import { readJsonFile, requestFileBuilder } from './read-request-file.js';

/** A request ready to render or send, or the reason it is not (one issue per line). */
export type PreparedRequest =
  | { readonly ok: true; readonly builder: ReturnType<typeof requestFileBuilder>['builder'] }
  | { readonly ok: false; readonly problems: readonly string[] };

/**
 * The request of `file` with the `--var name=value` values filled: a malformed `--var`, an unknown
 * variable and a variable left without a value are bad input (exit 2); anything else wrong with the
 * request is a problem of the file (exit 1).
 */
export async function prepareRequest(file: string, vars: readonly string[]): Promise<PreparedRequest> {
  const json = await readJsonFile(file);
  let builder: ReturnType<typeof requestFileBuilder>['builder'];
  try {
    builder = requestFileBuilder(json).builder;
  } catch (error) {
    if (error instanceof ValidationError) return { ok: false, problems: lines(file, error.issues) };
    throw error;
  }
  const values = parseVars(vars);
  if (Object.keys(values).length > 0) {
    try {
      // Names known at runtime only: the builder stays loosely typed.
      builder = builder.vars(values) as unknown as typeof builder;
    } catch (error) {
      if (error instanceof ValidationError)
        throw new BadInputError(error.issues.map((i) => i.message).join('; '));
      throw error;
    }
  }
  const missing = builder.toPreset().variables;
  if (missing.length > 0) {
    const flags = missing.map((name) => `--var ${name}=...`).join(' ');
    const names = missing.map((name) => `{{${name}}}`).join(', ');
    throw new BadInputError(`${file}: no value for ${names}: pass ${flags}`);
  }
  const result = builder.validate();
  if (!result.success) return { ok: false, problems: lines(file, result.issues) };
  return { ok: true, builder };
}

/** `--var name=value` values by name; one without `=`, or a name given twice, is bad input. */
function parseVars(vars: readonly string[]): Record<string, string> {
  const values: Record<string, string> = Object.create(null);
  for (const entry of vars) {
    const at = entry.indexOf('=');
    if (at <= 0) throw new BadInputError(`--var takes name=value (got "${entry}")`);
    const name = entry.slice(0, at);
    if (Object.hasOwn(values, name)) throw new BadInputError(`--var ${name} is given twice`);
    values[name] = entry.slice(at + 1);
  }
  return values;
}

function lines(file: string, issues: readonly ValidationIssue[]): string[] {
  return issues.map((issue) => `${file}: ${issueLine(issue, '')}`);
}
