import { PartialJsonParser } from '../stream/partial-json-parser.js';

/**
 * Parses the JSON received so far of a value still streaming in: open strings, arrays and objects are
 * closed where the text stops; a key without its value, and a number that may still grow, are left
 * out (`'{"pi": 3.'` gives `{}`, `'[1'` gives `[]`, `'[1,'` gives `[1]`). Returns `undefined` when
 * nothing can be read yet. Never throws: text that is not JSON (or a prefix of it) gives `undefined`.
 *
 * The one-shot form of {@link PartialJsonParser}, and always its value for the same text, however
 * that text was cut into pieces. To follow a stream, push each piece into one parser instead:
 * calling this at every piece re-reads the whole text each time.
 *
 * @example
 * parsePartialJson('{"city": "Par'); // { city: 'Par' }
 */
export function parsePartialJson(text: string): unknown {
  const parser = new PartialJsonParser();
  parser.push(text);
  return parser.value;
}
