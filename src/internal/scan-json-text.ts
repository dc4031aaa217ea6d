/** How much of each kind a JSON text may hold before {@link scanJsonText} stops (a count above is "more"). */
export interface JsonTextLimits {
  /** Different object keys, at any depth (the same name in many objects counts once). */
  readonly keys: number;
  /** Objects and arrays. */
  readonly containers: number;
  /** Values of any kind: objects, arrays, strings, numbers, `true`, `false`, `null` (keys are not values). */
  readonly values: number;
  /**
   * Different object shapes: the sequences of keys objects have, in order (`{"a":0,"b":0}` and
   * `{"b":0,"a":0}` are two shapes; `{}` is one too). Arrays have none.
   */
  readonly shapes: number;
}

/** What {@link scanJsonText} found. */
export interface JsonTextScan {
  /** The limit the text passed, where the scan stopped; `undefined` when it passed none. */
  readonly exceeded: keyof JsonTextLimits | undefined;
  /** The top-level object's keys met before the scan stopped, each once, in text order. */
  readonly topKeys: readonly string[];
  /** The top-level key in whose value the scan stopped (`''`: in the top-level object itself). */
  readonly stoppedIn: string;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COLON = 0x3a;
const COMMA = 0x2c;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
/** The hash of an object's key sequence before its first key (any odd constant; FNV's offset basis). */
const EMPTY_SHAPE = 0x811c9dc5 | 0;

/**
 * Counts what a JSON text holds, without parsing it, and stops as soon as a count passes its limit.
 * `JSON.parse` of a text with millions of different keys, of tiny objects or of objects whose key
 * sequences differ takes seconds (the engine makes a hidden class for every key sequence), so a text
 * is measured before it is parsed; this walk costs a fraction of the parse (see docs/benchmarks.md).
 *
 * A shape is counted by a 32-bit hash of its key sequence. Two different sequences that hash alike
 * count once: a collision can only undercount, so it never refuses a text, and it cannot be aimed:
 * each key's code is drawn at random when the scan first meets it, so a text cannot be written to
 * collide. By chance, n shapes collide about n² / 2³³ times (under one for 50,000 shapes), which
 * lets a hostile text a shape or two past the limit, and no further.
 *
 * It tokenises strings exactly (escaped quotes, escaped backslashes, `\u` escapes in keys) and counts
 * brackets outside them; it does not check the rest of the grammar. Where the text is not JSON (a
 * string never closed, a key with a bad escape) or once its first value ends, it stops and reports
 * what it counted: `JSON.parse` then says what is wrong, and stops no later than this walk did, so
 * its cost stays bounded by the limits too.
 */
export function scanJsonText(text: string, limits: JsonTextLimits): JsonTextScan {
  // Each different key's random code (see above); its size is the count of different keys.
  const keys = new Map<string, number>();
  const shapes = new Set<number>();
  // The hash of the key sequence so far of each enclosing object (arrays hold a placeholder).
  const enclosing: number[] = [];
  let shape = EMPTY_SHAPE;
  const topKeys: string[] = [];
  const topSeen = new Set<string>();
  let containers = 0;
  let values = 0;
  let depth = 0;
  let topIsObject = false;
  let topKey = '';
  // No closure over the counters here: a variable a closure captures lives on the heap, and this loop
  // reads them for every token (measured slower).
  let exceeded: keyof JsonTextLimits | undefined;
  const length = text.length;
  let i = 0;
  while (i < length) {
    const code = text.charCodeAt(i);
    if (code === QUOTE) {
      // The closing quote: the next one, unless a backslash comes before it (then closingQuote decides).
      let end = text.indexOf('"', i + 1);
      if (end > 0 && text.charCodeAt(end - 1) === BACKSLASH) end = closingQuote(text, i);
      if (end < 0) break;
      let next = end + 1;
      // Outside strings, anything up to a space is whitespace in JSON (other control characters are
      // errors for JSON.parse to name).
      while (text.charCodeAt(next) <= 0x20) next++;
      if (text.charCodeAt(next) !== COLON) {
        if (++values > limits.values) {
          exceeded = 'values';
          break;
        }
        if (depth === 0) break;
        i = next;
        continue;
      }
      let key = text.slice(i + 1, end);
      if (key.includes('\\')) {
        try {
          key = JSON.parse(text.slice(i, end + 1)) as string;
        } catch {
          break;
        }
      }
      let code = keys.get(key);
      if (code === undefined) {
        code = (Math.random() * 0x1_0000_0000) | 0;
        keys.set(key, code);
        if (keys.size > limits.keys) {
          exceeded = 'keys';
          break;
        }
      }
      // FNV-style: mix the key's code in, then multiply, so that order matters.
      shape = Math.imul(shape ^ code, 0x01000193);
      if (depth === 1 && topIsObject) {
        topKey = key;
        if (!topSeen.has(key)) {
          topSeen.add(key);
          topKeys.push(key);
        }
      }
      i = next + 1;
      continue;
    }
    if (code === OPEN_OBJECT || code === OPEN_ARRAY) {
      if (depth === 0) topIsObject = code === OPEN_OBJECT;
      depth++;
      enclosing.push(shape);
      shape = EMPTY_SHAPE;
      if (++containers > limits.containers) {
        exceeded = 'containers';
        break;
      }
      if (++values > limits.values) {
        exceeded = 'values';
        break;
      }
      i++;
    } else if (code === CLOSE_OBJECT || code === CLOSE_ARRAY) {
      if (code === CLOSE_OBJECT && !shapes.has(shape)) {
        shapes.add(shape);
        if (shapes.size > limits.shapes) {
          exceeded = 'shapes';
          break;
        }
      }
      shape = enclosing.pop() ?? EMPTY_SHAPE;
      if (--depth <= 0) break;
      i++;
    } else if (code === COMMA || code <= 0x20) {
      i++;
    } else {
      // A number, `true`, `false` or `null` (or a stray character, for JSON.parse to name): one value.
      if (++values > limits.values) {
        exceeded = 'values';
        break;
      }
      i++;
      while (i < length && !endsPrimitive(text.charCodeAt(i))) i++;
      if (depth === 0) break;
    }
  }
  return { exceeded, topKeys, stoppedIn: depth > 1 ? topKey : '' };
}

function endsPrimitive(code: number): boolean {
  return (
    code === COMMA ||
    code === CLOSE_OBJECT ||
    code === CLOSE_ARRAY ||
    code === QUOTE ||
    code === COLON ||
    code === OPEN_OBJECT ||
    code === OPEN_ARRAY ||
    code <= 0x20
  );
}

/**
 * The index of the quote that closes the string opening at `start`, or -1 when it is never closed.
 * `indexOf` finds the next quote natively; a quote after an odd run of backslashes is escaped. A
 * string of many escaped quotes would cost an `indexOf` call each, so past the first one the rest is
 * read a character at a time (one pass however many escapes).
 */
function closingQuote(text: string, start: number): number {
  const quote = text.indexOf('"', start + 1);
  if (quote < 0 || text.charCodeAt(quote - 1) !== BACKSLASH) return quote;
  let before = quote - 1;
  while (text.charCodeAt(before) === BACKSLASH) before--;
  if ((quote - before) % 2 === 1) return quote;
  for (let i = quote + 1; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === QUOTE) return i;
    if (code === BACKSLASH) i++;
  }
  return -1;
}
