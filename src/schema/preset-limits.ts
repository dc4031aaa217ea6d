import type { ValidationIssue } from '../errors/validation-error.js';

/**
 * What reading a hostile preset may cost, bounded (a preset is often a file someone else wrote):
 * - `maxUnknownFieldIssues`: unknown top-level fields reported one by one, each with its "did you
 *   mean"; the rest are counted in one more issue;
 * - `maxQuotedNameLength`: how much of an unknown name a message quotes;
 * - `fullReportValues`: a preset of more JSON values (objects, arrays, strings, numbers...) that
 *   fails validation reports its first problem only: collecting a million issues takes seconds;
 * - `maxTextKeys`, `maxTextContainers`, `maxTextValues`: the most different object keys (at any
 *   depth), objects and arrays, and JSON values a preset's JSON text may hold. A text with more is
 *   refused before it is parsed: `JSON.parse` alone takes seconds on millions of different keys or
 *   of tiny objects (measured in docs/benchmarks.md), whatever is done with the result. Real presets
 *   are far below (the API itself takes at most 5,000 properties in a structured-output schema).
 * - `maxTextShapes`: the most different object shapes (key sequences, in order: `{"a":0,"b":0}` and
 *   `{"b":0,"a":0}` are two) a preset's JSON text may hold, refused the same way: the engine makes a
 *   hidden class for each, and reading a million objects that cycle through 2,000 shapes already
 *   takes 1.3 s (1,000 shapes: 0.7 s; measured in docs/benchmarks.md). A real preset has a few
 *   hundred at most (its messages' and tools' JSON Schemas' different key sets);
 * - `shapesFromLength`: the text length (characters) from which `maxTextShapes` applies. A shorter
 *   text parses fast whatever its shapes (measured: 200,000 objects of 2 keys drawn from 49,000
 *   names, one shape nearly each, 4.7 MB, 0.2 s in `JSON.parse`), while the API's largest
 *   structured-output schemas may have more than 1,000 shapes: those are not refused.
 */
export const presetLimits = /* @__PURE__ */ Object.freeze({
  maxUnknownFieldIssues: 20,
  maxQuotedNameLength: 60,
  fullReportValues: 100_000,
  maxTextKeys: 50_000,
  maxTextContainers: 1_500_000,
  maxTextValues: 3_200_000,
  maxTextShapes: 1_000,
  shapesFromLength: 4_000_000,
});

/** The issue counting the unknown fields past `maxUnknownFieldIssues`, when there are any. */
export function unlistedFieldsIssue(unknown: number): ValidationIssue | undefined {
  const unlisted = unknown - presetLimits.maxUnknownFieldIssues;
  if (unlisted <= 0) return undefined;
  return { path: '', message: `and ${unlisted} more unknown fields (not listed)`, input: undefined };
}
