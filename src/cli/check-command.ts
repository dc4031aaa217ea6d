import { glob, isDynamicPattern } from 'tinyglobby';
import * as v from 'valibot';
import { issueLine, ValidationError, type ValidationIssue } from '../errors/validation-error.js';
import { modelRules } from '../models/model-rules.js';
import { presetSchema } from '../schema/request-schema.js';
import { ruleCheck } from '../schema/rule-check.js';
import { validateRequest } from '../schema/validate-request.js';
import { toValidationResult } from '../schema/validation-result.js';
import { BadInputError } from './bad-input-error.js';
import type { CliOutput } from './cli-output.js';
import { readJsonFile, requestFileBuilder } from './read-request-file.js';

/** A preset may be incomplete, but what it sets must suit its model: the preset rules and the model's. */
const presetWithModelRules = v.pipe(presetSchema, ruleCheck(modelRules));

/**
 * `chatwright check`: every file's problems as `file: path: message`. Exit 1 when a file has a
 * problem, 2 when a file cannot be read or parsed (each such file reported as one line, the others
 * still checked), 0 when all pass. A preset with unfilled variables is a valid preset.
 */
export async function checkCommand(patterns: readonly string[], output: CliOutput): Promise<number> {
  if (patterns.length === 0) throw new BadInputError('check needs at least one file or glob');
  const files = await expand(patterns);
  let code = 0;
  for (const file of files) {
    try {
      const issues = fileIssues(await readJsonFile(file));
      for (const issue of issues) output.out(`${file}: ${issueLine(issue, '')}`);
      if (issues.length > 0) code = Math.max(code, 1);
    } catch (error) {
      if (!(error instanceof BadInputError)) throw error;
      output.err(`chatwright: ${error.message}`);
      code = 2;
    }
  }
  if (code === 0) output.out(`${files.length} file${files.length === 1 ? '' : 's'} checked: no problems`);
  return code;
}

/** Files named as they are; globs expanded (sorted, so the output is stable). A glob matching nothing is bad input. */
async function expand(patterns: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  for (const pattern of patterns) {
    if (!isDynamicPattern(pattern)) {
      files.push(pattern);
      continue;
    }
    const matches = await glob(pattern, { onlyFiles: true, expandDirectories: false });
    if (matches.length === 0) throw new BadInputError(`no file matches ${pattern}`);
    files.push(...matches.sort());
  }
  return [...new Set(files)];
}

/** What is wrong with one parsed file (`[]`: nothing). */
function fileIssues(json: unknown): readonly ValidationIssue[] {
  let file: ReturnType<typeof requestFileBuilder>;
  try {
    file = requestFileBuilder(json);
  } catch (error) {
    if (error instanceof ValidationError) return error.issues;
    throw error;
  }
  // The body with its template texts as written: the rules never read message text.
  const body = file.builder.toJSON();
  const complete = body.model !== undefined && body.messages !== undefined;
  const result = complete
    ? validateRequest(body)
    : toValidationResult(v.safeParse(presetWithModelRules, body));
  if (result.success) return [];
  const prefix = file.isDocument ? 'request' : '';
  return result.issues.map((issue) => ({
    ...issue,
    path: prefix === '' ? issue.path : issue.path === '' ? prefix : `${prefix}.${issue.path}`,
  }));
}
