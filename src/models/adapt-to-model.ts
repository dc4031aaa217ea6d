import { capabilitiesOf } from './capabilities-of.js';
import { isSet } from './rule.js';

/** One rewrite `adaptToModel()` made: where, what was there, what is there now, and why. */
export interface ModelAdaptation {
  /** The dotted path of the field rewritten, as in `ValidationIssue.path`. */
  readonly path: string;
  /** The fields as they were. */
  readonly from: { readonly [field: string]: unknown };
  /** The fields as they are now. */
  readonly to: { readonly [field: string]: unknown };
  /** The model's rule that called for it, with its source. */
  readonly reason: string;
}

/** The adapted body and every change made to it (none when the body already fits its model). */
export interface ModelAdaptationResult<TBody> {
  readonly body: TBody;
  readonly changes: readonly ModelAdaptation[];
}

/**
 * Rewrites a request body to fit its model where a faithful rewrite exists, and reports each change.
 * Today that is one: `max_tokens` becomes `max_completion_tokens` on models that take only the
 * latter (o-series, gpt-5), which the API documents as its replacement. Nothing is ever dropped:
 * a parameter without a faithful rewrite stays, and validation names it. The input is not modified;
 * an unchanged body is returned as is. Opt-in: the builder never adapts on its own.
 *
 * @example
 * const { body, changes } = adaptToModel({ model: 'o3', messages: [{ role: 'user', content: 'Hi' }], max_tokens: 500 });
 * // body.max_completion_tokens === 500, and body has no max_tokens
 * // changes: [{ path: 'max_tokens', from: { max_tokens: 500 }, to: { max_completion_tokens: 500 }, reason: 'o3 ...' }]
 * @see https://platform.openai.com/docs/api-reference/chat/create#chat-create-max_completion_tokens
 */
export function adaptToModel<TBody extends { readonly [field: string]: unknown }>(
  body: TBody,
): ModelAdaptationResult<TBody> {
  const model = body.model;
  const caps = typeof model === 'string' ? capabilitiesOf(model) : undefined;
  if (caps === undefined || caps.maxTokens || !isSet(body.max_tokens)) return { body, changes: [] };
  const limit = body.max_tokens;
  // Both set with different limits: which one the caller meant is a guess, not a rewrite.
  if (isSet(body.max_completion_tokens) && body.max_completion_tokens !== limit) return { body, changes: [] };
  const { max_tokens: _dropped, ...rest } = body;
  const adapted = { ...rest, max_completion_tokens: limit } as unknown as TBody;
  const source = caps.sources.maxTokens ?? 'declared with defineModels()';
  return {
    body: adapted,
    changes: [
      {
        path: 'max_tokens',
        from: { max_tokens: limit },
        to: { max_completion_tokens: limit },
        reason: `${model} does not accept max_tokens; max_completion_tokens is its documented replacement [source: ${source}]`,
      },
    ],
  };
}
