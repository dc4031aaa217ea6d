/** JSON text that does not parse: where (1-based line and column, when the engine says) and why. */
export interface JsonTextProblem {
  readonly message: string;
  readonly line?: number;
  readonly column?: number;
}

/**
 * `JSON.parse(text)`, or the reason it fails with its line and column: the engine reports an offset
 * (`at position 12`, Node 20) or a line and column (newer engines), and people look for a line.
 */
export function parseJsonText(
  text: string,
): { ok: true; value: unknown } | { ok: false; problem: JsonTextProblem } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    const reason = (error instanceof Error ? error.message : String(error))
      .replace(/\s*\(line \d+ column \d+\)$/, '')
      .replace(/ in JSON at position \d+.*$/, '');
    const message = error instanceof Error ? error.message : '';
    const lineColumn = /\(line (\d+) column (\d+)\)/.exec(message);
    if (lineColumn !== null) {
      const [line, column] = [Number(lineColumn[1]), Number(lineColumn[2])];
      return { ok: false, problem: { message: `${reason} at line ${line}, column ${column}`, line, column } };
    }
    const position = /at position (\d+)/.exec(message);
    const offset = position === null ? text.length : Number(position[1]);
    const before = text.slice(0, offset).split('\n');
    const line = before.length;
    const column = (before.at(-1)?.length ?? 0) + 1;
    return { ok: false, problem: { message: `${reason} at line ${line}, column ${column}`, line, column } };
  }
}
