/**
 * The wire types of a non-streaming Chat Completions response, as real traffic sends it.
 *
 * These are deliberately more lenient than the official schema: recorded responses carry
 * `system_fingerprint: null`, omit `logprobs` and `refusal` on older models, and Azure adds
 * `prompt_filter_results` / `content_filter_results`. Unknown extra fields are kept as they arrive.
 * @see https://platform.openai.com/docs/api-reference/chat/object
 */

import type { CustomToolCall, FunctionToolCall, ToolCall } from './request.js';

/** Why the model stopped: the five documented reasons, or whatever string a compatible server sends. */
export type FinishReason =
  | 'stop'
  | 'length'
  | 'tool_calls'
  | 'content_filter'
  | 'function_call'
  | (string & {});

/** One alternative token and its log probability. */
export interface TopLogprob {
  token: string;
  logprob: number;
  bytes: number[] | null;
}

/** One generated token with its log probability and the most likely alternatives. */
export interface ChatCompletionTokenLogprob {
  token: string;
  logprob: number;
  bytes: number[] | null;
  top_logprobs: TopLogprob[];
}

/** Log probabilities of a choice, for the content tokens and the refusal tokens. */
export interface ChoiceLogprobs {
  content: ChatCompletionTokenLogprob[] | null;
  refusal?: ChatCompletionTokenLogprob[] | null;
}

/**
 * A call to a function tool, as the model sent it back: the very shape an assistant message of the
 * history carries (`FunctionToolCall`), so a reply's calls go back into a request as they are.
 */
export type ChatCompletionMessageFunctionToolCall = FunctionToolCall;

/** A call to a custom (free-form input) tool: the shape of `CustomToolCall` in a request. */
export type ChatCompletionMessageCustomToolCall = CustomToolCall;

/** A tool call in an assistant message. */
export type ChatCompletionMessageToolCall = ToolCall;

/** The deprecated single `function_call` of older models. */
export interface ChatCompletionFunctionCall {
  name: string;
  arguments: string;
}

/** Audio output of a message when the `audio` modality was requested. */
export interface ChatCompletionAudio {
  id: string;
  expires_at: number;
  data: string;
  transcript: string;
}

/** A web-search URL citation inside the message content. */
export interface ChatCompletionAnnotation {
  type: 'url_citation';
  url_citation: { start_index: number; end_index: number; url: string; title: string };
}

/** The assistant message of one choice. */
export interface ChatCompletionMessage {
  role: 'assistant';
  content: string | null;
  refusal?: string | null;
  tool_calls?: ChatCompletionMessageToolCall[];
  function_call?: ChatCompletionFunctionCall | null;
  audio?: ChatCompletionAudio | null;
  annotations?: ChatCompletionAnnotation[];
  /** Reasoning text of DeepSeek and xAI models (not an OpenAI field). */
  reasoning_content?: string | null;
}

/** One choice of a completion; more than one when the request set `n` above 1. */
export interface ChatCompletionChoice {
  index: number;
  message: ChatCompletionMessage;
  /**
   * Why generation stopped. `null` when a stream ended without saying; absent only in old
   * `gpt-4-vision-preview` responses, which sent `finish_details` instead.
   */
  finish_reason?: FinishReason | null;
  logprobs?: ChoiceLogprobs | null;
  /** Azure OpenAI's per-choice content filter verdict. */
  content_filter_results?: Record<string, unknown>;
}

/** Token counts of a request. */
export interface Usage {
  prompt_tokens: number;
  completion_tokens: number;
  total_tokens: number;
  prompt_tokens_details?: {
    cached_tokens?: number;
    audio_tokens?: number;
    text_tokens?: number;
    image_tokens?: number;
    cache_write_tokens?: number;
  } | null;
  completion_tokens_details?: {
    reasoning_tokens?: number;
    audio_tokens?: number;
    text_tokens?: number;
    accepted_prediction_tokens?: number;
    rejected_prediction_tokens?: number;
  } | null;
}

/** The processing tier that served the request. */
export type ResponseServiceTier = 'auto' | 'default' | 'flex' | 'scale' | 'priority' | (string & {});

/**
 * A complete Chat Completions response: what `send()` resolves to, and what a stream's `final()`
 * assembles from its chunks.
 *
 * @example
 * const completion: ChatCompletion = await chat().model('gpt-4o').user('Hi').send();
 * console.log(completion.choices[0]?.message.content);
 */
export interface ChatCompletion {
  id: string;
  object: 'chat.completion';
  created: number;
  model: string;
  choices: ChatCompletionChoice[];
  usage?: Usage | null;
  system_fingerprint?: string | null;
  service_tier?: ResponseServiceTier | null;
  /** Azure OpenAI's content filter verdict on the prompt. */
  prompt_filter_results?: unknown[];
}
