/**
 * `text` up to `max` characters, saying how long it was when cut: for quoting what a caller or a
 * server sent (a key, a body) in an error message, whose length must not depend on theirs.
 */
export function cutText(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max)}... (${text.length} characters)`;
}
