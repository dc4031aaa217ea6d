import fc from 'fast-check';

/*
 * Request bodies generated from the official JSON Schema's structure, and mutations of them. The
 * generator reads the keywords the request schema uses ($ref, allOf, anyOf, oneOf, enum, type,
 * properties, required, additionalProperties, items, minItems, maxItems, minimum, maximum, maxLength,
 * format) and aims at valid bodies; it need not always hit them: the differential test asks the
 * schema itself (ajv) which bodies are valid.
 */

type Schema = { readonly [keyword: string]: unknown };

/** At most this many optional properties per object: a body setting everything breaks some rule. */
const OPTIONAL_KEYS = 4;
/** Arrays stay short: the bodies are many, and their shapes matter, not their lengths. */
const MAX_ITEMS = 3;

/** Integers the API's int64 fields meet at their edges, and ordinary ones. */
const integerEdges = [0, 1, -1, 2 ** 31, 2 ** 53 - 1, -(2 ** 63), 2 ** 63];

/** Arbitraries for the schema `root` (a bundled schema with `$defs`). */
export function schemaArbitrary(root: Schema): fc.Arbitrary<unknown> {
  const defs = (root.$defs ?? {}) as Record<string, Schema>;
  const resolve = (node: Schema): Schema => {
    let current = node;
    while (typeof current.$ref === 'string') {
      const name = current.$ref.replace('#/$defs/', '');
      const target = defs[name];
      if (target === undefined) throw new Error(`unresolved $ref ${current.$ref}`);
      current = { ...target, ...Object.fromEntries(Object.entries(current).filter(([k]) => k !== '$ref')) };
    }
    return current;
  };

  /** `allOf` of object schemas as one object schema (the first definition of a property wins). */
  const merged = (parts: readonly Schema[]): Schema => {
    const properties: Record<string, Schema> = {};
    const required = new Set<string>();
    for (const part of parts.map(resolve)) {
      const flat = Array.isArray(part.allOf) ? merged(part.allOf as Schema[]) : part;
      for (const [key, value] of Object.entries((flat.properties ?? {}) as Record<string, Schema>)) {
        properties[key] ??= value;
      }
      for (const key of (flat.required ?? []) as string[]) required.add(key);
    }
    return { type: 'object', properties, required: [...required] };
  };

  const string = (node: Schema): fc.Arbitrary<string> => {
    if (node.format === 'uri') {
      return fc.oneof(fc.webUrl(), fc.constant('data:image/png;base64,iVBORw0KGgo='));
    }
    const maxLength = typeof node.maxLength === 'number' ? node.maxLength : 24;
    return fc.oneof(fc.string({ maxLength }), fc.string({ unit: 'grapheme', maxLength }));
  };

  const integer = (node: Schema): fc.Arbitrary<number> => {
    const min =
      typeof node.minimum === 'number' ? Math.max(node.minimum, Number.MIN_SAFE_INTEGER) : undefined;
    const max =
      typeof node.maximum === 'number' ? Math.min(node.maximum, Number.MAX_SAFE_INTEGER) : undefined;
    if (min !== undefined && max !== undefined && max - min <= 1000) return fc.integer({ min, max });
    return fc.oneof(fc.integer({ min: -1000, max: 100_000 }), fc.constantFrom(...integerEdges));
  };

  const number = (node: Schema): fc.Arbitrary<number> =>
    fc.double({
      min: typeof node.minimum === 'number' ? node.minimum : -1e6,
      max: typeof node.maximum === 'number' ? node.maximum : 1e6,
      noNaN: true,
      noDefaultInfinity: true,
    });

  const object = (node: Schema): fc.Arbitrary<unknown> => {
    const properties = (node.properties ?? {}) as Record<string, Schema>;
    const keys = Object.keys(properties);
    if (keys.length === 0) {
      const extra = node.additionalProperties;
      if (typeof extra === 'object' && extra !== null) {
        return fc.dictionary(fc.string({ maxLength: 8 }), of(extra as Schema), { maxKeys: MAX_ITEMS });
      }
      // A free-form object (a JSON Schema, an allowed-tools entry): any JSON, kept shallow.
      return fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 1 }), {
        maxKeys: MAX_ITEMS,
      });
    }
    const required = new Set((node.required ?? []) as string[]);
    const optional = keys.filter((key) => !required.has(key));
    return fc.subarray(optional, { maxLength: Math.min(OPTIONAL_KEYS, optional.length) }).chain((chosen) => {
      const record: Record<string, fc.Arbitrary<unknown>> = {};
      for (const key of keys) {
        if (required.has(key) || chosen.includes(key)) record[key] = of(properties[key] as Schema);
      }
      return fc.record(record);
    });
  };

  const ofType = (type: string, node: Schema): fc.Arbitrary<unknown> => {
    switch (type) {
      case 'null':
        return fc.constant(null);
      case 'boolean':
        return fc.boolean();
      case 'integer':
        return integer(node);
      case 'number':
        return number(node);
      case 'string':
        return string(node);
      case 'array': {
        const minLength = typeof node.minItems === 'number' ? node.minItems : 0;
        const maxLength = Math.max(
          minLength,
          Math.min(typeof node.maxItems === 'number' ? node.maxItems : 9, MAX_ITEMS),
        );
        return fc.array(of((node.items ?? {}) as Schema), { minLength, maxLength });
      }
      default:
        return object(node);
    }
  };

  const cache = new Map<Schema, fc.Arbitrary<unknown>>();
  function of(input: Schema): fc.Arbitrary<unknown> {
    const cached = cache.get(input);
    if (cached !== undefined) return cached;
    const node = resolve(input);
    let arbitrary: fc.Arbitrary<unknown>;
    if (Array.isArray(node.allOf)) arbitrary = object(merged(node.allOf as Schema[]));
    else if (Array.isArray(node.anyOf) || Array.isArray(node.oneOf)) {
      const branches = (node.anyOf ?? node.oneOf) as Schema[];
      arbitrary = fc.oneof(...branches.map((branch) => of({ ...withoutBranches(node), ...resolve(branch) })));
    } else if (Array.isArray(node.enum)) arbitrary = fc.constantFrom(...(node.enum as unknown[]));
    else if (Array.isArray(node.type))
      arbitrary = fc.oneof(...(node.type as string[]).map((t) => ofType(t, node)));
    else if (typeof node.type === 'string') arbitrary = ofType(node.type, node);
    else if (node.properties !== undefined) arbitrary = object(node);
    else arbitrary = fc.jsonValue({ maxDepth: 1 });
    cache.set(input, arbitrary);
    return arbitrary;
  }

  return of(root);
}

/** A node's own keywords without its branches (a branch inherits e.g. `format` from its parent). */
function withoutBranches(node: Schema): Schema {
  const { anyOf: _anyOf, oneOf: _oneOf, $ref: _ref, ...rest } = node;
  return rest;
}

/** One way to break (or not) a body at one place. */
export type Mutation =
  | { readonly kind: 'replace'; readonly at: number; readonly value: unknown }
  | { readonly kind: 'delete'; readonly at: number }
  | { readonly kind: 'unknown-key'; readonly at: number }
  | { readonly kind: 'empty-array'; readonly at: number };

/** Values that are wrong somewhere: other types, `null`, `NaN`, out of range, too long, not a URI. */
const oddValues: readonly unknown[] = [
  null,
  Number.NaN,
  '',
  'x',
  0,
  -1,
  1.5,
  21,
  129,
  1e21,
  2 ** 63,
  true,
  {},
  [],
  ['x'],
  { type: 'x' },
  'http://exa mple.com/a b.png',
  'x:',
  '\u{1F600}'.repeat(65),
  'a'.repeat(65),
  '__proto__',
];

export const mutationArbitrary: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('replace' as const), at: fc.nat(), value: fc.constantFrom(...oddValues) }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('unknown-key' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('empty-array' as const), at: fc.nat() }),
);

type Container = Record<string, unknown> | unknown[];

/** Every place in `body` (parent container and key), in depth-first order. */
function places(body: unknown): Array<{ parent: Container; key: string | number }> {
  const found: Array<{ parent: Container; key: string | number }> = [];
  const walk = (value: unknown) => {
    if (Array.isArray(value)) {
      value.forEach((item, index) => {
        found.push({ parent: value, key: index });
        walk(item);
      });
    } else if (typeof value === 'object' && value !== null) {
      for (const [key, item] of Object.entries(value)) {
        found.push({ parent: value as Record<string, unknown>, key });
        walk(item);
      }
    }
  };
  walk(body);
  return found;
}

/** A copy of `body` with `mutation` applied (the place is `at` modulo the number of places). */
export function mutate(body: unknown, mutation: Mutation): unknown {
  const copy = structuredClone(body);
  const all = places(copy);
  if (all.length === 0) return copy;
  const { parent, key } = all[mutation.at % all.length] as { parent: Container; key: string | number };
  const target = parent as Record<string | number, unknown>;
  switch (mutation.kind) {
    case 'replace':
      target[key] = mutation.value;
      break;
    case 'delete':
      if (Array.isArray(parent)) parent.splice(key as number, 1);
      else delete target[key];
      break;
    case 'unknown-key': {
      const value = target[key];
      if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
        (value as Record<string, unknown>).x_unknown = 1;
      } else target[key] = { x_unknown: 1 };
      break;
    }
    case 'empty-array':
      target[key] = [];
      break;
  }
  return copy;
}
