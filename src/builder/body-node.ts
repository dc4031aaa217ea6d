import { immer } from '../internal/immer.js';
import { declarationsVersion } from '../models/declared-models.js';
import { type ChangedField, deriveVerdict, type Verdict } from '../schema/verdict.js';
import type { ChatCompletionRequest } from '../wire/request.js';

export type Body = Partial<ChatCompletionRequest>;
type Fields = { [key: string]: unknown };

/** One builder call's change to the body: a field replaced or removed, or items appended to an array field. */
interface Change {
  readonly key: string;
  /** Deep-frozen by the caller; for an append, the frozen array of new items; `removed` for a removal. */
  readonly value: unknown;
  readonly append: boolean;
}

/** The value of a change that removes its field (`unset()`): the key leaves the body. */
const removed: unique symbol = Symbol('removed');

/**
 * How many builders may hang off one another, each holding its parent, before the newest parent is
 * settled (its body and verdict made, which lets go of its own parent). A node holds its parent until
 * both are known, so a conversation grown a message at a time and printed at every step (bodies made,
 * never validated) would otherwise hold every earlier body.
 */
const MAX_LINKS = 64;

/**
 * The request body behind a builder, made lazily. A builder call records its change on a new node
 * linked to its parent and returns at once; the body is made the first time it is needed (`toJSON()`,
 * `validate()`, `send()`) by folding every pending change since the nearest made ancestor into one
 * immer `produce` over that ancestor's frozen body. Unchanged fields stay shared with it, and a
 * 10-call chain costs one `produce`, not ten.
 *
 * A node derived from more than once is a preset: its body and verdict are made once, and each
 * derivation builds on them (one new message: one field and the rules that read messages).
 */
export class BodyNode {
  #parent: BodyNode | undefined;
  readonly #change: Change | undefined;
  #links: number;
  #derivations = 0;
  #body: Readonly<Body> | undefined;
  #verdict: Verdict | undefined;
  #verdictKnown = false;
  /**
   * The nearest preset this node derives from, whose JSON text its own is spliced from. A preset holds
   * none itself (it lets go on its second derivation), so these links never chain: a conversation
   * grown a turn at a time keeps no earlier turns alive through them.
   */
  #textBase: BodyNode | undefined;
  /** On a preset: each field's JSON text, `"key":value`, in body order. */
  #fieldTexts: ReadonlyMap<string, string> | undefined;

  private constructor(body: Readonly<Body> | undefined, parent?: BodyNode, change?: Change) {
    this.#body = body;
    this.#parent = parent;
    this.#change = change;
    this.#links = parent === undefined ? 0 : parent.#links + 1;
    this.#textBase = parent === undefined ? undefined : parent.#isBase() ? parent : parent.#textBase;
  }

  /** A node with a frozen body and no history (a new builder, or a preset read from JSON). */
  static of(body: Readonly<Body>): BodyNode {
    return new BodyNode(body);
  }

  /** A node whose `key` is `value` (deep-frozen by the caller). */
  set(key: string, value: unknown): BodyNode {
    return this.#derive({ key, value, append: false });
  }

  /** A node without the field `key`. */
  remove(key: string): BodyNode {
    return this.#derive({ key, value: removed, append: false });
  }

  /** A node whose array field `key` has `items` (a frozen array of deep-frozen values) appended. */
  append(key: string, items: readonly unknown[]): BodyNode {
    return this.#derive({ key, value: items, append: true });
  }

  #derive(change: Change): BodyNode {
    this.#derivations++;
    if (this.#derivations === 2) this.#textBase = undefined;
    if (this.#links >= MAX_LINKS) this.verdict(); // makes the body and the verdict: lets go of the parent
    return new BodyNode(undefined, this, change);
  }

  /**
   * Whether later derivations build on this node's own body and verdict rather than past it: a root,
   * or a preset (derived from more than once). A node that let go of its parent is not one by that
   * alone: the walks stop at it anyway (its body and verdict are known), and its derivations must not
   * splice from it, or each turn of a conversation would hold the one before.
   */
  #isBase(): boolean {
    // A root (`chat()`, a preset from JSON) is the one node made without a change.
    return this.#change === undefined || this.#derivations > 1;
  }

  /** The frozen wire body. */
  body(): Readonly<Body> {
    if (this.#body !== undefined) return this.#body;
    const changes: Change[] = [];
    let node: BodyNode = this;
    // Walk up to a node with a body, or to a preset (made first, for its other derivations to share).
    while (node.#body === undefined && (node === this || !node.#isBase())) {
      changes.push(node.#change as Change);
      node = node.#parent as BodyNode;
    }
    const base = node.body() as Fields;
    const patch = fold(base, changes);
    // New values are deep-frozen before they arrive and only top-level fields are assigned, so the
    // root is the one new object: immer's auto-freeze (off on our instance) would only re-walk them.
    const body = immer.produce(base, (draft: Fields) => {
      for (const key in patch) {
        if (patch[key] === removed) delete draft[key];
        else draft[key] = patch[key];
      }
    });
    this.#body = Object.freeze(body);
    return this.#body;
  }

  /**
   * The body as JSON text, the same as `JSON.stringify(body())`. Spliced from the nearest preset's
   * text: its fields this body shares are not serialized again, and an array that only grew (the
   * messages) costs its new items. Not kept: a million derived requests must not hold a million texts.
   */
  text(): string {
    const body = this.body() as Fields;
    const base = this.#textBase;
    if (base === undefined) return JSON.stringify(body);
    const texts = base.#texts();
    if (texts.size === 0) return JSON.stringify(body);
    const baseBody = base.body() as Fields;
    let text = '';
    for (const key of Object.keys(body)) {
      const field = fieldText(key, body[key], baseBody[key], texts.get(key));
      if (field !== undefined) text += text === '' ? `{${field}` : `,${field}`;
    }
    return text === '' ? '{}' : `${text}}`;
  }

  /** Each field's JSON text, made once (for a preset, whose derivations splice from it). */
  #texts(): ReadonlyMap<string, string> {
    if (this.#fieldTexts !== undefined) return this.#fieldTexts;
    const body = this.body() as Fields;
    const texts = new Map<string, string>();
    for (const key of Object.keys(body)) {
      const field = fieldText(key, body[key], undefined, undefined);
      if (field !== undefined) texts.set(key, field);
    }
    this.#fieldTexts = texts;
    return texts;
  }

  /** What validating the body concluded (`undefined`: a field is invalid), computed once. */
  verdict(): Verdict | undefined {
    const body = this.body() as Fields;
    if (this.#verdictKnown) {
      // Made before a defineModels() call: the model rules may judge differently now.
      if (this.#verdict !== undefined && this.#verdict.declarations !== declarationsVersion()) {
        this.#verdict = deriveVerdict(undefined, [], body);
      }
      return this.#verdict;
    }
    // Walk up to the nearest node with a verdict or a preset, noting each field changed since and
    // whether it only had items appended.
    const changes: Change[] = [];
    let node: BodyNode = this;
    while (node.#parent !== undefined && (node === this || !(node.#verdictKnown || node.#isBase()))) {
      changes.push(node.#change as Change);
      node = node.#parent;
    }
    let base: Verdict | undefined;
    let changed: ChangedField[] = [];
    if (node !== this) {
      base = node.verdict();
      changed = changedFields(node.body() as Fields, changes);
    }
    this.#verdict = deriveVerdict(base, changed, body);
    this.#verdictKnown = true;
    this.#parent = undefined;
    this.#links = 0;
    return this.#verdict;
  }
}

/**
 * One field as JSON text (`undefined` when JSON.stringify would leave it out), reusing the base's
 * text when the value is the base's, or when it is the base's array with items appended.
 */
function fieldText(key: string, value: unknown, baseValue: unknown, baseText: string | undefined) {
  if (baseText !== undefined) {
    if (value === baseValue) return baseText;
    if (Array.isArray(value) && Array.isArray(baseValue) && startsWith(value, baseValue)) {
      // `[...]` of the new items (as an array serializes them), joined onto the base's without its `]`.
      const items: unknown[] = [];
      for (let index = baseValue.length; index < value.length; index++) items.push(value[index]);
      const added = JSON.stringify(items);
      return baseValue.length === 0
        ? `${baseText.slice(0, -2)}${added}`
        : `${baseText.slice(0, -1)},${added.slice(1)}`;
    }
  }
  const json = JSON.stringify(value);
  return json === undefined ? undefined : `${JSON.stringify(key)}:${json}`;
}

/** Whether `array` begins with every item of `prefix` (the same values, not copies). */
function startsWith(array: readonly unknown[], prefix: readonly unknown[]): boolean {
  if (array.length <= prefix.length) return false;
  for (let index = 0; index < prefix.length; index++) if (array[index] !== prefix[index]) return false;
  return true;
}

/** The fields `changes` touch, each with the base length of an array field that only grew. */
function changedFields(base: Fields, changes: readonly Change[]): ChangedField[] {
  const fields: ChangedField[] = [];
  const replaced: string[] = [];
  for (const { key, append } of changes) {
    if (!append && !replaced.includes(key)) replaced.push(key);
  }
  for (const { key } of changes) {
    if (fields.some((field) => field.key === key)) continue;
    const before = base[key];
    const grewFrom = Array.isArray(before) ? before.length : before === undefined ? 0 : undefined;
    fields.push(replaced.includes(key) || grewFrom === undefined ? { key } : { key, grewFrom });
  }
  return fields;
}

/**
 * The pending changes (newest first, as the walk up found them) folded into one set of top-level
 * fields, oldest applied first; appends to one field are joined into one new array. Appending to a
 * field that holds something other than an array replaces it: the old value was invalid anyway, and
 * making a body must never throw.
 */
function fold(base: Fields, changes: readonly Change[]): Fields {
  const patch: Fields = {};
  // The arrays this fold made, appended to in place until the end and then frozen.
  const made: unknown[][] = [];
  for (let index = changes.length - 1; index >= 0; index--) {
    const { key, value, append } = changes[index] as Change;
    const items = value as readonly unknown[];
    if (!append) {
      patch[key] = value;
      continue;
    }
    const earlier: unknown = Object.hasOwn(patch, key) ? patch[key] : base[key];
    const current = earlier === removed ? undefined : earlier;
    if (made.includes(current as unknown[])) {
      for (const item of items) (current as unknown[]).push(item);
    } else {
      // Spread, not concat or slice: both take a slow path on frozen arrays (measured 2-3x). A value
      // that is not an array (a JavaScript caller's `functions(null)`) is replaced, not appended to.
      const array = Array.isArray(current) ? [...current, ...items] : [...items];
      patch[key] = array;
      made.push(array);
    }
  }
  for (const array of made) Object.freeze(array);
  return patch;
}
