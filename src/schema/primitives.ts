import * as v from 'valibot';

/*
 * Small factories shared by the field schemas. Each one bakes a readable message into the schema, so an
 * issue already says what is wrong when valibot reports it: nothing is rewritten after the fact.
 * They run once at module load (schemas are built once, never per validation).
 */

/** Function, tool and schema names, as the API accepts them. */
const NAME_PATTERN = /^[a-zA-Z0-9_-]{1,64}$/;

/**
 * Keys never accepted from input: assigning `__proto__` replaces an object's prototype. (`constructor`
 * and `prototype` are harmless here: every copy is a fresh plain object that nothing merges into, and a
 * JSON Schema may well name a property `constructor`.)
 */
export const PROTOTYPE_KEYS: ReadonlySet<string> = /* @__PURE__ */ new Set(['__proto__']);

/** `'a', 'b' or 'c'`: a readable list of allowed literal values. */
/* @__NO_SIDE_EFFECTS__ */
function listOf(values: readonly (string | number | boolean)[]): string {
  const quoted = values.map((value) => (typeof value === 'string' ? `'${value}'` : String(value)));
  return quoted.length < 2 ? (quoted[0] ?? '') : `${quoted.slice(0, -1).join(', ')} or ${quoted.at(-1)}`;
}

/** A string field. */
/* @__NO_SIDE_EFFECTS__ */
export function text(name: string) {
  return v.string(`${name} must be a string`);
}

/** A boolean field. */
/* @__NO_SIDE_EFFECTS__ */
export function flag(name: string) {
  return v.boolean(`${name} must be true or false`);
}

/** One of a fixed set of strings. */
/* @__NO_SIDE_EFFECTS__ */
export function oneOf<const TOptions extends readonly string[]>(name: string, options: TOptions) {
  return v.picklist(options, `${name} must be ${options.length === 1 ? '' : 'one of '}${listOf(options)}`);
}

/** A single literal value, such as a `type` tag. */
/* @__NO_SIDE_EFFECTS__ */
export function tag<const TValue extends string>(name: string, value: TValue) {
  return v.literal(value, `${name} must be '${value}'`);
}

/*
 * Ranges are one `check` rather than `minValue` + `maxValue` (+ `integer`): each pipe item is one more
 * call per field on the hot path, and the message is the same whichever bound is crossed.
 */

/** A number within `[min, max]` (valibot's `number` already refuses `NaN`). */
/* @__NO_SIDE_EFFECTS__ */
export function numberBetween(name: string, min: number, max: number) {
  return v.pipe(
    v.number(`${name} must be a number`),
    v.check((value) => value >= min && value <= max, `${name} must be between ${min} and ${max}`),
  );
}

/** An integer within `[min, max]`. */
/* @__NO_SIDE_EFFECTS__ */
export function integerBetween(name: string, min: number, max: number) {
  const message = `${name} must be an integer between ${min} and ${max}`;
  return v.pipe(
    v.number(message),
    v.check((value) => Number.isInteger(value) && value >= min && value <= max, message),
  );
}

/** An integer of at least 1. */
/* @__NO_SIDE_EFFECTS__ */
export function positiveInteger(name: string) {
  const message = `${name} must be a positive integer`;
  return v.pipe(
    v.number(message),
    v.check((value) => Number.isInteger(value) && value >= 1, message),
  );
}

/** A function, tool or schema name: 1 to 64 letters, digits, underscores or dashes. */
/* @__NO_SIDE_EFFECTS__ */
export function identifier(name: string) {
  return v.pipe(
    text(name),
    v.regex(
      NAME_PATTERN,
      (issue) =>
        `${name} must be 1 to 64 characters of a-z, A-Z, 0-9, _ or - (got ${JSON.stringify(issue.input)})`,
    ),
  );
}

/**
 * The length of `value` in Unicode code points, as JSON Schema's `maxLength` and the API count
 * characters (an emoji is one character, two UTF-16 units).
 */
export function characterCount(value: string): number {
  let count = 0;
  for (const _ of value) count++;
  return count;
}

/** Whether `value` has at most `max` characters (code points); no walk when its UTF-16 length fits. */
export function fitsCharacters(value: string, max: number): boolean {
  return value.length <= max || characterCount(value) <= max;
}

/** A string of at most `max` characters, counted in code points (see {@link characterCount}). */
/* @__NO_SIDE_EFFECTS__ */
export function shortText(name: string, max: number, hint = '', notString = `${name} must be a string`) {
  return v.pipe(
    v.string(notString),
    v.check(
      (value) => fitsCharacters(value, max),
      (issue) =>
        `${name} must be at most ${max} characters (this one has ${characterCount(issue.input as string)}${hint})`,
    ),
  );
}

/** A JSON object whose keys are not (yet) known. */
type JsonObject = { readonly [key: string]: unknown };

/**
 * `true` for a plain object (`{}` or `Object.create(null)`): the shape of JSON objects. A class
 * instance, a `Date` or a `Map` is not one: it would not survive `JSON.stringify` as itself, and a
 * builder cannot copy it, so the caller could still change it after handing it over.
 */
export function isJsonObject(input: unknown): input is JsonObject {
  if (typeof input !== 'object' || input === null) return false;
  const proto: unknown = Object.getPrototypeOf(input);
  return proto === Object.prototype || proto === null;
}

/** `true` for JSON data all the way down: plain objects, arrays, strings, finite numbers, booleans, null. */
function isJsonData(input: unknown): boolean {
  switch (typeof input) {
    case 'string':
    case 'boolean':
      return true;
    case 'number':
      return Number.isFinite(input);
    case 'object':
      if (input === null) return true;
      if (Array.isArray(input)) return input.every(isJsonData);
      return isJsonObject(input) && Object.values(input).every(isJsonData);
    default:
      return false;
  }
}

/**
 * A free-form JSON object (a JSON Schema, an allowed-tools entry): checked to be JSON data throughout,
 * otherwise passed through untouched, since its keys belong to another vocabulary.
 */
/* @__NO_SIDE_EFFECTS__ */
export function freeObject(name: string) {
  return v.pipe(
    v.custom<JsonObject>(isJsonObject, `${name} must be an object`),
    v.check<JsonObject, string>(
      isJsonData,
      `${name} must hold JSON data only (plain objects, arrays, strings, finite numbers, booleans, null)`,
    ),
  );
}

/**
 * An object told apart by one tag key (`variant`), with messages for a missing or unknown tag.
 * A known tag goes straight to its schema through a `Map` (`lazy`): valibot's `variant` tries the
 * options one by one and allocates a `Set` per parse, which cost a fifth of a whole request's
 * validation. The `variant` still handles every input whose tag is missing or unknown, for its issues.
 */
/* @__NO_SIDE_EFFECTS__ */
export function tagged<const TKey extends string, const TOptions extends v.VariantOptions<TKey>>(
  key: TKey,
  label: string,
  values: readonly string[],
  options: TOptions,
  notObject = `${label} must be an object`,
) {
  const fallback = v.variant(key, options, (issue) => {
    if (issue.path === undefined) return notObject;
    if (issue.input === undefined) return `${key} is missing (${label} needs ${key}: ${listOf(values)})`;
    return `${key} must be ${values.length === 1 ? '' : 'one of '}${listOf(values)}`;
  });
  type Schema = v.GenericSchema<
    v.InferInput<typeof fallback>,
    v.InferOutput<typeof fallback>,
    v.InferIssue<typeof fallback>
  >;
  const byTag = new Map<unknown, Schema>();
  for (const option of options) {
    const tagSchema = (
      option as { readonly entries: { readonly [k: string]: { readonly literal?: unknown } } }
    ).entries[key];
    byTag.set(tagSchema?.literal, option as unknown as Schema);
  }
  return v.lazy((input): Schema => {
    if (typeof input !== 'object' || input === null) return fallback;
    return byTag.get((input as { readonly [k: string]: unknown })[key]) ?? fallback;
  });
}

/**
 * A string, or else `other`. `lazy` picks the branch from the input's type, so an object or array
 * with a wrong field reports that field, where a `union` would report only "no option matched".
 */
/* @__NO_SIDE_EFFECTS__ */
export function stringOr<const TString extends v.GenericSchema<string>, const TOther extends v.GenericSchema>(
  string: TString,
  other: TOther,
) {
  return v.lazy((input) => (typeof input === 'string' ? string : other));
}

/** A string or a non-empty array of content parts (the shape of every message `content`). */
/* @__NO_SIDE_EFFECTS__ */
export function stringOrParts<const TPart extends v.GenericSchema>(name: string, part: TPart, what: string) {
  return stringOr(
    v.string(),
    v.pipe(
      v.array(part, `${name} must be a string or an array of ${what}`),
      v.minLength(1, `${name} must not be an empty array (pass a string or at least one part)`),
    ),
  );
}

/**
 * A JSON object used as a map (`metadata`, `logit_bias`): every own key must pass `isValidKey`, every
 * value `value`. Written as one `rawCheck` rather than `record`, because `record` silently drops
 * `__proto__` keys (a dropped key would never be reported) and because a
 * bad key must not hide the bad values next to it. The value is passed through, not copied.
 */
/* @__NO_SIDE_EFFECTS__ */
export function stringMap<const TValue extends v.GenericSchema>(
  name: string,
  isValidKey: (key: string) => boolean,
  keyMessage: (key: string) => string,
  value: TValue,
) {
  return v.pipe(
    v.custom<{ [key: string]: v.InferOutput<TValue> }>(isJsonObject, `${name} must be an object`),
    v.rawCheck(({ dataset, addIssue }) => {
      // A rawCheck also runs on a dataset that failed its schema: the value may not be an object.
      const map: unknown = dataset.value;
      if (!isJsonObject(map)) return;
      for (const key of Object.keys(map)) {
        const entry = map[key];
        const keyItem: v.UnknownPathItem = {
          type: 'unknown',
          origin: 'value',
          input: map,
          key,
          value: entry,
        };
        if (!isValidKey(key)) addIssue({ message: keyMessage(key), input: key, path: [keyItem] });
        const result = v.safeParse(value, entry);
        if (result.issues === undefined) continue;
        for (const issue of result.issues) {
          addIssue({ message: issue.message, input: issue.input, path: [keyItem, ...(issue.path ?? [])] });
        }
      }
    }),
  );
}
