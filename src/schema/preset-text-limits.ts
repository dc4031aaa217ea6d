import type { ValidationIssue } from '../errors/validation-error.js';
import { type JsonTextLimits, scanJsonText } from '../internal/scan-json-text.js';
import { presetLimits, unlistedFieldsIssue } from './preset-limits.js';

const limits: JsonTextLimits = {
  keys: presetLimits.maxTextKeys,
  containers: presetLimits.maxTextContainers,
  values: presetLimits.maxTextValues,
  shapes: presetLimits.maxTextShapes,
};

/** The limits of a shorter text, which parses fast whatever its shapes (see `shapesFromLength`). */
const shortTextLimits: JsonTextLimits = { ...limits, shapes: Number.POSITIVE_INFINITY };

const what: Record<keyof JsonTextLimits, string> = {
  keys: 'different keys (field names)',
  containers: 'objects and arrays',
  values: 'JSON values',
  shapes: 'different object shapes (key sets in order)',
};

/**
 * The longest text that cannot pass a limit, so is parsed without a scan (which could find nothing):
 * a key takes at least 5 characters (`"k":0`), an object or array 2 (`[]`), a value 1 (shapes count
 * only in texts longer than this).
 */
const scanAbove = Math.min(5 * limits.keys, 2 * limits.containers, limits.values);

/**
 * Why a preset's JSON text is refused before it is parsed (see `presetLimits.maxText*`), or
 * `undefined` when it may be parsed. The issues name the limit passed (at the top-level field where it
 * was), then the unknown top-level fields met before the scan stopped, as a parsed preset's would
 * (`unknownField` words each, up to `maxUnknownFieldIssues`).
 */
export function textLimitIssues(
  text: string,
  isKnown: (field: string) => boolean,
  unknownField: (field: string, value: unknown) => ValidationIssue,
): ValidationIssue[] | undefined {
  if (text.length <= scanAbove) return undefined;
  const scan = scanJsonText(text, text.length > presetLimits.shapesFromLength ? limits : shortTextLimits);
  if (scan.exceeded === undefined) return undefined;
  // The limit first: it is why the text was refused, and a message lists only its first issues.
  const issues: ValidationIssue[] = [
    {
      path: scan.stoppedIn,
      message:
        `more than ${limits[scan.exceeded]} ${what[scan.exceeded]} in the JSON text, the most a preset may ` +
        'have (the count passed it here): refused before parsing, the rest unread',
      input: undefined,
    },
  ];
  let unknown = 0;
  for (const field of scan.topKeys) {
    if (!isKnown(field) && unknown++ < presetLimits.maxUnknownFieldIssues) {
      issues.push(unknownField(field, undefined));
    }
  }
  const unlisted = unlistedFieldsIssue(unknown);
  if (unlisted !== undefined) issues.push(unlisted);
  return issues;
}
