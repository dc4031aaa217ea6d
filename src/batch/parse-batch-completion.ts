import { ChatBuilderImpl } from '../builder/chat-builder-impl.js';
import type { BatchPreset } from '../builder/to-batch-line.js';
import { type ParseSpec, parseCompletion } from '../structured/parse-completion.js';
import type { ChatCompletion } from '../wire/response.js';

/** Turns one completion of a batch into its result value. */
export type BatchCompletionParser = (completion: ChatCompletion) => unknown;

// One parser per set of schemas: the builders derived from one preset share it, and a batch keeps one
// reference per custom id until its results are read.
const parsers = new WeakMap<ParseSpec, BatchCompletionParser>();

/**
 * The parser of a builder's batch results, or `undefined` when the completion is the result as it
 * came: a builder with a response schema or schema tools parses each completion as its `send()` does
 * (`message.parsed`, `parsed_arguments`, the same errors).
 *
 * @example
 * const parse = parseBatchCompletion(builder); // undefined: results are the raw completions
 */
export function parseBatchCompletion(builder: BatchPreset): BatchCompletionParser | undefined {
  const spec = ChatBuilderImpl.parseSpecOf(builder);
  if (spec === undefined || (spec.output === undefined && spec.tools.size === 0)) return undefined;
  let parser = parsers.get(spec);
  if (parser === undefined) {
    parser = async (completion) => {
      await parseCompletion(completion, spec);
      return completion;
    };
    parsers.set(spec, parser);
  }
  return parser;
}
