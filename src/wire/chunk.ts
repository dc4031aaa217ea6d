/**
 * The wire types of one streamed Chat Completions chunk (`object: "chat.completion.chunk"`).
 *
 * Lenient like real traffic: Azure OpenAI first sends a chunk with `choices: []`, an empty `id`
 * and `prompt_filter_results`, then a choice with no `delta` at all; OpenAI adds `obfuscation`
 * padding and, with `stream_options.include_usage`, a last chunk with `choices: []` and `usage`.
 * @see https://platform.openai.com/docs/api-reference/chat-streaming/streaming
 */
import type { ChoiceLogprobs, FinishReason, ResponseServiceTier, Usage } from './response.js';

/** A piece of one tool call: `index` says which call it extends; `id`, `type`, `name` come once. */
export interface ChatCompletionChunkToolCallDelta {
  index: number;
  id?: string;
  type?: 'function' | (string & {});
  function?: { name?: string; arguments?: string };
  /** A custom (free-form input) tool call, streamed like a function call. */
  custom?: { name?: string; input?: string };
}

/** What one chunk adds to the assistant message of a choice. */
export interface ChatCompletionChunkDelta {
  role?: 'assistant' | 'developer' | 'system' | 'user' | 'tool' | null;
  content?: string | null;
  refusal?: string | null;
  tool_calls?: ChatCompletionChunkToolCallDelta[];
  /** The deprecated single function call of older models, streamed in pieces like a tool call. */
  function_call?: { name?: string; arguments?: string } | null;
  /** Reasoning text of DeepSeek and xAI models (not an OpenAI field), concatenated like content. */
  reasoning_content?: string | null;
  /** Audio output pieces: `data` and `transcript` arrive in parts, `id` and `expires_at` once. */
  audio?: { id?: string; expires_at?: number; data?: string; transcript?: string } | null;
}

/** One choice inside a chunk. */
export interface ChatCompletionChunkChoice {
  index: number;
  /** Absent on Azure's content-filter-only choices. */
  delta?: ChatCompletionChunkDelta;
  finish_reason: FinishReason | null;
  logprobs?: ChoiceLogprobs | null;
  /** Azure OpenAI's per-choice content filter verdict. */
  content_filter_results?: Record<string, unknown>;
}

/**
 * One event of a streamed completion.
 *
 * @example
 * for await (const chunk of chat().model('gpt-4o').user('Hi').stream().send()) {
 *   process.stdout.write(chunk.choices[0]?.delta?.content ?? '');
 * }
 */
export interface ChatCompletionChunk {
  id: string;
  object: 'chat.completion.chunk' | (string & {});
  created: number;
  model: string;
  /** Empty on the final usage chunk and on Azure's first prompt-filter chunk. */
  choices: ChatCompletionChunkChoice[];
  /** Only on the final chunk when `stream_options.include_usage` is set; `null` on the others. */
  usage?: Usage | null;
  system_fingerprint?: string | null;
  service_tier?: ResponseServiceTier | null;
  /** Random padding OpenAI adds against length side channels; carries no meaning. */
  obfuscation?: string;
  /** Azure OpenAI's content filter verdict on the prompt, sent in the first chunk. */
  prompt_filter_results?: unknown[];
}
