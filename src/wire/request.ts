/**
 * The Chat Completions request body as it goes over the wire (snake_case), following the create-params
 * reference list and the newer official OpenAPI schema where the two differ.
 *
 * @see https://platform.openai.com/docs/api-reference/chat/create
 */

/** Marks a content part as a prompt-cache breakpoint (newer API; see docs/reference-differences.md). */
export interface PromptCacheBreakpoint {
  mode: 'explicit';
}

export interface TextContentPart {
  type: 'text';
  text: string;
  prompt_cache_breakpoint?: PromptCacheBreakpoint;
}

export interface ImageContentPart {
  type: 'image_url';
  image_url: { url: string; detail?: 'auto' | 'low' | 'high' };
  prompt_cache_breakpoint?: PromptCacheBreakpoint;
}

export interface InputAudioContentPart {
  type: 'input_audio';
  input_audio: { data: string; format: 'wav' | 'mp3' };
  prompt_cache_breakpoint?: PromptCacheBreakpoint;
}

export interface FileContentPart {
  type: 'file';
  file: { file_data?: string; file_id?: string; filename?: string };
  prompt_cache_breakpoint?: PromptCacheBreakpoint;
}

export interface RefusalContentPart {
  type: 'refusal';
  refusal: string;
}

/** Any part of a user message's content. */
export type UserContentPart = TextContentPart | ImageContentPart | InputAudioContentPart | FileContentPart;

export interface SystemMessage {
  role: 'system';
  content: string | TextContentPart[];
  name?: string;
}

export interface DeveloperMessage {
  role: 'developer';
  content: string | TextContentPart[];
  name?: string;
}

export interface UserMessage {
  role: 'user';
  content: string | UserContentPart[];
  name?: string;
}

export interface FunctionToolCall {
  id: string;
  type: 'function';
  function: { name: string; arguments: string };
}

export interface CustomToolCall {
  id: string;
  type: 'custom';
  custom: { name: string; input: string };
}

export type ToolCall = FunctionToolCall | CustomToolCall;

export interface AssistantMessage {
  role: 'assistant';
  content?: string | Array<TextContentPart | RefusalContentPart> | null;
  refusal?: string | null;
  name?: string;
  audio?: { id: string } | null;
  tool_calls?: ToolCall[];
  /** @deprecated Replaced by `tool_calls`. */
  function_call?: { name: string; arguments: string } | null;
}

export interface ToolMessage {
  role: 'tool';
  content: string | TextContentPart[];
  tool_call_id: string;
}

/** @deprecated Function results are replaced by tool messages. */
export interface FunctionMessage {
  role: 'function';
  content: string | null;
  name: string;
}

/** A message of any role, as sent in `messages`. */
export type ChatMessage =
  | SystemMessage
  | DeveloperMessage
  | UserMessage
  | AssistantMessage
  | ToolMessage
  | FunctionMessage;

/** A JSON Schema object, as accepted for function parameters and structured outputs. */
export type JsonSchema = { readonly [key: string]: unknown };

export interface FunctionDefinition {
  name: string;
  description?: string;
  parameters?: JsonSchema;
  strict?: boolean | null;
}

export interface FunctionTool {
  type: 'function';
  function: FunctionDefinition;
}

export type CustomToolFormat =
  | { type: 'text' }
  | { type: 'grammar'; grammar: { definition: string; syntax: 'lark' | 'regex' } };

export interface CustomTool {
  type: 'custom';
  custom: { name: string; description?: string; format?: CustomToolFormat };
}

export type Tool = FunctionTool | CustomTool;

export type ToolChoiceMode = 'none' | 'auto' | 'required';

export interface NamedFunctionToolChoice<TName extends string = string> {
  type: 'function';
  function: { name: TName };
}

export interface NamedCustomToolChoice<TName extends string = string> {
  type: 'custom';
  custom: { name: TName };
}

export interface AllowedToolsChoice {
  type: 'allowed_tools';
  allowed_tools: { mode: 'auto' | 'required'; tools: Array<{ readonly [key: string]: unknown }> };
}

export type ToolChoice =
  | ToolChoiceMode
  | NamedFunctionToolChoice
  | NamedCustomToolChoice
  | AllowedToolsChoice;

/** @deprecated Replaced by `tools`. */
export interface LegacyFunction {
  name: string;
  description?: string;
  parameters?: JsonSchema;
}

/** @deprecated Replaced by `tool_choice`. */
export type LegacyFunctionCall = 'none' | 'auto' | { name: string };

export type ResponseFormatText = { type: 'text' };
export type ResponseFormatJsonObject = { type: 'json_object' };
export interface ResponseFormatJsonSchema {
  type: 'json_schema';
  json_schema: { name: string; description?: string; schema?: JsonSchema; strict?: boolean | null };
}
export type ResponseFormat = ResponseFormatText | ResponseFormatJsonObject | ResponseFormatJsonSchema;

export type Voice =
  | 'alloy'
  | 'ash'
  | 'ballad'
  | 'coral'
  | 'echo'
  | 'fable'
  | 'nova'
  | 'onyx'
  | 'sage'
  | 'shimmer'
  | 'verse'
  | 'marin'
  | 'cedar';

export type AudioFormat = 'wav' | 'aac' | 'mp3' | 'flac' | 'opus' | 'pcm16';

export interface AudioOutput {
  /** A built-in voice, or a custom voice `{ id }`. Other strings pass through for newer voices. */
  voice: Voice | (string & {}) | { id: string };
  format: AudioFormat;
}

export type Modality = 'text' | 'audio';

export type ReasoningEffort = 'none' | 'minimal' | 'low' | 'medium' | 'high' | 'xhigh' | 'max';

export type ServiceTier = 'auto' | 'default' | 'flex' | 'scale' | 'priority' | 'fast';

export type Verbosity = 'low' | 'medium' | 'high';

export interface StreamOptions {
  include_usage?: boolean;
  include_obfuscation?: boolean;
}

export interface Prediction {
  type: 'content';
  content: string | TextContentPart[];
}

export interface WebSearchOptions {
  search_context_size?: 'low' | 'medium' | 'high';
  user_location?: {
    type: 'approximate';
    approximate: { city?: string; country?: string; region?: string; timezone?: string };
  } | null;
}

export interface PromptCacheOptions {
  ttl?: '30m';
  mode?: 'implicit' | 'explicit';
}

export interface ModerationOptions {
  model: string;
  policy?: { readonly [key: string]: unknown } | null;
}

/**
 * The whole request body of `POST /chat/completions`. Every field but `model` and `messages` is
 * optional; chatwright never writes `undefined` keys. A field typed `| null` takes `null` as the
 * official schema does, meaning "not set" (docs/reference-differences.md#null-means-unset).
 */
export interface ChatCompletionRequest {
  model: string;
  messages: ChatMessage[];
  audio?: AudioOutput | null;
  frequency_penalty?: number | null;
  /** @deprecated Replaced by `tool_choice`. */
  function_call?: LegacyFunctionCall;
  /** @deprecated Replaced by `tools`. */
  functions?: LegacyFunction[];
  logit_bias?: Record<string, number> | null;
  logprobs?: boolean | null;
  max_completion_tokens?: number | null;
  /** @deprecated Replaced by `max_completion_tokens`. */
  max_tokens?: number | null;
  metadata?: Record<string, string> | null;
  modalities?: Modality[] | null;
  moderation?: ModerationOptions | null;
  n?: number | null;
  parallel_tool_calls?: boolean;
  prediction?: Prediction | null;
  presence_penalty?: number | null;
  prompt_cache_key?: string | null;
  prompt_cache_options?: PromptCacheOptions;
  /** @deprecated In the official schema: use `prompt_cache_options`. */
  prompt_cache_retention?: 'in_memory' | '24h' | null;
  reasoning_effort?: ReasoningEffort | null;
  response_format?: ResponseFormat;
  safety_identifier?: string | null;
  seed?: number | null;
  service_tier?: ServiceTier | null;
  stop?: string | string[] | null;
  store?: boolean | null;
  stream?: boolean | null;
  stream_options?: StreamOptions | null;
  temperature?: number | null;
  tool_choice?: ToolChoice;
  tools?: Tool[];
  /** Not nullable: the official schema takes an integer only here. */
  top_logprobs?: number;
  top_p?: number | null;
  /** @deprecated Replaced by `safety_identifier` and `prompt_cache_key`. */
  user?: string;
  verbosity?: Verbosity | null;
  web_search_options?: WebSearchOptions;
}

/** A request body under construction: what a preset holds, any field may still be missing. */
export type PartialChatCompletionRequest = Partial<ChatCompletionRequest>;
