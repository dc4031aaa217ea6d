// Small timing helpers for the CPU-bound benchmarks.

/** Runs `fn` repeatedly for about `ms` milliseconds (after a warm-up) and returns calls per second. */
export function opsPerSecond(fn: () => void, ms = 300): number {
  for (let i = 0; i < 2_000; i++) fn();
  let calls = 0;
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < ms) {
    for (let i = 0; i < 1_000; i++) fn();
    calls += 1_000;
    elapsed = performance.now() - start;
  }
  return (calls / elapsed) * 1_000;
}

/** The median of some figures (the mean of the middle two for an even count). */
export function medianOf(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  if (sorted.length === 0) return Number.NaN;
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

/** The median of `rounds` measurements. */
export function median(rounds: number, measure: () => number): number {
  return medianOf(Array.from({ length: rounds }, measure));
}
