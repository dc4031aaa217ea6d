import * as v from 'valibot';
import { openObject } from './open-object.js';
import { presetRules } from './preset-rules.js';
import { requestEntries } from './request-entries.js';
import { ruleCheck } from './rule-check.js';
import { sendRules } from './send-rules.js';

/*
 * The two body schemas, built once at module load: validation runs on every send, so nothing here may
 * be rebuilt per call.
 *
 * The top level is open (open-object.ts): the builder's `extra()` fields for other providers travel in the
 * same body, and the official schema leaves the top level open too. `parsePreset` refuses unknown
 * top-level fields itself; every nested object is closed (closed-object.ts).
 */
const body = openObject(requestEntries, 'a chat completion request must be an object');

type BodyOutput = v.InferOutput<typeof body>;

/** A preset: every field optional, the preset rules checked. */
export const presetSchema = v.pipe(body, ruleCheck<BodyOutput>(presetRules));

/** A complete request: the preset rules, then the send rules. */
export const requestSchema = v.pipe(
  body,
  ruleCheck<BodyOutput>(presetRules),
  ruleCheck<BodyOutput>(sendRules),
);
