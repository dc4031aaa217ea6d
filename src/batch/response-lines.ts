import type { BatchOutputLine } from '../wire/batch.js';

/**
 * The lines of a response body, decoded and split as they arrive: a batch file is read a chunk at a
 * time, never held whole. Empty lines are skipped.
 */
export async function* responseLines(response: Response): AsyncGenerator<string> {
  if (response.body === null) return;
  const decoder = new TextDecoder();
  let rest = '';
  for await (const bytes of response.body as unknown as AsyncIterable<Uint8Array>) {
    rest += decoder.decode(bytes, { stream: true });
    let start = 0;
    for (let end = rest.indexOf('\n'); end !== -1; end = rest.indexOf('\n', start)) {
      if (end > start) yield rest.slice(start, end);
      start = end + 1;
    }
    rest = rest.slice(start);
  }
  rest += decoder.decode();
  if (rest.trim() !== '') yield rest;
}

/**
 * One line of a batch file as JSON, if it is an object with a string `custom_id` (an input line or
 * an output line); `undefined` otherwise: a line with no id can be matched to no request.
 */
export function parseLine(text: string): BatchOutputLine | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const line = value as Partial<BatchOutputLine>;
  return typeof line.custom_id === 'string' ? (line as BatchOutputLine) : undefined;
}
