import * as v from 'valibot';
import { messageSchema } from './messages.js';
import { presetRules } from './preset-rules.js';
import { requestEntries } from './request-entries.js';
import { sendRules } from './send-rules.js';

type Body = { readonly [key: string]: unknown };

// The cross-field rules alone, over a body whose fields are already known to be valid.
const rulesOnly = v.pipe(v.unknown(), presetRules<unknown>(), sendRules<unknown>());

const entries: { readonly [key: string]: v.GenericSchema | undefined } = requestEntries;

/**
 * Whether `body`, derived from `base` (a body that passed `validateRequest`) by changing the one
 * top-level field `key`, is valid too, checking only what changed: that field (for `messages`, only
 * the messages appended after the base's, which are shared with it) and the cross-field rules.
 *
 * Builders are deeply frozen and share unchanged fields by identity, so the fields this skips are the
 * very values that passed before. `false` means "not shown valid this way": the caller then runs the
 * full validation, which reports every issue as usual, so both paths agree on every verdict.
 */
export function isValidDerived(body: Body, base: Body, key: string): boolean {
  const value = body[key];
  if (key === 'messages' && Array.isArray(value) && Array.isArray(base.messages)) {
    const before: readonly unknown[] = base.messages;
    if (value.length < before.length) return false;
    for (let index = 0; index < before.length; index++) if (value[index] !== before[index]) return false;
    for (let index = before.length; index < value.length; index++) {
      if (!v.safeParse(messageSchema, value[index]).success) return false;
    }
  } else {
    const schema = entries[key];
    if (schema === undefined || !v.safeParse(schema, value).success) return false;
  }
  return v.safeParse(rulesOnly, body).success;
}
