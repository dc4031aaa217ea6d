/** `topP`, `TOP_P` and `top-p` all normalise to `topp`, the way people misspell wire names. */
const loose = (name: string) => name.toLowerCase().replace(/[_-]/g, '');

/** Edit distance, for "did you mean" on typos; only ever run on short names. */
function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/**
 * The name of `names` that `name` most likely misspells: the same letters in another case or separator
 * style (`topP` for `top_p`), else at most two edits away, and only when `name` is long enough for that
 * to mean something (one edit in a five-letter name is another name, not a typo).
 */
export function closestName(name: string, names: Iterable<string>): string | undefined {
  for (const known of names) if (loose(known) === loose(name)) return known;
  let best: string | undefined;
  let bestDistance = 3;
  for (const known of names) {
    const d = distance(name, known);
    if (d < bestDistance && d * 5 < name.length) {
      best = known;
      bestDistance = d;
    }
  }
  return best;
}
