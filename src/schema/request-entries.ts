import * as v from 'valibot';
import { messagesSchema } from './messages.js';
import {
  audioSchema,
  maxCompletionTokensSchema,
  maxTokensSchema,
  modalitiesSchema,
  nSchema,
  predictionSchema,
  reasoningEffortSchema,
  streamOptionsSchema,
  streamSchema,
  verbositySchema,
} from './output.js';
import {
  metadataSchema,
  moderationSchema,
  promptCacheKeySchema,
  promptCacheOptionsSchema,
  promptCacheRetentionSchema,
  safetyIdentifierSchema,
  serviceTierSchema,
  storeSchema,
  userSchema,
  webSearchOptionsSchema,
} from './platform.js';
import { text } from './primitives.js';
import { responseFormatSchema } from './response-format.js';
import {
  frequencyPenaltySchema,
  logitBiasSchema,
  logprobsSchema,
  presencePenaltySchema,
  seedSchema,
  stopSchema,
  temperatureSchema,
  topLogprobsSchema,
  topPSchema,
} from './sampling.js';
import {
  functionCallSchema,
  functionsSchema,
  parallelToolCallsSchema,
  toolChoiceSchema,
  toolsSchema,
} from './tools.js';

/**
 * Every field of the request body, each optional: whether `model` and `messages` must be there is a
 * send rule (send-rules.ts), so presets and complete requests share these entries. The keys are the
 * wire field names, in the order of the reference.
 */
export const requestEntries = {
  messages: v.exactOptional(messagesSchema),
  model: v.exactOptional(
    v.pipe(text('model'), v.minLength(1, "model must not be empty (pass a model id such as 'gpt-4o')")),
  ),
  audio: v.exactOptional(audioSchema),
  frequency_penalty: v.exactOptional(frequencyPenaltySchema),
  function_call: v.exactOptional(functionCallSchema),
  functions: v.exactOptional(functionsSchema),
  logit_bias: v.exactOptional(logitBiasSchema),
  logprobs: v.exactOptional(logprobsSchema),
  max_completion_tokens: v.exactOptional(maxCompletionTokensSchema),
  max_tokens: v.exactOptional(maxTokensSchema),
  metadata: v.exactOptional(metadataSchema),
  modalities: v.exactOptional(modalitiesSchema),
  moderation: v.exactOptional(moderationSchema),
  n: v.exactOptional(nSchema),
  parallel_tool_calls: v.exactOptional(parallelToolCallsSchema),
  prediction: v.exactOptional(predictionSchema),
  presence_penalty: v.exactOptional(presencePenaltySchema),
  prompt_cache_key: v.exactOptional(promptCacheKeySchema),
  prompt_cache_options: v.exactOptional(promptCacheOptionsSchema),
  prompt_cache_retention: v.exactOptional(promptCacheRetentionSchema),
  reasoning_effort: v.exactOptional(reasoningEffortSchema),
  response_format: v.exactOptional(responseFormatSchema),
  safety_identifier: v.exactOptional(safetyIdentifierSchema),
  seed: v.exactOptional(seedSchema),
  service_tier: v.exactOptional(serviceTierSchema),
  stop: v.exactOptional(stopSchema),
  store: v.exactOptional(storeSchema),
  stream: v.exactOptional(streamSchema),
  stream_options: v.exactOptional(streamOptionsSchema),
  temperature: v.exactOptional(temperatureSchema),
  tool_choice: v.exactOptional(toolChoiceSchema),
  tools: v.exactOptional(toolsSchema),
  top_logprobs: v.exactOptional(topLogprobsSchema),
  top_p: v.exactOptional(topPSchema),
  user: v.exactOptional(userSchema),
  verbosity: v.exactOptional(verbositySchema),
  web_search_options: v.exactOptional(webSearchOptionsSchema),
};
