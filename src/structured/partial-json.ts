/**
 * Parses the JSON received so far of a value still streaming in: open strings, arrays and objects are
 * closed where the text stops; a key without its value, and a number or literal that may still grow,
 * are left out. Returns `undefined` when nothing can be read yet. Never throws on a prefix of valid
 * JSON; text that is not JSON at all gives `undefined`.
 *
 * @example
 * parsePartialJson('{"city": "Par'); // { city: 'Par' }
 */
export function parsePartialJson(text: string): unknown {
  const parser = new PartialParser(text);
  try {
    const value = parser.value();
    return value === incomplete ? undefined : value;
  } catch {
    return undefined;
  }
}

/** A value cut off before anything of it could be read. */
const incomplete: unique symbol = Symbol('incomplete');

class PartialParser {
  #at = 0;
  /** Whether the last string read had its closing quote. */
  #closed = false;
  readonly #text: string;

  constructor(text: string) {
    this.#text = text;
  }

  value(): unknown {
    this.#space();
    const char = this.#text[this.#at];
    if (char === undefined) return incomplete;
    if (char === '{') return this.#object();
    if (char === '[') return this.#array();
    if (char === '"') return this.#string();
    return this.#scalar();
  }

  #object(): Record<string, unknown> {
    this.#at++;
    const out: Record<string, unknown> = {};
    for (;;) {
      this.#space();
      const char = this.#text[this.#at];
      if (char === undefined) return out;
      if (char === '}') {
        this.#at++;
        return out;
      }
      if (char === ',') {
        this.#at++;
        continue;
      }
      if (char !== '"') throw new SyntaxError('expected a key');
      const key = this.#string();
      // A key still arriving is not a key yet.
      if (!this.#closed) return out;
      this.#space();
      if (this.#text[this.#at] === undefined) return out;
      if (this.#text[this.#at] !== ':') throw new SyntaxError('expected a colon');
      this.#at++;
      const value = this.value();
      if (value === incomplete) return out;
      // Defining keeps a `__proto__` key an own property; any other key is assigned, which is faster.
      if (key === '__proto__') {
        Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
      } else {
        out[key] = value;
      }
    }
  }

  #array(): unknown[] {
    this.#at++;
    const out: unknown[] = [];
    for (;;) {
      this.#space();
      const char = this.#text[this.#at];
      if (char === undefined) return out;
      if (char === ']') {
        this.#at++;
        return out;
      }
      if (char === ',') {
        this.#at++;
        continue;
      }
      const value = this.value();
      if (value === incomplete) return out;
      out.push(value);
    }
  }

  /** A string, closed where the text stops (an escape cut in half is left out). */
  #string(): string {
    const text = this.#text;
    let at = this.#at + 1;
    let out = '';
    while (at < text.length) {
      const char = text[at] as string;
      if (char === '"') {
        this.#at = at + 1;
        this.#closed = true;
        return out;
      }
      if (char === '\\') {
        const next = text[at + 1];
        if (next === undefined) break;
        if (next === 'u') {
          const hex = text.slice(at + 2, at + 6);
          if (hex.length < 4) break;
          out += String.fromCharCode(Number.parseInt(hex, 16));
          at += 6;
          continue;
        }
        out += escapes[next] ?? next;
        at += 2;
        continue;
      }
      out += char;
      at++;
    }
    this.#at = text.length;
    this.#closed = false;
    return out;
  }

  /** A number or literal; one that reaches the end of the text may still grow, so it is incomplete. */
  #scalar(): unknown {
    const match = /^(?:-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null)/.exec(this.#text.slice(this.#at));
    if (match === null) {
      if (/^[-\d.eE+tfrueasln]*$/.test(this.#text.slice(this.#at))) {
        this.#at = this.#text.length;
        return incomplete;
      }
      throw new SyntaxError('not JSON');
    }
    const token = match[0];
    this.#at += token.length;
    if (this.#at >= this.#text.length) return incomplete;
    return JSON.parse(token);
  }

  #space(): void {
    while (/\s/.test(this.#text[this.#at] ?? '')) this.#at++;
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
