import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type * as v from 'valibot';
import { knownRequestFields } from '../../src/schema/known-request-fields.js';
import type { presetSchema } from '../../src/schema/request-schema.js';
import type { ChatCompletionRequest, PartialChatCompletionRequest } from '../../src/wire/request.js';

/** Every wire field, once: the compiler refuses a missing or unknown key here. */
const wireFields: Record<keyof ChatCompletionRequest, true> = {
  model: true,
  messages: true,
  audio: true,
  frequency_penalty: true,
  function_call: true,
  functions: true,
  logit_bias: true,
  logprobs: true,
  max_completion_tokens: true,
  max_tokens: true,
  metadata: true,
  modalities: true,
  moderation: true,
  n: true,
  parallel_tool_calls: true,
  prediction: true,
  presence_penalty: true,
  prompt_cache_key: true,
  prompt_cache_options: true,
  prompt_cache_retention: true,
  reasoning_effort: true,
  response_format: true,
  safety_identifier: true,
  seed: true,
  service_tier: true,
  stop: true,
  store: true,
  stream: true,
  stream_options: true,
  temperature: true,
  tool_choice: true,
  tools: true,
  top_logprobs: true,
  top_p: true,
  user: true,
  verbosity: true,
  web_search_options: true,
};

test('knownRequestFields holds exactly the wire fields', () => {
  assert.equal([...knownRequestFields].sort(), Object.keys(wireFields).sort());
  assert.ok(knownRequestFields.has('max_completion_tokens'));
  assert.not.ok(knownRequestFields.has('top_k'));
  assert.not.ok(knownRequestFields.has('maxCompletionTokens'));
});

/*
 * The schema and the wire types describe the same shapes: what validation outputs is a wire body, and
 * every wire field's type is accepted by the schema's input. Checked by `tsc` (tests/tsconfig.json).
 */
type SchemaOutput = v.InferOutput<typeof presetSchema>;
type SchemaInput = v.InferInput<typeof presetSchema>;
type NotAccepted = {
  [K in keyof ChatCompletionRequest]-?: Exclude<ChatCompletionRequest[K], undefined> extends Exclude<
    SchemaInput[K],
    undefined
  >
    ? never
    : K;
}[keyof ChatCompletionRequest];

test('the schema output is a wire body and accepts every wire field type (compile-time)', () => {
  const output: PartialChatCompletionRequest = {} as SchemaOutput;
  const notAccepted: [NotAccepted] extends [never] ? 'none' : NotAccepted = 'none';
  assert.equal([output, notAccepted], [{}, 'none']);
});

test('the set cannot be changed, so extra() can never be let through to a known field', () => {
  const mutable = knownRequestFields as Set<string>;
  assert.throws(() => mutable.delete('temperature'), TypeError);
  assert.throws(() => mutable.add('top_k'), TypeError);
  assert.throws(() => mutable.clear(), TypeError);
  assert.ok(knownRequestFields.has('temperature'));
});

test.run();
