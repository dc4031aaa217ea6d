/**
 * Called once per dispatched server-sent event: its `data` (multi-line data joined with `\n`) and
 * its `event:` name (`undefined` when the event had none).
 */
export type SseEventHandler = (data: string, event: string | undefined) => void;

const LF = 10;
const CR = 13;
const COLON = 58;
const SPACE = 32;
const CR_OR_CRLF = /\r\n?/g;

/**
 * A push parser for `text/event-stream` bodies, following the WHATWG event-stream rules: LF, CRLF
 * and CR line ends, comments (`:` lines, used as keep-alives), multi-line `data:`, `event:` names.
 * Bytes may be split anywhere, including inside a UTF-8 character or between `\r` and `\n`.
 * `id:` and `retry:` are read and ignored: a chat completion is never resumed. One leniency beyond
 * the standard: spaces before a field name are skipped (a recorded OpenRouter stream has them).
 *
 * Speed: it works on decoded text, finds line ends with `indexOf` (native, vectorised) rather than a
 * per-character loop, and takes the common `data: ` line through a single `startsWith` + `slice`.
 * `\r` is rare in practice, so it is normalised to `\n` only in the decoded pieces that contain one.
 *
 * @example
 * const parser = new SseParser((data) => console.log(data));
 * parser.feed(new TextEncoder().encode('data: {"a":1}\n\n'));
 * parser.end();
 */
export class SseParser {
  readonly #onEvent: SseEventHandler;
  readonly #decoder = new TextDecoder();
  /** The start of a line whose end has not arrived yet. */
  #partial = '';
  /** The previous piece ended with `\r`: a `\n` opening the next piece belongs to that line end. */
  #afterCr = false;
  #data = '';
  #hasData = false;
  #event: string | undefined;

  constructor(onEvent: SseEventHandler) {
    this.#onEvent = onEvent;
  }

  /** Parses the next bytes of the body; dispatches every event they complete. */
  feed(bytes: Uint8Array): void {
    this.#text(this.#decoder.decode(bytes, { stream: true }));
  }

  /**
   * The body ended. Flushes the decoder and the last line. An event without its closing blank line
   * is dropped, as the standard says, so a body cut inside a JSON chunk is not parsed as a whole one;
   * the one exception is a trailing `[DONE]`, which some servers send without the blank line.
   */
  end(): void {
    this.#text(this.#decoder.decode());
    if (this.#partial.length > 0) {
      const line = this.#partial;
      this.#partial = '';
      this.#line(line, 0, line.length);
    }
    if (this.#hasData && this.#data === '[DONE]') this.#dispatch();
    this.#hasData = false;
    this.#data = '';
    this.#event = undefined;
  }

  #text(input: string): void {
    let text = input;
    if (text.length === 0) return;
    if (this.#afterCr) {
      this.#afterCr = false;
      if (text.charCodeAt(0) === LF) text = text.slice(1);
    }
    if (text.indexOf('\r') !== -1) {
      this.#afterCr = text.charCodeAt(text.length - 1) === CR;
      text = text.replace(CR_OR_CRLF, '\n');
    }
    let start = 0;
    if (this.#partial.length > 0) {
      // Finish the pending line first, scanning only the new text so a long line costs O(n).
      const nl = text.indexOf('\n');
      if (nl === -1) {
        this.#partial += text;
        return;
      }
      const line = this.#partial + text.slice(0, nl);
      this.#partial = '';
      this.#line(line, 0, line.length);
      start = nl + 1;
    }
    for (;;) {
      const nl = text.indexOf('\n', start);
      if (nl === -1) break;
      this.#line(text, start, nl);
      start = nl + 1;
    }
    if (start < text.length) this.#partial = start === 0 ? text : text.slice(start);
  }

  /** Handles the line `text[start, end)`. */
  #line(text: string, lineStart: number, end: number): void {
    if (lineStart === end) {
      this.#dispatch();
      return;
    }
    let start = lineStart;
    let first = text.charCodeAt(start);
    if (first === SPACE) {
      // Not in the standard (which would ignore the line as a field named " data"), but a recorded
      // OpenRouter stream opens with " data: {...}": dropping that chunk would lose data.
      do start++;
      while (start < end && text.charCodeAt(start) === SPACE);
      if (start === end) return;
      first = text.charCodeAt(start);
    }
    if (first === COLON) return;
    let value: string;
    let field: string;
    if (first === 100 && text.startsWith('data:', start)) {
      field = 'data';
      const from = text.charCodeAt(start + 5) === SPACE ? start + 6 : start + 5;
      value = text.slice(from, end);
    } else {
      const colon = text.indexOf(':', start);
      if (colon === -1 || colon >= end) {
        field = text.slice(start, end);
        value = '';
      } else {
        field = text.slice(start, colon);
        const from = text.charCodeAt(colon + 1) === SPACE ? colon + 2 : colon + 1;
        value = text.slice(from, end);
      }
    }
    if (field === 'data') {
      if (this.#hasData) this.#data += `\n${value}`;
      else {
        this.#data = value;
        this.#hasData = true;
      }
    } else if (field === 'event') {
      this.#event = value;
    }
  }

  #dispatch(): void {
    if (!this.#hasData) {
      this.#event = undefined;
      return;
    }
    const data = this.#data;
    const event = this.#event;
    this.#data = '';
    this.#hasData = false;
    this.#event = undefined;
    this.#onEvent(data, event);
  }
}
