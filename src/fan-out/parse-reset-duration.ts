const unitMs: Readonly<Record<string, number>> = { h: 3_600_000, m: 60_000, s: 1_000, ms: 1 };

/**
 * Milliseconds from a rate-limit reset header (`x-ratelimit-reset-requests`, `-tokens`): a Go-style
 * duration such as `6m0s`, `1s`, `20ms`, `1h2m3.5s` or `0.5s`. `undefined` for anything else.
 *
 * @example
 * parseResetDuration('6m0s'); // 360000
 * parseResetDuration('20ms'); // 20
 *
 * @see https://platform.openai.com/docs/guides/rate-limits#rate-limits-in-headers
 */
export function parseResetDuration(text: string | null | undefined): number | undefined {
  if (typeof text !== 'string') return undefined;
  const trimmed = text.trim();
  // `ms` is tried before `m`, so `20ms` is not read as 20 minutes and a stray `s`.
  const pattern = /(\d+(?:\.\d+)?)(ms|h|m|s)/gy;
  let total = 0;
  let matched = 0;
  for (let match = pattern.exec(trimmed); match !== null; match = pattern.exec(trimmed)) {
    total += Number(match[1]) * (unitMs[match[2] ?? ''] ?? Number.NaN);
    matched = pattern.lastIndex;
  }
  return matched > 0 && matched === trimmed.length && Number.isFinite(total) ? total : undefined;
}
