import cl100k from 'gpt-tokenizer/encoding/cl100k_base';
import o200k from 'gpt-tokenizer/encoding/o200k_base';
import { capabilitiesOf } from '../models/capabilities-of.js';
import type { TokenEncoding } from '../models/model-capabilities.js';

/** Counts the tokens of one string in an encoding (special-token text counted as plain text). */
export type CountText = (text: string) => number;

/** The encoding a request is counted in, and whether it came from the catalog. */
export interface ResolvedEncoding {
  readonly name: TokenEncoding;
  readonly countText: CountText;
  /** False when the model is not in the catalog (nor declared): o200k_base is assumed. */
  readonly fromCatalog: boolean;
}

// User text may contain `<|endoftext|>` and the like: the API counts it as text, and gpt-tokenizer
// throws on special tokens unless told they are ordinary.
const asText = { disallowedSpecial: new Set<string>() } as const;

/**
 * A counter that remembers the counts of a few very short strings (roles, tool names): every message
 * costs its role, and the tokenizer's fixed cost per call is as large as encoding a short word.
 */
function counter(count: (text: string) => number): CountText {
  const short = new Map<string, number>();
  return (text) => {
    if (text.length > 16) return count(text);
    let tokens = short.get(text);
    if (tokens === undefined) {
      tokens = count(text);
      if (short.size < 1_000) short.set(text, tokens);
    }
    return tokens;
  };
}

const counters: { readonly [Name in TokenEncoding]: CountText } = {
  o200k_base: counter((text) => o200k.countTokens(text, asText)),
  cl100k_base: counter((text) => cl100k.countTokens(text, asText)),
};

/** The encoding of `model`'s family (catalog or `defineModels()`), else o200k_base, said so. */
export function encodingOf(model: string | undefined): ResolvedEncoding {
  const declared = model === undefined ? undefined : capabilitiesOf(model)?.encoding;
  const name = declared ?? 'o200k_base';
  return { name, countText: counters[name], fromCatalog: declared !== undefined };
}
