/** `topP`, `TOP_P` and `top-p` all normalise to `topp`, the way people misspell names. */
const loose = (name: string) => name.toLowerCase().replace(/[_-]/g, '');

/** Longer names are no misspelling of a known one: no search is made for them (it would cost). */
const maxSuggestedNameLength = 40;

/**
 * Edit distance counting a swap of two neighbours as one edit (`tiemout`, `singal`): the typos people
 * make. Only ever run on short names (see maxSuggestedNameLength).
 */
function distance(a: string, b: string): number {
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      let d = Math.min(
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        d = Math.min(d, (before[j - 2] ?? 0) + 1);
      }
      current[j] = d;
    }
    before = previous;
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/**
 * The name of `known` that `name` most likely misspells, for a "did you mean": the same letters in
 * another case or separator style (`baseUrl`), else at most two edits away, and only when the name
 * has more than `lettersPerEdit` letters for each edit (a short name two edits from another is as
 * likely a different name).
 *
 * @example
 * closestName('tiemout', ['timeout', 'maxRetries'], 3); // 'timeout'
 */
export function closestName(
  name: string,
  known: Iterable<string>,
  lettersPerEdit: number,
): string | undefined {
  if (name.length > maxSuggestedNameLength) return undefined;
  const candidates = [...known];
  const wanted = loose(name);
  for (const candidate of candidates) if (loose(candidate) === wanted) return candidate;
  let best: string | undefined;
  let bestDistance = 3;
  for (const candidate of candidates) {
    // The distance is at least the difference in length: skip what cannot beat the best so far.
    if (Math.abs(candidate.length - name.length) >= bestDistance) continue;
    const d = distance(name, candidate);
    if (d < bestDistance && d * lettersPerEdit < name.length) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}
