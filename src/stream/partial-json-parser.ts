/**
 * Reads JSON text that arrives in pieces (a streamed structured answer, a tool call's arguments) and
 * keeps the value visible so far: open strings, arrays and objects are shown as they stand; a key
 * still arriving, a key without its value, and a number that may still grow are left out.
 *
 * Built for streams: each `push()` costs work proportional to its text plus the depth of the value
 * being built, never to the text so far. Successive values share every subtree that did not change
 * (compare by identity to re-render only what changed); a value once read is never changed again.
 *
 * What a value may hold:
 * - a string is shown as it arrives (an escape, or a surrogate pair, cut in half waits for its end);
 * - a number is shown once it cannot grow any more: `[1` shows `[]`, `[1,` and `[1]` show `[1]`,
 *   `{"pi": 3.` shows `{}` (a number at the root is shown at `end()`);
 * - `true`, `false` and `null` are shown once their last letter arrives;
 * - an object member is shown once its value is: a string or container as soon as it opens.
 *
 * Text that is not JSON (or a prefix of it) stops the parser: `error` says why, `value` becomes
 * `undefined`, and later text is ignored. Text after the root value other than whitespace is an error.
 *
 * @example
 * const parser = new PartialJsonParser();
 * parser.push('{"city": "Par');
 * parser.value; // { city: 'Par' }
 * parser.push('is", "tags": ["a"');
 * parser.value; // { city: 'Paris', tags: ['a'] }
 */
export class PartialJsonParser {
  #mode: Mode = VALUE;
  /** The root value as last built (a container is shared with the last value read). */
  #root: unknown;
  /** The containers still open, outermost first. */
  readonly #stack: Frame[] = [];
  /**
   * How many frames (from the root) hold a container handed out by `value`: those are copied before
   * their next change, so a value once read never changes. Always a prefix of the stack.
   */
  #shared = 0;
  #changed = false;
  /** Copies of container members the text so far pays for (see `due`). */
  #allowance = 0;
  /** Characters pushed before the current piece (for error positions). */
  #offset = 0;
  #error: SyntaxError | undefined;

  // The string being read.
  #isKey = false;
  /** Its text so far (a V8 rope: appending is O(1)), without a held high surrogate. */
  #text = '';
  /** A high surrogate at the end of the text, held back until its low half arrives (or the string ends). */
  #held = '';
  /** Whether `#text` grew since it was last written into the value. */
  #textGrew = false;
  /** 0: no escape; 1: after a backslash; 2 to 5: reading the hex digits of a `\u` escape. */
  #escape = 0;
  #hex = 0;

  // The number or literal being read.
  #token = '';
  #numberState = 0;
  #literal = '';

  /** Adds the next piece of text. */
  push(text: string): void {
    if (this.#mode === FAILED) return;
    this.#allowance = Math.min(this.#allowance + text.length * copiesPerCharacter, maxAllowance);
    const end = text.length;
    let at = 0;
    while (at < end && this.#mode !== FAILED) at = this.#step(text, at);
    this.#offset += end;
    if (this.#textGrew && !this.#isKey && this.#mode === STRING) this.#writeString();
  }

  /** The text is complete: a number at the root ends here (anywhere else, it waits for what closes it). */
  end(): void {
    if (this.#mode !== NUMBER || this.#stack.length > 0) return;
    if (numberComplete(this.#numberState)) this.#endNumber();
    else this.#fail(0, 'a digit');
  }

  /**
   * The value so far: `undefined` until something of it can be shown, or once the text is not JSON.
   * Reading it hands the value out: the parser copies (rather than changes) what it holds later.
   */
  get value(): unknown {
    this.#allowance -= this.#readCost();
    this.#shared = this.#stack.length;
    this.#changed = false;
    return this.#root;
  }

  /** Whether the value changed since `value` was last read. */
  get changed(): boolean {
    return this.#changed;
  }

  /**
   * Whether a reader that follows every change should read `value` now: it changed, and the copies
   * that reading makes the parser do later are paid for by the text pushed since the last read (32
   * members a character). Reading copies the open arrays and objects once (every member), so with
   * a very wide one open (more than 128 members for 4-character pieces) it becomes due every few
   * pushes rather than at each: the work stays proportional to the text. `partials()` reads when due.
   */
  get due(): boolean {
    if (!this.#changed) return false;
    return Math.min(this.#readCost(), maxAllowance) <= this.#allowance;
  }

  /**
   * What reading the value now makes the parser copy later: every member of every open container. A
   * container of more than 16,384 members counts 16 times: V8 allocates a copy that large in its
   * large-object space, and each costs (with the garbage collection it brings) over ten times as much
   * a member (bench/structured-stream.bench.ts, the array of 100,000 numbers).
   */
  #readCost(): number {
    let cost = 0;
    for (const frame of this.#stack) cost += frame.width <= largeWidth ? frame.width : frame.width * 16;
    return cost;
  }

  /** Why the text is not JSON; `undefined` while it may still be. */
  get error(): SyntaxError | undefined {
    return this.#error;
  }

  /** Reads from `at` in the current mode; returns where to continue. */
  #step(text: string, at: number): number {
    switch (this.#mode) {
      case STRING:
        return this.#escape === 0 ? this.#readString(text, at) : this.#readEscape(text, at);
      case NUMBER:
        return this.#readNumber(text, at);
      case LITERAL:
        return this.#readLiteral(text, at);
    }
    const code = text.charCodeAt(at);
    if (code === SPACE || code === LF || code === CR || code === TAB) return at + 1;
    switch (this.#mode) {
      case VALUE:
        return this.#startValue(text, at, code);
      case AFTER_VALUE:
        return this.#afterValue(at, code);
      case KEY:
        if (code === QUOTE) return this.#startString(true, at);
        if (code === CLOSE_BRACE && this.#top()?.width === 0) return this.#close(at);
        return this.#fail(at, 'a key');
      default:
        if (code === COLON) {
          this.#mode = VALUE;
          return at + 1;
        }
        return this.#fail(at, 'a colon');
    }
  }

  #startValue(text: string, at: number, code: number): number {
    if (code === QUOTE) {
      this.#attach('', true);
      return this.#startString(false, at);
    }
    if (code === OPEN_BRACE) return this.#open({ isArray: false, container: {}, key: '', width: 0 }, at);
    if (code === OPEN_BRACKET) return this.#open({ isArray: true, container: [], key: '', width: 0 }, at);
    if (code === MINUS || (code >= DIGIT_0 && code <= DIGIT_9)) {
      this.#mode = NUMBER;
      this.#token = '';
      this.#numberState = N_START;
      return this.#readNumber(text, at);
    }
    const literal = code === LOWER_T ? 'true' : code === LOWER_F ? 'false' : code === LOWER_N ? 'null' : '';
    if (literal !== '') {
      this.#mode = LITERAL;
      this.#literal = literal;
      this.#token = '';
      return this.#readLiteral(text, at);
    }
    // `[]` closes an empty array; a `]` after a comma is a trailing comma, which JSON refuses.
    const top = this.#top();
    if (code === CLOSE_BRACKET && top?.isArray === true && top.width === 0) return this.#close(at);
    return this.#fail(at, 'a value');
  }

  #afterValue(at: number, code: number): number {
    const top = this.#top();
    if (top === undefined) return this.#fail(at, 'the end of the text');
    if (code === COMMA) {
      this.#mode = top.isArray ? VALUE : KEY;
      return at + 1;
    }
    if (code === (top.isArray ? CLOSE_BRACKET : CLOSE_BRACE)) return this.#close(at);
    return this.#fail(at, top.isArray ? 'a comma or "]"' : 'a comma or "}"');
  }

  #open(frame: Frame, at: number): number {
    this.#attach(frame.container, true);
    this.#stack.push(frame);
    this.#mode = frame.isArray ? VALUE : KEY;
    return at + 1;
  }

  #close(at: number): number {
    this.#stack.pop();
    if (this.#shared > this.#stack.length) this.#shared = this.#stack.length;
    this.#mode = AFTER_VALUE;
    return at + 1;
  }

  #startString(isKey: boolean, at: number): number {
    this.#mode = STRING;
    this.#isKey = isKey;
    this.#text = '';
    this.#held = '';
    this.#textGrew = false;
    this.#escape = 0;
    return at + 1;
  }

  /** A run of plain characters up to a quote, a backslash or the end of the piece. */
  #readString(text: string, at: number): number {
    let end = at;
    const length = text.length;
    for (; end < length; end++) {
      const code = text.charCodeAt(end);
      if (code === QUOTE || code === BACKSLASH) break;
    }
    if (end > at) this.#append(end - at === length ? text : text.slice(at, end));
    if (end === length) return end;
    if (text.charCodeAt(end) === BACKSLASH) {
      this.#escape = 1;
      return end + 1;
    }
    this.#endString();
    return end + 1;
  }

  #readEscape(text: string, at: number): number {
    const char = text[at] as string;
    if (this.#escape === 1) {
      if (char === 'u') {
        this.#escape = 2;
        this.#hex = 0;
        return at + 1;
      }
      const unescaped = escapes[char];
      if (unescaped === undefined) return this.#fail(at, 'an escape');
      this.#escape = 0;
      this.#append(unescaped);
      return at + 1;
    }
    const digit = hexValue(text.charCodeAt(at));
    if (digit < 0) return this.#fail(at, 'a hex digit');
    this.#hex = this.#hex * 16 + digit;
    if (this.#escape === 5) {
      this.#escape = 0;
      this.#append(String.fromCharCode(this.#hex));
    } else {
      this.#escape++;
    }
    return at + 1;
  }

  /** Adds characters to the string, holding back a high surrogate at the end until its pair arrives. */
  #append(piece: string): void {
    let text = this.#held === '' ? piece : this.#held + piece;
    const last = text.charCodeAt(text.length - 1);
    if (last >= HIGH_SURROGATE_FIRST && last <= HIGH_SURROGATE_LAST) {
      this.#held = text[text.length - 1] as string;
      text = text.slice(0, -1);
    } else {
      this.#held = '';
    }
    if (text === '') return;
    this.#text += text;
    this.#textGrew = true;
  }

  #endString(): void {
    this.#escape = 0;
    if (this.#held !== '') {
      this.#text += this.#held;
      this.#held = '';
      this.#textGrew = true;
    }
    if (this.#isKey) {
      (this.#top() as Frame).key = this.#text;
      this.#mode = AFTER_KEY;
    } else {
      if (this.#textGrew) this.#writeString();
      this.#mode = AFTER_VALUE;
    }
    this.#text = '';
  }

  #writeString(): void {
    this.#textGrew = false;
    this.#attach(this.#text, false);
  }

  #readNumber(text: string, at: number): number {
    const start = at;
    const length = text.length;
    let state = this.#numberState;
    for (; at < length; at++) {
      const next = numberStep(state, text.charCodeAt(at));
      if (next === N_END) break;
      state = next;
    }
    this.#numberState = state;
    if (at > start) this.#token += text.slice(start, at);
    if (at === length) return at;
    if (!numberComplete(state)) return this.#fail(at, 'a digit');
    this.#endNumber();
    return at;
  }

  /** The number read is complete: it is shown. */
  #endNumber(): void {
    this.#mode = AFTER_VALUE;
    this.#attach(Number(this.#token), true);
  }

  #readLiteral(text: string, at: number): number {
    const literal = this.#literal;
    let index = this.#token.length;
    const start = at;
    for (; at < text.length && index < literal.length; at++, index++) {
      if (text.charCodeAt(at) !== literal.charCodeAt(index)) return this.#fail(at, `"${literal}"`);
    }
    this.#token += text.slice(start, at);
    if (index === literal.length) {
      this.#mode = AFTER_VALUE;
      this.#attach(literal === 'true' ? true : literal === 'false' ? false : null, true);
    }
    return at;
  }

  /**
   * Puts a value where the text is: the root, a new element or member (`added`), or the last
   * element or current member again (a string that grew). Copies the open containers first when
   * they were handed out.
   */
  #attach(value: unknown, added: boolean): void {
    this.#changed = true;
    const stack = this.#stack;
    if (stack.length === 0) {
      this.#root = value;
      return;
    }
    if (this.#shared > 0) this.#copyPath();
    const top = stack[stack.length - 1] as Frame;
    if (top.isArray) {
      const array = top.container as unknown[];
      if (added) {
        array.push(value);
        top.width++;
      } else {
        array[array.length - 1] = value;
      }
    } else {
      const object = top.container as Record<string, unknown>;
      if (added) top.width++;
      setMember(object, top.key, value);
    }
  }

  /** Copies every open container (a value read holds them), outermost first, relinking each copy. */
  #copyPath(): void {
    const stack = this.#stack;
    let parent: Frame | undefined;
    for (const frame of stack) {
      const copy = frame.isArray
        ? (frame.container as unknown[]).slice()
        : // Spreading defines properties, so an own `__proto__` member stays one.
          { ...(frame.container as Record<string, unknown>) };
      frame.container = copy;
      if (parent === undefined) this.#root = copy;
      else if (parent.isArray) {
        const array = parent.container as unknown[];
        array[array.length - 1] = copy;
      } else setMember(parent.container as Record<string, unknown>, parent.key, copy);
      parent = frame;
    }
    this.#shared = 0;
  }

  #top(): Frame | undefined {
    return this.#stack[this.#stack.length - 1];
  }

  #fail(at: number, expected: string): number {
    this.#mode = FAILED;
    this.#root = undefined;
    this.#changed = false;
    this.#error = new SyntaxError(`Expected ${expected} at position ${this.#offset + at} of the JSON text.`);
    return Number.POSITIVE_INFINITY;
  }
}

/** An open array or object. */
interface Frame {
  readonly isArray: boolean;
  container: unknown[] | Record<string, unknown>;
  /** An object's member being read: the key its value goes under. */
  key: string;
  /** How many members were added: what copying it costs. */
  width: number;
}

/**
 * The copies of container members each character of text pays for. A copy costs a few nanoseconds a
 * member (with the garbage collection it causes), the rest of a stream's work several microseconds a
 * 4-character chunk. At 32 a character (128 a chunk) the copying per chunk stops growing once about a
 * hundred members are open, so the cost of partials stays flat as an answer grows
 * (bench/structured-stream.bench.ts: with 900 report sections open, a value about every seventh chunk).
 */
const copiesPerCharacter = 32;
/**
 * What a long stretch of text without reads may save up (a few milliseconds of copying); a read that
 * costs more is due once this much is saved.
 */
const maxAllowance = 4_000_000;
/** Members from which an array or object lands in V8's large-object space (128 KiB of pointers). */
const largeWidth = 16_384;

// What the parser expects next.
const VALUE = 0;
const STRING = 1;
const NUMBER = 2;
const LITERAL = 3;
const AFTER_VALUE = 4;
const KEY = 5;
const AFTER_KEY = 6;
const FAILED = 7;
type Mode = number;

// Where a number is: the states of JSON's number grammar.
const N_START = 0;
const N_MINUS = 1;
const N_ZERO = 2;
const N_INT = 3;
const N_DOT = 4;
const N_FRACTION = 5;
const N_E = 6;
const N_EXPONENT_SIGN = 7;
const N_EXPONENT = 8;
/** Not a character of the number: it ends before it. */
const N_END = -1;

function numberStep(state: number, code: number): number {
  const digit = code >= DIGIT_0 && code <= DIGIT_9;
  switch (state) {
    case N_START:
      return code === MINUS ? N_MINUS : code === DIGIT_0 ? N_ZERO : digit ? N_INT : N_END;
    case N_MINUS:
      return code === DIGIT_0 ? N_ZERO : digit ? N_INT : N_END;
    case N_ZERO:
      return code === DOT ? N_DOT : code === LOWER_E || code === UPPER_E ? N_E : N_END;
    case N_INT:
      return digit ? N_INT : code === DOT ? N_DOT : code === LOWER_E || code === UPPER_E ? N_E : N_END;
    case N_DOT:
      return digit ? N_FRACTION : N_END;
    case N_FRACTION:
      return digit ? N_FRACTION : code === LOWER_E || code === UPPER_E ? N_E : N_END;
    case N_E:
      return code === PLUS || code === MINUS ? N_EXPONENT_SIGN : digit ? N_EXPONENT : N_END;
    default:
      return digit ? N_EXPONENT : N_END;
  }
}

/** Whether a number may end in this state (`-`, `1.`, `1e` and `1e+` may not). */
function numberComplete(state: number): boolean {
  return state === N_ZERO || state === N_INT || state === N_FRACTION || state === N_EXPONENT;
}

function hexValue(code: number): number {
  if (code >= DIGIT_0 && code <= DIGIT_9) return code - DIGIT_0;
  const lower = code | 0x20;
  return lower >= 0x61 && lower <= 0x66 ? lower - 0x57 : -1;
}

/** Sets a member; defining keeps a `__proto__` key an own property, any other key is assigned (faster). */
function setMember(object: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') {
    Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
  } else {
    object[key] = value;
  }
}

const escapes: Readonly<Record<string, string>> = {
  n: '\n',
  t: '\t',
  r: '\r',
  b: '\b',
  f: '\f',
  '"': '"',
  '\\': '\\',
  '/': '/',
};

const TAB = 0x09;
const LF = 0x0a;
const CR = 0x0d;
const SPACE = 0x20;
const QUOTE = 0x22;
const PLUS = 0x2b;
const COMMA = 0x2c;
const MINUS = 0x2d;
const DOT = 0x2e;
const DIGIT_0 = 0x30;
const DIGIT_9 = 0x39;
const COLON = 0x3a;
const UPPER_E = 0x45;
const OPEN_BRACKET = 0x5b;
const BACKSLASH = 0x5c;
const CLOSE_BRACKET = 0x5d;
const LOWER_E = 0x65;
const LOWER_F = 0x66;
const LOWER_N = 0x6e;
const LOWER_T = 0x74;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const HIGH_SURROGATE_FIRST = 0xd800;
const HIGH_SURROGATE_LAST = 0xdbff;
