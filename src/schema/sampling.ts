import * as v from 'valibot';
import { flag, integerBetween, numberBetween, stringMap, stringOr, text } from './primitives.js';

/*
 * Sampling parameters: how tokens are picked.
 * @see https://platform.openai.com/docs/api-reference/chat/create
 */

/** `temperature`: 0 to 2. */
export const temperatureSchema = v.nullable(numberBetween('temperature', 0, 2));

/** `top_p`: 0 to 1. */
export const topPSchema = v.nullable(numberBetween('top_p', 0, 1));

/** `frequency_penalty`: -2 to 2. */
export const frequencyPenaltySchema = v.nullable(numberBetween('frequency_penalty', -2, 2));

/** `presence_penalty`: -2 to 2. */
export const presencePenaltySchema = v.nullable(numberBetween('presence_penalty', -2, 2));

/** The int64 range the API reads `seed` into (2^63 itself is a double just past the maximum). */
const INT64_LIMIT = 2 ** 63;

/** `seed`: a 64-bit integer (best-effort determinism). */
export const seedSchema = v.nullable(
  v.pipe(
    v.number('seed must be an integer'),
    v.check(
      (value) => Number.isInteger(value) && value >= -INT64_LIMIT && value < INT64_LIMIT,
      'seed must be an integer in the 64-bit range (-2^63 to 2^63 - 1)',
    ),
  ),
);

/** `stop`: one string, or 1 to 4 strings. */
export const stopSchema = v.nullable(
  stringOr(
    v.string(),
    v.pipe(
      v.array(text('each stop sequence'), 'stop must be a string or an array of 1 to 4 strings'),
      v.minLength(1, 'stop must hold 1 to 4 strings (leave it out for none)'),
      v.maxLength(4, 'stop must hold 1 to 4 strings'),
    ),
  ),
);

/** A token id as the API spells it in `logit_bias`: a decimal integer without leading zeros. */
const TOKEN_ID = /^(?:0|[1-9]\d*)$/;

/** `logit_bias`: token id (a digit string) to an integer bias from -100 to 100. */
export const logitBiasSchema = v.nullable(
  stringMap(
    'logit_bias',
    (key) => TOKEN_ID.test(key),
    (key) => `logit_bias keys must be token ids (digit strings such as "50256"), got ${JSON.stringify(key)}`,
    integerBetween('logit_bias values', -100, 100),
  ),
);

/** `logprobs`. */
export const logprobsSchema = v.nullable(flag('logprobs'));

/**
 * `top_logprobs`: an integer from 0 to 20 (needs `logprobs: true`, a cross-field rule). Unlike most
 * fields it is not nullable: the official schema's `CreateModelResponseProperties` types it `integer`.
 */
export const topLogprobsSchema = integerBetween('top_logprobs', 0, 20);
