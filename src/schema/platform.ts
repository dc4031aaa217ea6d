import * as v from 'valibot';
import { closedObject } from './closed-object.js';
import {
  characterCount,
  fitsCharacters,
  flag,
  oneOf,
  PROTOTYPE_KEYS,
  shortText,
  stringMap,
  text,
} from './primitives.js';

/*
 * Platform fields: storage, metadata, service tier, prompt caching, end-user ids, moderation, web search.
 * @see https://platform.openai.com/docs/api-reference/chat/create
 */

/** `store`. */
export const storeSchema = v.nullable(flag('store'));

/**
 * `metadata`: at most 16 pairs, keys up to 64 characters, string values up to 512 characters
 * (characters are code points). The limits are the API reference's, not the official schema's
 * (docs/reference-differences.md).
 */
export const metadataSchema = v.nullable(
  v.pipe(
    stringMap(
      'metadata',
      (key) => fitsCharacters(key, 64) && !PROTOTYPE_KEYS.has(key),
      (key) =>
        PROTOTYPE_KEYS.has(key)
          ? `metadata cannot use the key "${key}"`
          : `metadata keys must be at most 64 characters (this one has ${characterCount(key)})`,
      shortText('metadata values', 512, '', 'metadata values must be strings'),
    ),
    v.maxEntries(16, (issue) => `metadata holds at most 16 pairs (got ${issue.received})`),
  ),
);

/** `service_tier`. */
export const serviceTierSchema = v.nullable(
  oneOf('service_tier', ['auto', 'default', 'flex', 'scale', 'priority', 'fast']),
);

/** `prompt_cache_key`. */
export const promptCacheKeySchema = v.nullable(text('prompt_cache_key'));

/**
 * `prompt_cache_retention`, spelled as the official schema does (`'in_memory'`); the create-params
 * reference list says `'in-memory'`, and the newer official schema wins (docs/reference-differences.md).
 */
export const promptCacheRetentionSchema = v.nullable(oneOf('prompt_cache_retention', ['in_memory', '24h']));

/** `prompt_cache_options` (newer API). */
export const promptCacheOptionsSchema = closedObject('prompt_cache_options', {
  ttl: v.exactOptional(oneOf('prompt_cache_options.ttl', ['30m'])),
  mode: v.exactOptional(oneOf('prompt_cache_options.mode', ['implicit', 'explicit'])),
});

/** `safety_identifier`: at most 64 characters (hash the user's id or email). */
export const safetyIdentifierSchema = v.nullable(shortText('safety_identifier', 64, '; hash long ids'));

/** `user` (deprecated). */
export const userSchema = text('user');

const moderationConfig = v.exactOptional(
  v.nullable(closedObject('moderation policy entry', { mode: oneOf('mode', ['score', 'block']) })),
);

/** `moderation` (newer API): a moderation model, optionally with a policy for input and output. */
export const moderationSchema = v.nullable(
  closedObject('moderation', {
    model: text('moderation.model'),
    policy: v.exactOptional(
      v.nullable(closedObject('moderation.policy', { input: moderationConfig, output: moderationConfig })),
    ),
  }),
);

/** `web_search_options`: how much context to search, and the user's approximate location. */
export const webSearchOptionsSchema = closedObject('web_search_options', {
  search_context_size: v.exactOptional(oneOf('search_context_size', ['low', 'medium', 'high'])),
  user_location: v.exactOptional(
    v.nullable(
      closedObject('user_location', {
        type: oneOf('user_location.type', ['approximate']),
        approximate: closedObject('user_location.approximate', {
          city: v.exactOptional(text('city')),
          country: v.exactOptional(text('country')),
          region: v.exactOptional(text('region')),
          timezone: v.exactOptional(text('timezone')),
        }),
      }),
    ),
  ),
});
