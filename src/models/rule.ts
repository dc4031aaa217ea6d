// The shape of a cross-field rule of a request body, and the predicates the rules share: the model
// rules of this folder are written in it, and schema runs them (with its own rules) in one valibot check.

/** A request body as the cross-field rules see it: already through the field schemas, maybe with issues. */
export type Body = { readonly [key: string]: unknown };

/** Reports one broken rule at `path` (wire keys and array indexes from the body's root). */
export type Report = (path: readonly (string | number)[], message: string, input: unknown) => void;

/** A cross-field rule: the top-level fields it reads, and the check. */
export interface Rule {
  /**
   * Every top-level field the check reads (tests/schema/rule-reads.test.ts proves the lists complete).
   * A builder derived from a validated one re-runs only the rules that read a field it changed; and
   * when one of these fields already has an issue, the rule is skipped: its verdict would be noise.
   */
  readonly reads: readonly string[];
  /** Runs even when a field it reads is malformed: for rules that only look at which fields are set. */
  readonly runsWhenBroken?: boolean;
  readonly check: (body: Body, report: Report) => void;
}

/** Set and not `null` (the wire's two ways of saying "not set"). */
export function isSet(value: unknown): boolean {
  return value !== undefined && value !== null;
}

/** A non-empty array. */
export function hasItems(value: unknown): value is readonly unknown[] {
  return Array.isArray(value) && value.length > 0;
}

/** Whether the body asks for audio output (`'audio'` in `modalities`). */
export function wantsAudio(body: Body): boolean {
  return Array.isArray(body.modalities) && body.modalities.includes('audio');
}
