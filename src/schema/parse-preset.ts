import { ValidationError, type ValidationIssue } from '../errors/validation-error.js';
import type { PartialChatCompletionRequest } from '../wire/request.js';
import { copyJson } from './copy-json.js';
import { knownRequestFields } from './known-request-fields.js';
import { isJsonObject } from './primitives.js';
import { validatePreset } from './validate-preset.js';

/** Options of {@link parsePreset}. */
export interface ParsePresetOptions {
  /** Top-level fields outside the Chat Completions reference to accept, as provider-specific extras. */
  readonly extra?: readonly string[];
}

/** A preset split into the known request fields and the accepted extra fields, both fresh copies. */
export interface ParsedPreset {
  readonly body: PartialChatCompletionRequest;
  readonly extra: { [key: string]: unknown };
}

const CONTEXT = 'Invalid preset';

/** `topP`, `TOP_P` and `top-p` all normalise to `topp`, the way people misspell wire names. */
const loose = (name: string) => name.toLowerCase().replace(/[_-]/g, '');

/** Edit distance, for "did you mean" on typos; only ever run on short field names. */
function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/**
 * The known field `field` most likely misspells: the same letters in another case or separator style
 * (`topP`), else at most two edits away, and only when the name is long enough for that to mean
 * something: `top_k` is one edit from `top_p` and is a real field of other providers.
 */
function suggestion(field: string): string | undefined {
  for (const known of knownRequestFields) if (loose(known) === loose(field)) return known;
  let best: string | undefined;
  let bestDistance = 3;
  for (const known of knownRequestFields) {
    const d = distance(field, known);
    if (d < bestDistance && d * 5 < field.length) {
      best = known;
      bestDistance = d;
    }
  }
  return best;
}

function unknownField(field: string, value: unknown): ValidationIssue {
  const near = suggestion(field);
  const hint =
    near === undefined
      ? `if it is meant for another provider, pass { extra: ['${field}'] }`
      : `did you mean "${near}"? If it is meant for another provider, pass { extra: ['${field}'] }`;
  return { path: field, message: `unknown field "${field}" (${hint})`, input: value };
}

/**
 * Reads a shared preset (a request body, complete or not) from JSON text or an already parsed value.
 * Refuses anything that is not a JSON object, unknown top-level fields (unless listed in
 * `options.extra`), `__proto__` keys at any depth, and malformed values;
 * the preset rules must hold. Returns fresh plain copies: the input is never kept or frozen.
 *
 * @throws {ValidationError} listing every problem with its path.
 * @example
 * const { body, extra } = parsePreset(await readFile('support.json', 'utf8'), { extra: ['top_k'] });
 */
export function parsePreset(json: unknown, options?: ParsePresetOptions): ParsedPreset {
  let value = json;
  if (typeof json === 'string') {
    try {
      value = JSON.parse(json);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new ValidationError(
        [{ path: '', message: `the preset is not valid JSON (${reason})`, input: json }],
        CONTEXT,
      );
    }
  }
  if (!isJsonObject(value)) {
    const got = value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value;
    throw new ValidationError(
      [{ path: '', message: `a preset must be a JSON object (got ${got})`, input: value }],
      CONTEXT,
    );
  }

  const issues: ValidationIssue[] = [];
  const copy = copyJson(value, '', issues);
  if (issues.length > 0 || !isJsonObject(copy)) throw new ValidationError(issues, CONTEXT);

  const extraNames = new Set<string>();
  for (const name of options?.extra ?? []) {
    if (knownRequestFields.has(name)) {
      issues.push({
        path: '',
        message: `options.extra lists "${name}", a known request field (remove it from extra)`,
        input: name,
      });
    } else extraNames.add(name);
  }

  const body: { [key: string]: unknown } = {};
  const extra: { [key: string]: unknown } = {};
  for (const [key, field] of Object.entries(copy)) {
    if (knownRequestFields.has(key)) body[key] = field;
    else if (extraNames.has(key)) extra[key] = field;
    else issues.push(unknownField(key, field));
  }

  const result = validatePreset(body);
  if (!result.success) issues.push(...result.issues);
  if (issues.length > 0) throw new ValidationError(issues, CONTEXT);
  return { body: body as PartialChatCompletionRequest, extra };
}
