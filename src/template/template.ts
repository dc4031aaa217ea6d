import { ValidationError } from '../errors/validation-error.js';

/** The characters of `TText`, as a union. */
type CharsOf<TText extends string, TChars = never> = TText extends `${infer $Char}${infer $Rest}`
  ? CharsOf<$Rest, TChars | $Char>
  : TChars;

/** The characters a variable name may hold (`{{name}}`): letters, digits and `_`. */
type NameChar = CharsOf<'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_'>;

/** `true` when every character of a non-empty `TName` is a name character. */
type IsName<TName extends string> = TName extends `${infer $Char}${infer $Rest}`
  ? $Char extends NameChar
    ? $Rest extends ''
      ? true
      : IsName<$Rest>
    : false
  : false;

/**
 * The variable between one `{{` and the next `}}`, read as the runtime reads it: the name starts after
 * the last `{{` (or `{`) before the `}}`, so `{{{name}}}` and `{{ x {{name}}` both hold `name`.
 */
type VariableIn<TInner extends string> = TInner extends `${string}{{${infer $After}`
  ? VariableIn<$After>
  : TInner extends `{${infer $After}`
    ? VariableIn<$After>
    : IsName<TInner> extends true
      ? TInner
      : never;

/**
 * The variable names of a template's text, read from the string literal: `'Hi {{name}}'` gives
 * `'name'`. A `string` that is not a literal gives `string` (the names are known only at runtime).
 * @example type Names = inferTemplateVars<'You help {{customer}} with {{product}}.'>; // 'customer' | 'product'
 */
export type inferTemplateVars<TText extends string> = string extends TText ? string : VariablesOf<TText>;

/** The variables of `TText`, collected slot by slot (tail-recursive: long templates stay cheap). */
type VariablesOf<
  TText extends string,
  TVars extends string = never,
> = TText extends `${string}{{${infer $Inner}}}${infer $Rest}`
  ? VariablesOf<$Rest, TVars | VariableIn<$Inner>>
  : TVars;

/** `{{name}}` with `name` of letters, digits and `_`; the runtime twin of {@link inferTemplateVars}. */
const VARIABLE = /\{\{([A-Za-z0-9_]+)\}\}/g;

/** Marks templates across copies of the package (an ESM and a CommonJS copy in one process). */
const templateBrand: unique symbol = Symbol.for('chatwright.template') as never;

/**
 * Message text with `{{name}}` slots, made by {@link template}. A builder method given one (`system()`,
 * `developer()`, `user()`, `assistant()`, or `textPart()` inside content parts) records the slots, and
 * the builder's type carries the names until `.vars({ ... })` fills them.
 */
export interface Template<TVars extends string = string> {
  /** The text as written, `{{name}}` slots included. */
  readonly text: string;
  /** The variable names, in order of first appearance, each once. */
  readonly variables: readonly TVars[];
  /** The text with `values` in its slots; a name without a value keeps its `{{name}}`. */
  render(values: Readonly<Record<string, string>>): string;
  readonly [templateBrand]: true;
}

/** A text content part whose text is a template: `textPart(template('...'))`. */
export interface TemplatePart<TVars extends string = string> {
  readonly type: 'text';
  readonly text: Template<TVars>;
}

/**
 * Message text with typed `{{name}}` variables, accepted wherever message text is. Only text made by
 * `template()` is a template: a plain string (`.user('{{x}}')`) is sent as written, and a value filled
 * in is inserted as it is, never read for `{{...}}` again.
 * @example
 * const support = chat().model('gpt-4o').system(template('You help {{customer}} with {{product}}.'));
 * const reply = await support.vars({ customer: 'Acme', product: 'billing' }).user(question).send();
 */
/* @__NO_SIDE_EFFECTS__ */
export function template<const $Text extends string>(text: $Text): Template<inferTemplateVars<$Text>> {
  if (typeof text !== 'string') {
    throw new ValidationError(
      [{ path: '', message: `template() takes a string (got ${typeof text})`, input: text }],
      'Invalid template()',
    );
  }
  // The text split at its slots: literal text at even indexes, variable names at odd ones.
  const pieces = text.split(VARIABLE);
  const variables = [...new Set(pieces.filter((_, index) => index % 2 === 1))];
  return Object.freeze({
    text,
    variables: Object.freeze(variables) as readonly inferTemplateVars<$Text>[],
    render(values: Readonly<Record<string, string>>): string {
      let out = '';
      for (let index = 0; index < pieces.length; index++) {
        const piece = pieces[index] as string;
        // Each value is inserted once, from the pieces: never scanned for `{{...}}` itself.
        out += index % 2 === 0 ? piece : Object.hasOwn(values, piece) ? values[piece] : `{{${piece}}}`;
      }
      return out;
    },
    [templateBrand]: true as const,
  });
}

/** Whether `value` was made by {@link template} (of any copy of the package). */
export function isTemplate(value: unknown): value is Template {
  return typeof value === 'object' && value !== null && (value as Template)[templateBrand] === true;
}
