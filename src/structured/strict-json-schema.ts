import { StrictSchemaError } from '../errors/strict-schema-error.js';
import { childPath } from '../internal/dotted-path.js';
import type { JsonSchema } from '../wire/request.js';

/*
 * Turns a JSON Schema into one OpenAI's structured outputs accept ("strict mode"): every property
 * required, `additionalProperties: false` on every object, optional properties made nullable, and
 * only the keywords the API supports. What cannot be expressed is refused here, with its path and the
 * reason, rather than by the API at send time.
 * @see https://platform.openai.com/docs/guides/structured-outputs#supported-schemas
 */

type Node = { readonly [key: string]: unknown };

/**
 * Where the strict schema made an optional property nullable: the model then sends `null` for "not
 * set", which the caller's schema (optional, not nullable) would reject, so those nulls are removed
 * before validation. One plan node per schema node that needs it.
 */
export interface NullPlan {
  /** Properties that were optional (and did not accept null) in the original schema. */
  readonly optional?: ReadonlySet<string>;
  readonly properties?: Readonly<Record<string, NullPlan>>;
  readonly items?: NullPlan;
  readonly anyOf?: readonly (NullPlan | undefined)[];
  /** A `$ref` to a definition, resolved through the root's definition plans. */
  readonly ref?: string;
}

/** A strict JSON Schema and the plan that maps the model's output back to the original schema. */
export interface StrictSchema {
  readonly schema: JsonSchema;
  readonly plan: NullPlan | undefined;
  readonly definitions: Readonly<Record<string, NullPlan | undefined>>;
}

/** Keywords kept as they are: the API supports them in strict mode. */
const kept = new Set([
  'type',
  'description',
  'title',
  'enum',
  'const',
  'pattern',
  'format',
  'multipleOf',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'minItems',
  'maxItems',
  '$ref',
]);

/**
 * Keywords dropped from what is sent: annotations, and value constraints the API does not accept
 * but that the caller's schema still checks when the output is parsed.
 */
const dropped = new Set([
  '$schema',
  '$id',
  '$comment',
  'default',
  'examples',
  'readOnly',
  'writeOnly',
  'deprecated',
  'minLength',
  'maxLength',
  'minProperties',
  'maxProperties',
  'uniqueItems',
  'contentEncoding',
  'contentMediaType',
]);

/** Keywords with no strict-mode equivalent, and why. */
// A Map, not an object literal: one of the keywords is `then`, which would make an object thenable.
const refused: ReadonlyMap<string, string> = new Map([
  ['allOf', 'allOf (an intersection) is not supported: merge the objects into one'],
  ['not', '"not" is not supported in strict mode'],
  ['if', 'conditional schemas (if/then/else) are not supported in strict mode'],
  ['then', 'conditional schemas (if/then/else) are not supported in strict mode'],
  ['else', 'conditional schemas (if/then/else) are not supported in strict mode'],
  ['patternProperties', 'patternProperties (free-form keys) is not supported: list every key in properties'],
  [
    'propertyNames',
    'an object with free-form keys (a record) is not supported: list every key in properties',
  ],
  ['dependentRequired', 'dependentRequired is not supported in strict mode'],
  ['dependentSchemas', 'dependentSchemas is not supported in strict mode'],
  ['unevaluatedProperties', 'unevaluatedProperties is not supported in strict mode'],
  ['unevaluatedItems', 'unevaluatedItems is not supported in strict mode'],
  ['prefixItems', 'tuples (prefixItems) are not supported: use an object with named properties'],
  ['additionalItems', 'tuples (additionalItems) are not supported: use an object with named properties'],
  ['contains', '"contains" is not supported in strict mode'],
]);

const formats = new Set([
  'date-time',
  'time',
  'date',
  'duration',
  'email',
  'hostname',
  'ipv4',
  'ipv6',
  'uuid',
]);

/** The API's limit on object nesting in a strict schema. */
const maxDepth = 10;

/**
 * The strict form of `schema`, or a `StrictSchemaError` naming the part that cannot be made strict.
 * `name` is the tool's or format's name, for the message.
 */
export function toStrictJsonSchema(schema: JsonSchema, name: string): StrictSchema {
  const fail = (path: string, reason: string): never => {
    throw new StrictSchemaError(name, path, reason);
  };
  if (schema.type !== 'object' || schema.anyOf !== undefined) {
    fail('', 'the root must be an object schema (type "object"), not a union or another type');
  }
  const definitions: Record<string, NullPlan | undefined> = {};
  const out: Record<string, unknown> = {};
  for (const key of ['$defs', 'definitions'] as const) {
    const defs = schema[key];
    if (defs === undefined) continue;
    if (!isNode(defs)) fail(key, `${key} must be an object of schemas`);
    const converted: Record<string, unknown> = {};
    for (const [defName, def] of Object.entries(defs as Node)) {
      const result = convert(def, `${key}.${defName}`, 0, fail);
      converted[defName] = result.schema;
      definitions[`#/${key}/${defName}`] = result.plan;
    }
    out[key] = converted;
  }
  const root = convert(schema, '', 0, fail);
  return { schema: Object.assign(root.schema, out), plan: root.plan, definitions };
}

type Fail = (path: string, reason: string) => never;

function convert(
  node: unknown,
  path: string,
  depth: number,
  fail: Fail,
): { schema: Record<string, unknown>; plan: NullPlan | undefined } {
  if (!isNode(node)) return fail(path, 'a schema must be an object');
  const out: Record<string, unknown> = {};
  let plan: NullPlan | undefined;
  for (const [key, value] of Object.entries(node)) {
    const at = childPath(path, key);
    if (key === '$defs' || key === 'definitions') {
      if (path !== '') fail(at, 'definitions are only supported at the root');
      continue;
    }
    if (key === 'properties' || key === 'required' || key === 'additionalProperties') continue;
    if (kept.has(key)) {
      if (key === 'format' && !formats.has(String(value))) continue;
      if (key === '$ref' && (typeof value !== 'string' || !/^#\/(\$defs|definitions)\/[^/]+$/.test(value))) {
        fail(at, 'only references to the root\'s $defs or definitions ("#/$defs/Name") are supported');
      }
      out[key] = value;
      if (key === '$ref') plan = { ref: value as string };
    } else if (dropped.has(key)) {
      // Left out of the wire schema; the caller's own schema still checks it when parsing.
    } else if (key === 'items') {
      if (Array.isArray(value))
        fail(at, 'tuples (items as an array) are not supported: use an object with named properties');
      const items = convert(value, at, depth, fail);
      out.items = items.schema;
      if (items.plan !== undefined) plan = { items: items.plan };
    } else if (key === 'anyOf' || key === 'oneOf') {
      // oneOf becomes anyOf (the API has no oneOf); the caller's schema still enforces exclusivity.
      if (!Array.isArray(value) || value.length === 0)
        fail(at, `${key} must be a non-empty array of schemas`);
      const branches = (value as unknown[]).map((branch, i) =>
        convert(branch, childPath(at, i), depth, fail),
      );
      out.anyOf = branches.map((branch) => branch.schema);
      if (branches.some((branch) => branch.plan !== undefined)) {
        plan = { anyOf: branches.map((branch) => branch.plan) };
      }
    } else if (refused.has(key)) {
      fail(at, refused.get(key) as string);
    } else {
      fail(at, `"${key}" is not a keyword the API accepts in strict mode`);
    }
  }
  if (isObjectSchema(node)) {
    if (depth >= maxDepth) fail(path, `objects may be nested at most ${maxDepth} levels deep in strict mode`);
    const objectPlan = convertObject(node, path, depth, fail, out);
    if (objectPlan !== undefined) plan = objectPlan;
  }
  return { schema: out, plan };
}

function convertObject(
  node: Node,
  path: string,
  depth: number,
  fail: Fail,
  out: Record<string, unknown>,
): NullPlan | undefined {
  const properties = node.properties ?? {};
  if (!isNode(properties))
    return fail(childPath(path, 'properties'), 'properties must be an object of schemas');
  const extra = node.additionalProperties;
  if (extra !== undefined && extra !== false) {
    fail(
      childPath(path, 'additionalProperties'),
      Object.keys(properties).length === 0
        ? 'an object with free-form keys (a record) is not supported: list every key in properties'
        : 'extra keys beyond the listed properties are not supported: use a plain (not loose) object',
    );
  }
  const required = new Set(Array.isArray(node.required) ? (node.required as unknown[]).map(String) : []);
  const optional = new Set<string>();
  const planned: Record<string, NullPlan> = {};
  const converted: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(properties)) {
    const property = convert(value, childPath(childPath(path, 'properties'), key), depth + 1, fail);
    let schema = property.schema;
    if (!required.has(key) && !acceptsNull(schema)) {
      // Strict mode requires every property; "optional" becomes "may be null", undone when parsing.
      schema = nullable(schema);
      optional.add(key);
    }
    converted[key] = schema;
    if (property.plan !== undefined) planned[key] = property.plan;
  }
  out.type = 'object';
  out.properties = converted;
  out.required = Object.keys(converted);
  out.additionalProperties = false;
  if (optional.size === 0 && Object.keys(planned).length === 0) return undefined;
  return { optional, properties: planned };
}

function isObjectSchema(node: Node): boolean {
  return node.type === 'object' || (node.type === undefined && node.properties !== undefined);
}

function acceptsNull(schema: Node): boolean {
  if (schema.type === 'null') return true;
  if (Array.isArray(schema.type) && schema.type.includes('null')) return true;
  if (Array.isArray(schema.enum) && schema.enum.includes(null)) return true;
  if (schema.const === null) return true;
  return Array.isArray(schema.anyOf) && schema.anyOf.some((branch) => isNode(branch) && acceptsNull(branch));
}

function nullable(schema: Record<string, unknown>): Record<string, unknown> {
  if (typeof schema.type === 'string' && schema.enum === undefined && schema.const === undefined) {
    return { ...schema, type: [schema.type, 'null'] };
  }
  if (Array.isArray(schema.anyOf)) return { ...schema, anyOf: [...schema.anyOf, { type: 'null' }] };
  return { anyOf: [schema, { type: 'null' }] };
}

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * `value` with the `null`s removed where the strict schema stood for "not set" (see {@link NullPlan}).
 * Returns the same value when nothing changes; never mutates it.
 */
export function dropStrictNulls(
  value: unknown,
  plan: NullPlan | undefined,
  definitions: Readonly<Record<string, NullPlan | undefined>>,
  seen = 0,
): unknown {
  if (plan === undefined || value === null || typeof value !== 'object' || seen > 64) return value;
  if (plan.ref !== undefined) return dropStrictNulls(value, definitions[plan.ref], definitions, seen + 1);
  if (Array.isArray(value)) {
    const items = plan.items;
    return items === undefined
      ? value
      : value.map((item) => dropStrictNulls(item, items, definitions, seen + 1));
  }
  if (plan.anyOf !== undefined) {
    // Applies only when one branch has a plan: with several, which branch the value took is unknown.
    const withPlan = plan.anyOf.filter((branch) => branch !== undefined);
    return withPlan.length === 1 ? dropStrictNulls(value, withPlan[0], definitions, seen + 1) : value;
  }
  const record = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(record)) {
    const item = record[key];
    if (item === null && plan.optional?.has(key)) continue;
    out[key] = dropStrictNulls(item, plan.properties?.[key], definitions, seen + 1);
  }
  return out;
}

/**
 * Checks that a JSON Schema sent as given (`.jsonSchema(rawSchema)`, `.tool({ parameters, strict: true })`)
 * already follows strict mode's rules, which `tool()` applies to the schemas it converts: only the
 * keywords strict mode accepts, every object closed (`additionalProperties: false`) with every property
 * in `required`, `anyOf` rather than `oneOf`. A raw schema is never rewritten (it is sent as written),
 * so what the API would refuse is refused here, with the same `StrictSchemaError`.
 */
export function assertStrictJsonSchema(schema: JsonSchema, name: string): void {
  // The keywords, the root, the references, tuples, records and depth: as for a converted schema.
  toStrictJsonSchema(schema, name);
  const fail = (path: string, reason: string): never => {
    throw new StrictSchemaError(name, path, reason);
  };
  const walk = (node: unknown, path: string): void => {
    if (!isNode(node)) return;
    if (node.oneOf !== undefined) {
      fail(childPath(path, 'oneOf'), 'oneOf is not supported in strict mode: use anyOf');
    }
    if (isObjectSchema(node)) {
      if (node.additionalProperties !== false) {
        fail(
          childPath(path, 'additionalProperties'),
          'every object must set additionalProperties: false in strict mode',
        );
      }
      const properties = isNode(node.properties) ? node.properties : {};
      const required = new Set(Array.isArray(node.required) ? (node.required as unknown[]) : []);
      const missing = Object.keys(properties).filter((key) => !required.has(key));
      if (missing.length > 0) {
        fail(
          childPath(path, 'required'),
          `every property must be listed in required in strict mode (missing: ${missing.join(', ')}); make an optional one nullable instead`,
        );
      }
      for (const [key, value] of Object.entries(properties))
        walk(value, childPath(childPath(path, 'properties'), key));
    }
    if (node.items !== undefined) walk(node.items, childPath(path, 'items'));
    if (Array.isArray(node.anyOf)) {
      for (const [i, branch] of node.anyOf.entries()) walk(branch, childPath(childPath(path, 'anyOf'), i));
    }
    for (const key of ['$defs', 'definitions'] as const) {
      const defs = node[key];
      if (isNode(defs))
        for (const [defName, def] of Object.entries(defs))
          walk(def, childPath(childPath(path, key), defName));
    }
  };
  walk(schema, '');
}
