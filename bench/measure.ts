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

/** The median of `rounds` measurements. */
export function median(rounds: number, measure: () => number): number {
  const values = Array.from({ length: rounds }, measure).sort((a, b) => a - b);
  return values[Math.floor(values.length / 2)] ?? Number.NaN;
}
