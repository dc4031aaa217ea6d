import { ValidationError, type ValidationIssue } from '../errors/validation-error.js';
import { closestName } from '../internal/closest-name.js';
import { cutText } from '../internal/cut-text.js';
import { parseJsonText } from '../internal/parse-json-text.js';
import { checkParsedJson } from '../schema/check-parsed-json.js';
import { copyJson } from '../schema/copy-json.js';
import { knownRequestFields } from '../schema/known-request-fields.js';
import { checkPresetBody, type FreshlyParsed } from '../schema/parse-preset.js';
import { presetLimits, unlistedFieldsIssue } from '../schema/preset-limits.js';
import { textLimitIssues } from '../schema/preset-text-limits.js';
import { isJsonObject } from '../schema/primitives.js';
import { type Template, template } from '../template/template.js';
import { WHOLE_CONTENT } from '../template/template-slots.js';
import type { PartialChatCompletionRequest } from '../wire/request.js';
import { PRESET_FORMAT } from './preset-document.js';

const CONTEXT = 'Invalid preset document';
const DOCUMENT_FIELDS = ['$schema', 'chatwright', 'request', 'templates', 'variables', 'extra'];
const TEMPLATE_FIELDS = ['path', 'values'];
const TEMPLATE_PATH = /^messages\.(\d+)\.content(?:\.(\d+)\.text)?$/;
/** The roles whose message text may be a template (as the builder methods that take one). */
const TEMPLATE_ROLES = new Set(['system', 'developer', 'user', 'assistant']);

/** A template of a read document, located by message index (the builder finds the message object). */
export interface ReadTemplate {
  readonly messageIndex: number;
  readonly part: number;
  readonly template: Template;
  readonly values: Readonly<Record<string, string>>;
}

/**
 * A preset document read and checked: fresh plain objects, nothing of the input kept. Read from JSON
 * text, the request's fields are frozen already (the builder freezes them anyway).
 */
export interface ReadPresetDocument {
  readonly body: PartialChatCompletionRequest;
  readonly extra: { [key: string]: unknown };
  readonly templates: readonly ReadTemplate[];
}

/**
 * Reads a preset document (JSON text or a parsed value) as `chat.fromJSON()` reads a body: unknown
 * fields refused with a suggestion, `__proto__` keys and non-JSON values refused, the request checked
 * by the preset rules, every template located and its values checked, and `variables` held to the
 * names actually unfilled. Every problem is listed with its path; a document of a newer format
 * version is refused with that alone (the rest may be valid in the newer format).
 *
 * @throws {ValidationError} listing every problem.
 */
export function readPresetDocument(input: unknown): ReadPresetDocument {
  let value = input;
  if (typeof input === 'string') {
    const isKnown = (key: string) => DOCUMENT_FIELDS.includes(key);
    const tooLarge = textLimitIssues(input, isKnown, (key, found) =>
      unknownKey(key, '', DOCUMENT_FIELDS, found),
    );
    if (tooLarge !== undefined) fail(tooLarge);
    const parsed = parseJsonText(input);
    if (!parsed.ok)
      fail([{ path: '', message: `the document is not valid JSON: ${parsed.problem.message}` }]);
    value = parsed.value;
  }
  if (!isJsonObject(value)) {
    const got = value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value;
    fail([{ path: '', message: `a preset document must be a JSON object (got ${got})`, input: value }]);
  }
  const issues: ValidationIssue[] = [];
  // The request is checked on its own, bounded as chat.fromJSON() bounds a body. What JSON.parse has
  // just made is checked in place (nothing else holds it); a caller's object is copied.
  const parsed: FreshlyParsed | undefined = typeof input === 'string' ? { freeze: true } : undefined;
  const { request, ...fields } = value;
  let copy = fields;
  if (parsed === undefined) copy = copyJson(fields, '', issues) as Record<string, unknown>;
  else checkParsedJson(fields, '', issues, { ancestors: [], values: 0 }, false);
  if (issues.length > 0) fail(issues);

  const version = copy.chatwright;
  if (typeof version === 'number' && Number.isInteger(version) && version > PRESET_FORMAT) {
    fail([
      {
        path: 'chatwright',
        message: `the document is format version ${version}, newer than this chatwright reads (${PRESET_FORMAT}): upgrade chatwright`,
        input: version,
      },
    ]);
  }
  if (version !== PRESET_FORMAT) {
    issues.push({
      path: 'chatwright',
      message:
        version === undefined
          ? `a preset document starts with its format version, "chatwright": ${PRESET_FORMAT}`
          : `"chatwright" is the document's format version, ${PRESET_FORMAT}`,
      input: version,
    });
  }
  // Listed up to the cap a body's unknown fields have, the rest counted: each costs a "did you mean".
  let unknown = 0;
  for (const key of Object.keys(value)) {
    if (!DOCUMENT_FIELDS.includes(key) && unknown++ < presetLimits.maxUnknownFieldIssues) {
      issues.push(unknownKey(key, '', DOCUMENT_FIELDS, copy[key]));
    }
  }
  const unlisted = unlistedFieldsIssue(unknown);
  if (unlisted !== undefined) issues.push(unlisted);
  if (copy.$schema !== undefined && typeof copy.$schema !== 'string') {
    issues.push({
      path: '$schema',
      message: '"$schema" must be a string (a URL or path)',
      input: copy.$schema,
    });
  }

  const body = readRequest(request, issues, parsed);
  const extra = readExtra(copy.extra, issues);
  const templates = readTemplates(copy.templates, body, issues);
  checkVariables(copy.variables, templates, issues);
  if (issues.length > 0) fail(issues);
  return { body: body as PartialChatCompletionRequest, extra, templates };
}

function fail(issues: readonly ValidationIssue[]): never {
  throw new ValidationError(issues, CONTEXT);
}

function unknownKey(key: string, at: string, known: readonly string[], input: unknown): ValidationIssue {
  const near = closestName(key, known, 3);
  const path = at === '' ? key : `${at}.${key}`;
  const hint = near === undefined ? `known fields: ${known.join(', ')}` : `did you mean "${near}"?`;
  return { path, message: `unknown field "${key}" (${hint})`, input };
}

/** The request's known fields, checked as a preset body (see checkPresetBody); its issues' paths under `request.`. */
function readRequest(
  request: unknown,
  issues: ValidationIssue[],
  parsed: FreshlyParsed | undefined,
): Record<string, unknown> {
  if (!isJsonObject(request)) {
    issues.push({
      path: 'request',
      message: 'a preset document needs a "request" object (the request body)',
      input: request,
    });
    return {};
  }
  const checked = checkPresetBody(request, noExtraNames, unknownRequestField, parsed);
  for (const issue of checked.issues) {
    issues.push({ ...issue, path: issue.path === '' ? 'request' : `request.${issue.path}` });
  }
  return checked.body;
}

const noExtraNames: ReadonlySet<string> = new Set();

function unknownRequestField(key: string, input: unknown): ValidationIssue {
  const near = closestName(key, knownRequestFields, 5);
  const hint = near === undefined ? '' : `did you mean "${near}"? `;
  const name = cutText(key, presetLimits.maxQuotedNameLength);
  return {
    path: key,
    message: `unknown request field "${name}" (${hint}a field meant for another provider goes in "extra")`,
    input,
  };
}

function readExtra(extra: unknown, issues: ValidationIssue[]): Record<string, unknown> {
  if (extra === undefined) return {};
  if (!isJsonObject(extra)) {
    issues.push({
      path: 'extra',
      message: '"extra" must be an object of provider-specific fields',
      input: extra,
    });
    return {};
  }
  for (const key of Object.keys(extra)) {
    if (knownRequestFields.has(key)) {
      issues.push({
        path: `extra.${key}`,
        message: `"${key}" is a known request field: move it to "request"`,
        input: extra[key],
      });
    }
  }
  return { ...extra };
}

function readTemplates(
  records: unknown,
  body: Record<string, unknown>,
  issues: ValidationIssue[],
): ReadTemplate[] {
  if (records === undefined) return [];
  if (!Array.isArray(records)) {
    issues.push({
      path: 'templates',
      message: '"templates" must be an array of { "path" } records',
      input: records,
    });
    return [];
  }
  const templates: ReadTemplate[] = [];
  const seen = new Set<string>();
  records.forEach((record: unknown, index) => {
    const at = `templates.${index}`;
    if (!isJsonObject(record)) {
      issues.push({
        path: at,
        message: 'a template record must be an object: { "path": "messages.0.content" }',
        input: record,
      });
      return;
    }
    for (const key of Object.keys(record)) {
      if (!TEMPLATE_FIELDS.includes(key)) issues.push(unknownKey(key, at, TEMPLATE_FIELDS, record[key]));
    }
    const { path } = record;
    const match = typeof path === 'string' ? TEMPLATE_PATH.exec(path) : null;
    if (typeof path !== 'string' || match === null) {
      issues.push({
        path: `${at}.path`,
        message: 'a template path is "messages.<i>.content" or "messages.<i>.content.<j>.text"',
        input: path,
      });
      return;
    }
    if (seen.has(path)) {
      issues.push({ path: `${at}.path`, message: `${path} is listed twice`, input: path });
      return;
    }
    seen.add(path);
    const messageIndex = Number(match[1]);
    const part = match[2] === undefined ? WHOLE_CONTENT : Number(match[2]);
    const text = templateText(body, messageIndex, part);
    if (text === undefined) {
      issues.push({
        path: `${at}.path`,
        message: `${path} is not the text of a system, developer, user or assistant message in "request"`,
        input: path,
      });
      return;
    }
    const parsed = template(text);
    if (parsed.variables.length === 0) {
      issues.push({
        path: `${at}.path`,
        message: `${path} has no {{variables}}: remove it from "templates"`,
        input: path,
      });
      return;
    }
    const values = readValues(record.values, parsed, `${at}.values`, issues);
    templates.push({ messageIndex, part, template: parsed, values });
  });
  return templates;
}

/** The text at a template path, when it is a role's text that a template may be. */
function templateText(body: Record<string, unknown>, messageIndex: number, part: number): string | undefined {
  const messages = body.messages;
  const message: unknown = Array.isArray(messages) ? messages[messageIndex] : undefined;
  if (!isJsonObject(message) || !TEMPLATE_ROLES.has(message.role as string)) return undefined;
  if (part === WHOLE_CONTENT) return typeof message.content === 'string' ? message.content : undefined;
  const item: unknown = Array.isArray(message.content) ? message.content[part] : undefined;
  return isJsonObject(item) && item.type === 'text' && typeof item.text === 'string' ? item.text : undefined;
}

function readValues(
  values: unknown,
  parsed: Template,
  at: string,
  issues: ValidationIssue[],
): Readonly<Record<string, string>> {
  if (values === undefined) return {};
  if (!isJsonObject(values)) {
    issues.push({ path: at, message: '"values" must be an object of variable values', input: values });
    return {};
  }
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(values)) {
    if (!parsed.variables.includes(name)) {
      const names = parsed.variables.map((variable) => `{{${variable}}}`).join(', ');
      issues.push({
        path: `${at}.${name}`,
        message: `{{${name}}} is not a variable of this template (it has ${names})`,
        input: value,
      });
    } else if (typeof value !== 'string') {
      issues.push({
        path: `${at}.${name}`,
        message: `the value of {{${name}}} must be a string`,
        input: value,
      });
    } else out[name] = value;
  }
  return out;
}

/** `variables` must list exactly the unfilled names: it is what readers and the types go by. */
function checkVariables(variables: unknown, templates: readonly ReadTemplate[], issues: ValidationIssue[]) {
  const unfilled = new Set<string>();
  for (const { template: parsed, values } of templates) {
    for (const name of parsed.variables) if (!Object.hasOwn(values, name)) unfilled.add(name);
  }
  const expected = [...unfilled];
  const listed = `[${expected.map((name) => JSON.stringify(name)).join(', ')}]`;
  if (!Array.isArray(variables) || !variables.every((name) => typeof name === 'string')) {
    issues.push({
      path: 'variables',
      message: `"variables" lists the unfilled template variables as an array of names (here: ${listed})`,
      input: variables,
    });
    return;
  }
  const given = new Set(variables as string[]);
  const extra = [...given].filter((name) => !unfilled.has(name));
  const missing = expected.filter((name) => !given.has(name));
  if (extra.length > 0 || missing.length > 0 || given.size !== variables.length) {
    issues.push({
      path: 'variables',
      message: `"variables" must list each unfilled template variable once: ${listed}`,
      input: variables,
    });
  }
}
