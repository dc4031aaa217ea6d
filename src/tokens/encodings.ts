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

const counters: { readonly [Name in TokenEncoding]: CountText } = {
  o200k_base: (text) => o200k.countTokens(text, asText),
  cl100k_base: (text) => cl100k.countTokens(text, asText),
};

/** The encoding of `model`'s family (catalog or `defineModels()`), else o200k_base, said so. */
export function encodingOf(model: string | undefined): ResolvedEncoding {
  const declared = model === undefined ? undefined : capabilitiesOf(model)?.encoding;
  const name = declared ?? 'o200k_base';
  return { name, countText: counters[name], fromCatalog: declared !== undefined };
}
