import { ValidationError, type ValidationIssue } from '../errors/validation-error.js';
import { closestName } from '../internal/closest-name.js';
import { cutText } from '../internal/cut-text.js';
import type { PartialChatCompletionRequest } from '../wire/request.js';
import { checkParsedJson } from './check-parsed-json.js';
import { type CopyContext, copyJson } from './copy-json.js';
import { knownRequestFields } from './known-request-fields.js';
import { presetLimits, unlistedFieldsIssue } from './preset-limits.js';
import { textLimitIssues } from './preset-text-limits.js';
import { isJsonObject, PROTOTYPE_KEYS } from './primitives.js';
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

/**
 * The known field `field` most likely misspells (see closestName). Five letters an edit: `top_k` is
 * one edit from `top_p` and is a real field of other providers.
 */
function suggestion(field: string): string | undefined {
  return closestName(field, knownRequestFields, 5);
}

function unknownField(field: string, value: unknown): ValidationIssue {
  const near = suggestion(field);
  const name = cutText(field, presetLimits.maxQuotedNameLength);
  const extra = name === field ? `{ extra: ['${field}'] }` : '{ extra: [<the name>] }';
  const hint =
    near === undefined
      ? `if it is meant for another provider, pass ${extra}`
      : `did you mean "${near}"? If it is meant for another provider, pass ${extra}`;
  return { path: field, message: `unknown field "${name}" (${hint})`, input: value };
}

/** A preset body checked: its known fields and accepted extras (fresh copies), and every problem. */
export interface CheckedPresetBody {
  readonly body: { [key: string]: unknown };
  readonly extra: { [key: string]: unknown };
  readonly issues: readonly ValidationIssue[];
  /** False when the body is not JSON data (its `issues` say where): nothing of it was kept. */
  readonly copied: boolean;
}

/**
 * A value `JSON.parse` has just made, which nothing else holds: checked in place rather than copied
 * (see checkParsedJson), its objects and arrays frozen on the way when `freeze` is set.
 */
export interface FreshlyParsed {
  readonly freeze: boolean;
}

/**
 * Checks a preset body (a request body, complete or not), bounded for hostile input: unknown fields
 * are reported up to `maxUnknownFieldIssues` (`unknownField` words each) and never copied, names are
 * quoted cut, and a large failing preset reports its first problem only. Shared by `parsePreset()`
 * and preset documents, whose `request` is such a body. A `parsed` body is not copied (its fields are
 * taken as they are), anything else is copied by copyJson.
 */
export function checkPresetBody(
  value: { readonly [key: string]: unknown },
  extraNames: ReadonlySet<string>,
  unknownField: (field: string, value: unknown) => ValidationIssue,
  parsed?: FreshlyParsed,
): CheckedPresetBody {
  // Unknown fields are reported, never copied: two million of them cost a look-up each, not a copy.
  // `kept` has no prototype, so a `__proto__` key reaches the check (which refuses it) as a plain key.
  const kept: { [key: string]: unknown } = Object.create(null);
  const issues: ValidationIssue[] = [];
  let unknown = 0;
  for (const key of Object.keys(value)) {
    if (knownRequestFields.has(key) || extraNames.has(key) || PROTOTYPE_KEYS.has(key)) kept[key] = value[key];
    else if (unknown++ < presetLimits.maxUnknownFieldIssues) issues.push(unknownField(key, value[key]));
  }
  const copyIssues: ValidationIssue[] = [];
  const context: CopyContext = { ancestors: [], values: 0 };
  let copy: unknown = kept;
  if (parsed === undefined) copy = copyJson(kept, '', copyIssues, context);
  else checkParsedJson(kept, '', copyIssues, context, parsed.freeze);
  if (copyIssues.length > 0 || !isJsonObject(copy)) {
    return { body: {}, extra: {}, issues: copyIssues, copied: false };
  }
  const body: { [key: string]: unknown } = {};
  const extra: { [key: string]: unknown } = {};
  for (const [key, field] of Object.entries(copy)) {
    if (knownRequestFields.has(key)) body[key] = field;
    else extra[key] = field;
  }
  const unlisted = unlistedFieldsIssue(unknown);
  if (unlisted !== undefined) issues.push(unlisted);
  issues.push(...presetIssues(body, context.values));
  return { body, extra, issues, copied: true };
}

/**
 * Reads a shared preset (a request body, complete or not) from JSON text or an already parsed value.
 * Refuses anything that is not a JSON object, unknown top-level fields (unless listed in
 * `options.extra`), `__proto__` keys at any depth, and malformed values;
 * the preset rules must hold. Returns fresh plain objects: the input is never kept or frozen. A JSON
 * text holding more keys, objects or values than a preset may (`presetLimits`) is refused before it
 * is parsed.
 *
 * @throws {ValidationError} listing every problem with its path.
 * @example
 * const { body, extra } = parsePreset(await readFile('support.json', 'utf8'), { extra: ['top_k'] });
 */
export function parsePreset(json: unknown, options?: ParsePresetOptions): ParsedPreset {
  return readPreset(json, options, false);
}

/**
 * `parsePreset()` for `chat.fromJSON()`, which freezes what it gets: the objects and arrays of a JSON
 * text are frozen as they are checked, so the builder's deep freeze finds them done.
 */
export function parsePresetFrozen(json: unknown, options?: ParsePresetOptions): ParsedPreset {
  return readPreset(json, options, true);
}

function readPreset(json: unknown, options: ParsePresetOptions | undefined, freeze: boolean): ParsedPreset {
  const extraNames = new Set<string>();
  const issues: ValidationIssue[] = [];
  for (const name of options?.extra ?? []) {
    if (knownRequestFields.has(name)) {
      issues.push({
        path: '',
        message: `options.extra lists "${name}", a known request field (remove it from extra)`,
        input: name,
      });
    } else extraNames.add(name);
  }

  let value = json;
  if (typeof json === 'string') {
    const isKnown = (field: string) =>
      knownRequestFields.has(field) || extraNames.has(field) || PROTOTYPE_KEYS.has(field);
    const tooLarge = textLimitIssues(json, isKnown, unknownField);
    if (tooLarge !== undefined) throw new ValidationError([...tooLarge, ...issues], CONTEXT);
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

  const parsed = typeof json === 'string' ? { freeze } : undefined;
  const checked = checkPresetBody(value, extraNames, unknownField, parsed);
  if (!checked.copied) throw new ValidationError(checked.issues, CONTEXT);
  issues.push(...checked.issues);
  const { body, extra } = checked;
  if (issues.length > 0) throw new ValidationError(issues, CONTEXT);
  return { body: body as PartialChatCompletionRequest, extra };
}

/**
 * The preset's problems: all of them, unless the preset is large and has some. Its first problem is
 * found by a pass that stops there (as fast as a passing check); only then is a full pass worth it.
 */
function presetIssues(body: object, values: number): ValidationIssue[] {
  if (values <= presetLimits.fullReportValues) {
    const result = validatePreset(body);
    return result.success ? [] : [...result.issues];
  }
  const first = validatePreset(body, { firstIssueOnly: true });
  if (first.success) return [];
  return [
    ...first.issues,
    {
      path: '',
      message:
        `the preset is larger than ${presetLimits.fullReportValues} JSON values: only its first problem ` +
        'is reported (fix it and load the preset again for the next)',
      input: undefined,
    },
  ];
}
