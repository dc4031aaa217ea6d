import type { RunOptions, RunResult } from '../loop/run-types.js';
import type { KnownModelId } from '../models/catalog.js';
import type { AssistantMessageInit, MessageOptions } from '../params/messages.js';
import type { CustomToolInit, FunctionToolInit } from '../params/tools.js';
import type { PresetDocument } from '../preset/preset-document.js';
import type { RequestValidation } from '../schema/request-validation.js';
import type { Fitting, InferredFrom } from '../state/assigned-to.js';
// The state updates are read through a namespace: a builder's type then prints its fields
// (`ChatBuilder<{ model: "gpt-4o"; ... }>`), where a name imported on its own would be printed
// instead (see `State` in state/builder-state.ts).
import type * as state from '../state/builder-state.js';
import type { BuilderState } from '../state/builder-state.js';
import type {
  CallArg,
  CallMethod,
  InGenericModel,
  InGenericPreset,
  ModelFits,
  RecordedIf,
  SampledAt,
  UnlessOnly,
} from '../state/call-rules.js';
import type { ReasoningEffortFor } from '../state/model-rules.js';
import type { RequireFlag, RequireNames, SendProblem } from '../state/rules.js';
import type { UnknownVars, VarValues } from '../state/template-rules.js';
import type { ChatwrightTypeError } from '../state/type-error.js';
import type { ChatStream } from '../stream/chat-stream.js';
import type { ChatTool } from '../structured/chat-tool.js';
import type { ParsedChatStream } from '../structured/parsed-chat-stream.js';
import type { ParsedChatCompletionResult, ParsedFunctionToolCall } from '../structured/parsed-completion.js';
import type { inferOutput, StandardSchema } from '../structured/standard-schema.js';
import type { Template, TemplatePart } from '../template/template.js';
import type { ToolOptions } from '../tools/tool.js';
import type { ChatCompletionResult } from '../transport/completion-result.js';
import type { SendOptions } from '../transport/send-options.js';
import type {
  AudioOutput,
  ChatCompletionRequest,
  ChatMessage,
  JsonSchema,
  LegacyFunction,
  Modality,
  ModerationOptions,
  NamedCustomToolChoice,
  NamedFunctionToolChoice,
  Prediction,
  PromptCacheOptions,
  ResponseFormat,
  ServiceTier,
  StreamOptions,
  TextContentPart,
  ToolChoiceMode,
  UserContentPart,
  Verbosity,
  WebSearchOptions,
} from '../wire/request.js';
import type { ChatCompletionMessageCustomToolCall } from '../wire/response.js';

/** Options of {@link ChatBuilder.jsonSchema}. */
export interface JsonSchemaOptions {
  /** The format's name: `a-z A-Z 0-9 _ -`, at most 64 characters. */
  readonly name: string;
  readonly description?: string;
  /**
   * Structured-outputs mode (the output follows the schema exactly). Default: `true`; a raw JSON Schema
   * sent as strict must follow strict mode's rules, or `StrictSchemaError`.
   */
  readonly strict?: boolean;
}

/**
 * `tool_choice` values once tools are added: a mode, an added tool's name, or the wire object naming
 * one. Written over the names (not the builder state) so that a compiler message lists them.
 */
export type ToolChoiceFor<TFunctions extends string, TCustom extends string> =
  | ToolChoiceMode
  | TFunctions
  | TCustom
  | NamedFunctionToolChoice<TFunctions>
  | NamedCustomToolChoice<TCustom>
  | AllowedToolsChoiceOf<TFunctions, TCustom>;

/** `tool_choice` values allowed in a builder state (see `ToolChoiceFor`). */
export type ToolChoiceInput<TState extends BuilderState> = ToolChoiceFor<
  TState['tools'],
  TState['customTools']
>;

/** An `allowed_tools` choice whose list names only tools already added. */
export interface AllowedToolsChoiceOf<TFunctions extends string, TCustom extends string> {
  readonly type: 'allowed_tools';
  readonly allowed_tools: {
    readonly mode: 'auto' | 'required';
    readonly tools: ReadonlyArray<
      | { readonly type: 'function'; readonly function: { readonly name: TFunctions } }
      | { readonly type: 'custom'; readonly custom: { readonly name: TCustom } }
    >;
  };
}

/** An `allowed_tools` choice for a builder state (see `AllowedToolsChoiceOf`). */
export type AllowedToolsChoiceFor<TState extends BuilderState> = AllowedToolsChoiceOf<
  TState['tools'],
  TState['customTools']
>;

/** The names of the known wire fields, which `extra()` may not shadow. */
export type KnownField = keyof ChatCompletionRequest;

/** The structured output type of a builder: its `.jsonSchema()` schema's output, `null` without one. */
export type inferParsed<TState extends BuilderState> = TState['output'] extends readonly [infer TOutput]
  ? TOutput
  : null;

/**
 * The tool calls a builder's responses can hold: one `ParsedFunctionToolCall` per added function tool
 * (its `parsed_arguments` typed by the tool's schema, `unknown` without one), discriminated by
 * `function.name`, plus custom tool calls when custom tools were added.
 */
export type inferToolCall<TState extends BuilderState> =
  | ([TState['tools']] extends [never]
      ? never
      : {
          [N in TState['tools']]: ParsedFunctionToolCall<
            N,
            N extends keyof TState['toolInputs'] ? TState['toolInputs'][N] : unknown
          >;
        }[TState['tools']])
  | ([TState['customTools']] extends [never] ? never : ChatCompletionMessageCustomToolCall);

/**
 * Whether `send()` parses responses: once a schema is set (a `.jsonSchema()` schema or a `tool()`).
 * Builders with only JSON Schema tools keep the plain completion type, as before schemas existed.
 */
type IsParsed<TState extends BuilderState> = [TState['output'], keyof TState['toolInputs']] extends [
  null,
  never,
]
  ? false
  : true;

/** What a non-streaming `send()` resolves to in a given state. */
export type CompletionOf<TState extends BuilderState> =
  IsParsed<TState> extends true
    ? ParsedChatCompletionResult<inferParsed<TState>, inferToolCall<TState>>
    : ChatCompletionResult;

/** What a streaming `send()` returns in a given state. */
export type StreamOf<TState extends BuilderState> =
  IsParsed<TState> extends true ? ParsedChatStream<inferParsed<TState>, inferToolCall<TState>> : ChatStream;

/** `send()` by the stream flag, given what it returns either way. */
type SendBy<TStream extends boolean, TStreamResult, TResult> = [TStream] extends [true]
  ? (options?: SendOptions) => TStreamResult
  : [TStream] extends [false]
    ? (options?: SendOptions) => Promise<TResult>
    : (options?: SendOptions) => TStreamResult | Promise<TResult>;

/**
 * The wire body `toJSON()` returns, typed as far as the calls made say: `model` (its id) and
 * `messages` are there once set, and `stream` is `true` after `.stream()`. So a sendable builder's body is the
 * official `openai` package's `ChatCompletionCreateParamsNonStreaming` (or `...Streaming`), with no cast.
 * One value is typed out: `service_tier: 'fast'`, which the official schema has and the `openai`
 * package's types (6.x) do not yet; `.serviceTier('fast')` still sends it.
 */
export type RequestBodyOf<TState extends BuilderState> = Readonly<
  Omit<ChatCompletionRequest, 'model' | 'messages' | 'stream' | 'service_tier'> & {
    service_tier?: Exclude<ServiceTier, 'fast'> | null;
  }
> &
  // Written without a mapped type over the state (Readonly<...>), which would make the compiler
  // compare builders member by member, and give up before it tells two models apart.
  ([TState['model']] extends [null]
    ? { readonly model?: string }
    : null extends TState['model']
      ? { readonly model?: Exclude<TState['model'], null> }
      : { readonly model: TState['model'] }) &
  ([TState['hasMessages']] extends [true]
    ? { readonly messages: ChatMessage[] }
    : { readonly messages?: ChatMessage[] }) &
  ([TState['stream']] extends [true]
    ? { readonly stream: true }
    : [TState['stream']] extends [false]
      ? { readonly stream?: false | null }
      : { readonly stream?: boolean | null }) &
  Readonly<Record<string, unknown>>;

/**
 * What `send()` is in a given state: callable once the request is complete, a readable error before.
 * Without a schema it depends on the stream flag alone, so the compiler reuses one of three types.
 */
export type SendMethod<TState extends BuilderState> = [SendProblem<TState>] extends [never]
  ? IsParsed<TState> extends true
    ? SendBy<TState['stream'], StreamOf<TState>, CompletionOf<TState>>
    : SendBy<TState['stream'], ChatStream, ChatCompletionResult>
  : ChatwrightTypeError<SendProblem<TState>>;

/**
 * What `toBatchLine()` is in a given state: callable once the request could be sent, the same readable
 * error as `send()` before (a batch line is a request sent later).
 */
export type BatchLineMethod<TState extends BuilderState> = [SendProblem<TState>] extends [never]
  ? (customId: string) => string
  : ChatwrightTypeError<SendProblem<TState>>;

/** What `run()` is in a given state: callable once the request is complete, a readable error before. */
export type RunMethod<TState extends BuilderState> = [SendProblem<TState>] extends [never]
  ? (
      options?: RunOptions<inferParsed<TState>, inferToolCall<TState>>,
    ) => Promise<RunResult<inferParsed<TState>, inferToolCall<TState>>>
  : ChatwrightTypeError<SendProblem<TState>>;

/**
 * An immutable Chat Completions request under construction. Every method returns a new builder and
 * leaves this one unchanged, so any builder is a preset that many requests can start from.
 *
 * The type parameter records what has been set, so that invalid combinations do not compile, with a
 * message that names the fix. The same rules are checked at runtime before anything is sent.
 *
 * @example
 * const support = chat().model('gpt-4o').system('You answer billing questions.').temperature(0.2);
 * const reply = await support.user('Why was I charged twice?').send();
 * console.log(reply.choices[0]?.message.content);
 *
 * @see https://platform.openai.com/docs/api-reference/chat/create
 */
export interface ChatBuilder<TState extends BuilderState> {
  // ---- model and messages -------------------------------------------------------------------------

  /**
   * The model id (`model`), such as `gpt-4o` or `o3`: editors suggest the catalog's ids, and any
   * string works for fine-tunes and other providers. A catalog model's rules apply from here on: a
   * call it refuses does not compile, and neither does this one when an earlier call breaks them.
   * @example chat().model('gpt-4o')
   */
  model<const $Model extends KnownModelId | (string & {}), $Into = never>(
    id: AssignedTo<
      $Into,
      ChatBuilder<state.With<TState, 'model', NoInfer<$Model>>>,
      ModelFits<TState, $Model> | ($Model & (InGenericPreset<TState> | InGenericModel<$Model>)),
      'model'
    >,
  ): ChatBuilder<state.With<TState, 'model', NoInfer<$Model>>> & InferredFrom<$Into>;

  /**
   * Appends a system message: instructions the model follows for the whole conversation.
   * @example chat().system('You answer in French.')
   */
  system(
    content: string | readonly TextContentPart[],
    options?: MessageOptions,
  ): ChatBuilder<state.WithMessage<TState>>;
  /**
   * Appends a system message from a `template()`: its `{{variables}}` join the builder's type until
   * `.vars()` fills them.
   * @example chat().system(template('You help {{customer}}.')).vars({ customer: 'Acme' })
   */
  system<$Vars extends string>(
    content: Template<$Vars> | readonly (TextContentPart | TemplatePart<$Vars>)[],
    options?: MessageOptions,
  ): ChatBuilder<state.WithTemplate<TState, $Vars>>;

  /**
   * Appends a developer message: the instructions role of newer (o-series, gpt-5) models.
   * @example chat().model('o3').developer('Answer in one sentence.')
   */
  developer(
    content: string | readonly TextContentPart[],
    options?: MessageOptions,
  ): ChatBuilder<state.WithMessage<TState>>;
  /**
   * Appends a developer message from a `template()`: its `{{variables}}` join the builder's type.
   * @example chat().model('o3').developer(template('Answer in {{language}}.'))
   */
  developer<$Vars extends string>(
    content: Template<$Vars> | readonly (TextContentPart | TemplatePart<$Vars>)[],
    options?: MessageOptions,
  ): ChatBuilder<state.WithTemplate<TState, $Vars>>;

  /**
   * Appends a user message: text, or content parts (text, images, audio, files; see `textPart()`,
   * `imagePart()`, `audioPart()`, `filePart()`). For the deprecated `user` wire field, see `endUserId()`.
   * @example chat().user('What is in this picture?')
   * @example chat().user([textPart('Describe it'), imagePart('https://example.com/cat.png', { detail: 'low' })])
   */
  user(
    content: string | readonly UserContentPart[],
    options?: MessageOptions,
  ): ChatBuilder<state.WithMessage<TState>>;
  /**
   * Appends a user message from a `template()`, or content parts with `textPart(template(...))`: the
   * `{{variables}}` join the builder's type.
   * @example chat().user([textPart(template('What is in {{file}}?')), imagePart(url)])
   */
  user<$Vars extends string>(
    content: Template<$Vars> | readonly (UserContentPart | TemplatePart<$Vars>)[],
    options?: MessageOptions,
  ): ChatBuilder<state.WithTemplate<TState, $Vars>>;

  /**
   * Appends an assistant message: a previous reply, as text or as the full message (tool calls...).
   * @example chat().user('Hi').assistant('Hello! How can I help?').user('Tell me a joke')
   */
  assistant(content: string | AssistantMessageInit): ChatBuilder<state.WithMessage<TState>>;
  /**
   * Appends an assistant message from a `template()` (a worked example with slots, say).
   * @example chat().user('Hi').assistant(template('Hello {{name}}!'))
   */
  assistant<$Vars extends string>(content: Template<$Vars>): ChatBuilder<state.WithTemplate<TState, $Vars>>;

  /**
   * Appends the result of a tool call (a `tool` message answering `tool_call_id`).
   * @example builder.toolResult('call_abc123', JSON.stringify({ temperature: 21 }))
   */
  toolResult<$Into = never>(
    toolCallId: AssignedTo<$Into, ChatBuilder<state.WithMessage<TState>>, string, 'toolResult'>,
    content: string | readonly TextContentPart[],
  ): ChatBuilder<state.WithMessage<TState>> & InferredFrom<$Into>;

  /**
   * Appends the result of a legacy function call (a `function` message).
   * @deprecated Function calling is replaced by tools: use `toolResult()`.
   */
  functionResult<$Into = never>(
    name: AssignedTo<$Into, ChatBuilder<state.WithMessage<TState>>, string, 'functionResult'>,
    content: string | null,
  ): ChatBuilder<state.WithMessage<TState>> & InferredFrom<$Into>;

  /**
   * Appends wire messages in bulk, such as a stored conversation history.
   * @example chat().model('gpt-4o').messages(history).user('And then?')
   */
  messages<$Into = never>(
    messages: AssignedTo<$Into, ChatBuilder<state.WithMessage<TState>>, readonly ChatMessage[], 'messages'>,
  ): ChatBuilder<state.WithMessage<TState>> & InferredFrom<$Into>;

  // ---- sampling -------------------------------------------------------------------------------

  /**
   * Sampling temperature (`temperature`), 0 to 2: lower is more focused, higher more varied.
   * Reasoning models take only the default, 1 (any other value does not compile once the model is set).
   * @example chat().temperature(0.2)
   */
  temperature<const $Value extends number, $Into = never>(
    value: AssignedTo<
      $Into,
      ChatBuilder<SampledAt<TState, 'temperature', $Value>>,
      CallArg<TState, 'temperature', $Value, Extract<$Value, 1>>,
      'temperature'
    >,
  ): ChatBuilder<SampledAt<TState, 'temperature', $Value>> & InferredFrom<$Into>;

  /**
   * Nucleus sampling (`top_p`), 0 to 1. Alter this or `temperature()`, not both. Reasoning models take
   * only the default, 1.
   * @example chat().topP(0.9)
   */
  topP<const $Value extends number, $Into = never>(
    value: AssignedTo<
      $Into,
      ChatBuilder<SampledAt<TState, 'top_p', $Value>>,
      CallArg<TState, 'topP', $Value, Extract<$Value, 1>>,
      'topP'
    >,
  ): ChatBuilder<SampledAt<TState, 'top_p', $Value>> & InferredFrom<$Into>;

  /** Penalises tokens by how often they appeared (`frequency_penalty`), -2 to 2. @example chat().frequencyPenalty(0.5) */
  frequencyPenalty<$Into = never>(
    value: AssignedTo<
      $Into,
      ChatBuilder<state.WithParam<TState, 'frequency_penalty'>>,
      CallArg<TState, 'frequencyPenalty', number>,
      'frequencyPenalty'
    >,
  ): ChatBuilder<state.WithParam<TState, 'frequency_penalty'>> & InferredFrom<$Into>;

  /** Penalises tokens that appeared at all (`presence_penalty`), -2 to 2. @example chat().presencePenalty(0.5) */
  presencePenalty<$Into = never>(
    value: AssignedTo<
      $Into,
      ChatBuilder<state.WithParam<TState, 'presence_penalty'>>,
      CallArg<TState, 'presencePenalty', number>,
      'presencePenalty'
    >,
  ): ChatBuilder<state.WithParam<TState, 'presence_penalty'>> & InferredFrom<$Into>;

  /**
   * Biases token ids (`logit_bias`): token id to a value from -100 (ban) to 100 (force).
   * @example chat().logitBias({ '50256': -100 })
   */
  logitBias<$Into = never>(
    bias: AssignedTo<
      $Into,
      ChatBuilder<state.WithParam<TState, 'logit_bias'>>,
      CallArg<TState, 'logitBias', Readonly<Record<string, number>>>,
      'logitBias'
    >,
  ): ChatBuilder<state.WithParam<TState, 'logit_bias'>> & InferredFrom<$Into>;

  /** Best-effort deterministic sampling (`seed`), an integer. @example chat().seed(42) */
  seed(value: number): ChatBuilder<TState>;

  /** How many choices to generate (`n`), a positive integer. @example chat().n(3) */
  n(count: number): ChatBuilder<TState>;

  /**
   * Up to 4 sequences where generation stops (`stop`).
   * @example chat().stop(['\n\n', 'END'])
   */
  stop<$Into = never>(
    sequences: AssignedTo<
      $Into,
      ChatBuilder<state.WithParam<TState, 'stop'>>,
      CallArg<TState, 'stop', string | readonly string[]>,
      'stop'
    >,
  ): ChatBuilder<state.WithParam<TState, 'stop'>> & InferredFrom<$Into>;

  /**
   * Returns log probabilities of the output tokens (`logprobs`). Default `true`; needed by `topLogprobs()`.
   * @example chat().logprobs().topLogprobs(5)
   */
  readonly logprobs: CallMethod<
    TState,
    'logprobs',
    <const $On extends boolean = true>(on?: $On) => ChatBuilder<state.With<TState, 'logprobs', NoInfer<$On>>>
  >;

  /**
   * How many most likely tokens to return at each position (`top_logprobs`), 0 to 20.
   * Needs `logprobs()` first.
   * @example chat().logprobs().topLogprobs(5)
   */
  topLogprobs<$Into = never>(
    count: AssignedTo<
      $Into,
      ChatBuilder<state.WithParam<TState, 'top_logprobs'>>,
      RequireFlag<TState['logprobs'], number, 'topLogprobs() needs .logprobs() first'>,
      'topLogprobs'
    >,
  ): ChatBuilder<state.WithParam<TState, 'top_logprobs'>> & InferredFrom<$Into>;

  // ---- output limits and shape ------------------------------------------------------------------

  /**
   * Upper bound on generated tokens, reasoning tokens included (`max_completion_tokens`).
   * @example chat().maxCompletionTokens(1024)
   */
  maxCompletionTokens<$Into = never>(
    count: AssignedTo<
      $Into,
      ChatBuilder<state.With<TState, 'maxCompletionTokens', true>>,
      number,
      'maxCompletionTokens'
    >,
  ): ChatBuilder<state.With<TState, 'maxCompletionTokens', true>> & InferredFrom<$Into>;

  /**
   * Upper bound on generated tokens (`max_tokens`). Not accepted by o-series and gpt-5 models, and
   * never together with `maxCompletionTokens()` (a compile error at `send()`).
   * @deprecated Use `maxCompletionTokens()`.
   */
  maxTokens<$Into = never>(
    count: AssignedTo<
      $Into,
      ChatBuilder<state.With<TState, 'maxTokens', true>>,
      CallArg<TState, 'maxTokens', number>,
      'maxTokens'
    >,
  ): ChatBuilder<state.With<TState, 'maxTokens', true>> & InferredFrom<$Into>;

  /**
   * Output types to generate (`modalities`): `['text']`, or `['text', 'audio']` together with `audio()`.
   * @example chat().model('gpt-4o-audio-preview').modalities(['text', 'audio']).audio({ voice: 'alloy', format: 'wav' })
   */
  modalities<const $Modalities extends readonly Modality[], $Into = never>(
    modalities: AssignedTo<
      $Into,
      ChatBuilder<
        state.With<TState, 'audioModality', 'audio' extends NoInfer<$Modalities>[number] ? true : false>
      >,
      $Modalities & CallArg<TState, 'modalities', unknown, readonly 'text'[]>,
      'modalities'
    >,
  ): ChatBuilder<
    state.With<TState, 'audioModality', 'audio' extends NoInfer<$Modalities>[number] ? true : false>
  > &
    InferredFrom<$Into>;

  /**
   * Audio output parameters (`audio`): voice and format. Needs `'audio'` in `modalities()`.
   * @example chat().modalities(['text', 'audio']).audio({ voice: 'alloy', format: 'mp3' })
   */
  audio<$Into = never>(
    audio: AssignedTo<
      $Into,
      ChatBuilder<state.With<TState, 'audio', true>>,
      CallArg<TState, 'audio', AudioOutput>,
      'audio'
    >,
  ): ChatBuilder<state.With<TState, 'audio', true>> & InferredFrom<$Into>;

  /** Verbosity of the answer (`verbosity`). @example chat().model('gpt-5').verbosity('low') */
  verbosity(value: Verbosity): ChatBuilder<TState>;

  /**
   * Reasoning effort for reasoning models (`reasoning_effort`). With a model from the catalog, only
   * that model's efforts compile (o3: `low`, `medium`, `high`; gpt-5.1: `none` to `high`...).
   * @example chat().model('o3').reasoningEffort('high')
   */
  reasoningEffort<const $Effort extends ReasoningEffortFor<TState['model']>, $Into = never>(
    effort: AssignedTo<
      $Into,
      ChatBuilder<state.With<TState, 'effort', NoInfer<$Effort>>>,
      $Effort,
      'reasoningEffort'
    >,
  ): ChatBuilder<state.With<TState, 'effort', NoInfer<$Effort>>> & InferredFrom<$Into>;

  /**
   * Predicted output (`prediction`): content most of the answer will repeat, such as a file being
   * edited. A string or text parts become `{ type: 'content', content }`.
   * @example chat().model('gpt-4o').prediction(originalCode)
   */
  prediction<$Into = never>(
    content: AssignedTo<
      $Into,
      ChatBuilder<state.WithParam<TState, 'prediction'>>,
      CallArg<TState, 'prediction', string | readonly TextContentPart[] | Prediction>,
      'prediction'
    >,
  ): ChatBuilder<state.WithParam<TState, 'prediction'>> & InferredFrom<$Into>;

  // ---- response formats ---------------------------------------------------------------------------

  /**
   * Structured output (`response_format: { type: 'json_schema' }`) from a valibot schema (or any
   * Standard Schema with a JSON Schema converter, such as zod 4): `send()` then returns the output
   * parsed and validated, typed from the schema, in `choices[i].message.parsed`. `strict` defaults to
   * `true`; a schema that cannot be made strict throws `StrictSchemaError` here.
   * @example chat().jsonSchema(v.object({ city: v.string() }), { name: 'place' })
   */
  jsonSchema<$Schema extends StandardSchema>(
    schema: $Schema,
    options: JsonSchemaOptions,
  ): ChatBuilder<state.With<TState, 'output', readonly [inferOutput<$Schema>]>>;

  /**
   * Structured output (`response_format: { type: 'json_schema' }`) from a JSON Schema object, sent as
   * given; `strict` defaults to `true`, and a strict schema must already follow strict mode's rules
   * (`additionalProperties: false`, every property required...), or `StrictSchemaError` at this call.
   * The output is not parsed.
   * @example chat().jsonSchema({ type: 'object', properties: { city: { type: 'string' } }, required: ['city'], additionalProperties: false }, { name: 'place' })
   */
  jsonSchema(schema: JsonSchema, options: JsonSchemaOptions): ChatBuilder<state.With<TState, 'output', null>>;

  /** JSON mode (`response_format: { type: 'json_object' }`): valid JSON, no schema. @example chat().jsonObject() */
  jsonObject(): ChatBuilder<state.With<TState, 'output', null>>;

  /** Plain text output (`response_format: { type: 'text' }`), the default. @example chat().textFormat() */
  textFormat(): ChatBuilder<state.With<TState, 'output', null>>;

  /** Sets `response_format` from a wire object. @example chat().responseFormat({ type: 'json_object' }) */
  responseFormat<$Into = never>(
    format: AssignedTo<
      $Into,
      ChatBuilder<state.With<TState, 'output', null>>,
      ResponseFormat,
      'responseFormat'
    >,
  ): ChatBuilder<state.With<TState, 'output', null>> & InferredFrom<$Into>;

  // ---- tools ------------------------------------------------------------------------------------

  /**
   * Adds a function tool from a JSON Schema; its name becomes a valid `toolChoice()`.
   * @example chat().tool({ name: 'get_weather', parameters: { type: 'object', properties: { city: { type: 'string' } } } })
   */
  tool<const $Name extends string>(
    tool: FunctionToolInit<$Name>,
  ): ChatBuilder<state.WithFunctionName<TState, NoInfer<$Name>>>;

  /**
   * Adds a function tool made by `tool()` from a schema: its name becomes a valid `toolChoice()`, the
   * arguments of its calls in a response are parsed and typed by its schema, and `run()` can run it.
   * @example chat().tool(tool({ name: 'get_weather', parameters: v.object({ city: v.string() }) }))
   */
  tool<const $Name extends string, $Args>(
    tool: ChatTool<$Name, $Args, unknown>,
  ): ChatBuilder<state.WithTool<TState, NoInfer<$Name>, $Args>>;

  /**
   * Adds a function tool from a schema given inline, as `tool()` takes it (the same options, the same
   * strict check): `.tool({ name, parameters: schema })` is `.tool(tool({ name, parameters: schema }))`.
   * Make the tool with `tool()` once when several builders share it.
   * @example chat().tool({ name: 'get_weather', parameters: v.object({ city: v.string() }), run: ({ city }) => forecast(city) })
   */
  tool<const $Name extends string, $Schema extends StandardSchema, $Result = unknown>(
    options: ToolOptions<$Name, $Schema, $Result>,
  ): ChatBuilder<state.WithTool<TState, NoInfer<$Name>, inferOutput<NoInfer<$Schema>>>>;

  /**
   * Adds a custom tool (free-form text input, optionally a grammar); its name becomes a valid `toolChoice()`.
   * @example chat().customTool({ name: 'run_sql', format: { type: 'grammar', grammar: { syntax: 'lark', definition: sqlGrammar } } })
   */
  customTool<const $Name extends string, $Into = never>(
    tool: AssignedTo<
      $Into,
      ChatBuilder<state.WithCustomName<TState, NoInfer<$Name>>>,
      CustomToolInit<$Name>,
      'customTool'
    >,
  ): ChatBuilder<state.WithCustomName<TState, NoInfer<$Name>>> & InferredFrom<$Into>;

  /**
   * Which tool the model calls (`tool_choice`): `'auto'`, `'none'`, `'required'`, the name of an added
   * tool, or the wire object. Needs a tool first.
   * @example chat().tool({ name: 'get_weather' }).toolChoice('get_weather')
   */
  toolChoice(
    choice: RequireFlag<
      TState['hasTools'],
      ToolChoiceFor<TState['tools'], TState['customTools']>,
      'toolChoice() needs a tool: add one with .tool() first'
    >,
  ): ChatBuilder<TState>;

  /**
   * Whether the model may call several tools at once (`parallel_tool_calls`). Default `true`. Needs a tool first.
   * @example chat().tool(weather).parallelToolCalls(false)
   */
  readonly parallelToolCalls: RequireFlag<
    TState['hasTools'],
    CallMethod<
      TState,
      'parallelToolCalls',
      (on?: boolean) => ChatBuilder<state.WithParam<TState, 'parallel_tool_calls'>>
    >,
    'parallelToolCalls() needs a tool: add one with .tool() first'
  >;

  /**
   * Adds legacy functions (`functions`). Never together with tools (a compile error at `send()`).
   * @deprecated Use `tool()`: functions are replaced by tools.
   */
  functions<const $Functions extends readonly [LegacyFunction, ...LegacyFunction[]], $Into = never>(
    functions: AssignedTo<
      $Into,
      ChatBuilder<state.With<TState, 'functions', TState['functions'] | NoInfer<$Functions>[number]['name']>>,
      $Functions,
      'functions'
    >,
  ): ChatBuilder<state.With<TState, 'functions', TState['functions'] | NoInfer<$Functions>[number]['name']>> &
    InferredFrom<$Into>;

  /**
   * Which legacy function the model calls (`function_call`): `'none'`, `'auto'` or an added function's name.
   * @deprecated Use `toolChoice()`.
   */
  functionCall(
    choice: RequireNames<
      TState['functions'],
      'none' | 'auto' | TState['functions'] | { readonly name: TState['functions'] },
      'functionCall() needs a function: add it with .functions() first'
    >,
  ): ChatBuilder<TState>;

  /**
   * Lets search models search the web (`web_search_options`).
   * @example chat().model('gpt-4o-search-preview').webSearch({ search_context_size: 'low' })
   */
  readonly webSearch: CallMethod<
    TState,
    'webSearch',
    (options?: WebSearchOptions) => ChatBuilder<state.WithParam<TState, 'web_search_options'>>
  >;

  // ---- streaming --------------------------------------------------------------------------------

  /**
   * Streams the answer (`stream`): `send()` then returns a `ChatStream`. Default `true`.
   * @example for await (const text of chat().model('gpt-4o').user('Hi').stream().send().text()) process.stdout.write(text);
   */
  stream<const $On extends boolean = true>(on?: $On): ChatBuilder<state.With<TState, 'stream', NoInfer<$On>>>;

  /**
   * Streaming options (`stream_options`), such as a final usage chunk. Needs `stream()` first.
   * @example chat().stream().streamOptions({ include_usage: true })
   */
  streamOptions<$Into = never>(
    options: AssignedTo<
      $Into,
      ChatBuilder<state.WithParam<TState, 'stream_options'>>,
      RequireFlag<TState['stream'], StreamOptions, 'streamOptions() needs .stream() first'>,
      'streamOptions'
    >,
  ): ChatBuilder<state.WithParam<TState, 'stream_options'>> & InferredFrom<$Into>;

  // ---- platform -----------------------------------------------------------------------------------

  /** Stores the completion for distillation and evals (`store`). Default `true`. @example chat().store() */
  store(on?: boolean): ChatBuilder<TState>;

  /**
   * Up to 16 key-value pairs attached to a stored completion (`metadata`).
   * @example chat().store().metadata({ team: 'billing' })
   */
  metadata(metadata: Readonly<Record<string, string>>): ChatBuilder<TState>;

  /** Processing tier (`service_tier`). @example chat().serviceTier('flex') */
  serviceTier<const $Tier extends ServiceTier, $Into = never>(
    tier: AssignedTo<
      $Into,
      ChatBuilder<RecordedIf<TState, $Tier, 'flex', 'service_tier'>>,
      CallArg<TState, 'serviceTier', $Tier, UnlessOnly<$Tier, 'flex', ServiceTier>>,
      'serviceTier'
    >,
  ): ChatBuilder<RecordedIf<TState, $Tier, 'flex', 'service_tier'>> & InferredFrom<$Into>;

  /** Bucketing key for prompt caching (`prompt_cache_key`). @example chat().promptCacheKey('support-v2') */
  promptCacheKey(key: string): ChatBuilder<TState>;

  /**
   * The longest that cached prompt prefixes live (`prompt_cache_retention`): `in_memory` or `24h`.
   * @deprecated The official schema deprecates it for `promptCacheOptions({ ttl })`.
   * @example chat().promptCacheRetention('24h')
   */
  promptCacheRetention<const $Retention extends 'in_memory' | '24h', $Into = never>(
    retention: AssignedTo<
      $Into,
      ChatBuilder<RecordedIf<TState, $Retention, '24h', 'prompt_cache_retention'>>,
      CallArg<TState, 'promptCacheRetention', $Retention, UnlessOnly<$Retention, '24h', 'in_memory' | '24h'>>,
      'promptCacheRetention'
    >,
  ): ChatBuilder<RecordedIf<TState, $Retention, '24h', 'prompt_cache_retention'>> & InferredFrom<$Into>;

  /** Prompt-cache options of the newer API (`prompt_cache_options`). @example chat().promptCacheOptions({ mode: 'explicit' }) */
  promptCacheOptions(options: PromptCacheOptions): ChatBuilder<TState>;

  /**
   * A stable, hashed id of your end user for abuse detection (`safety_identifier`), at most 64 characters.
   * @example chat().safetyIdentifier(sha256(email))
   */
  safetyIdentifier(id: string): ChatBuilder<TState>;

  /**
   * The deprecated `user` wire field: an id of your end user. (The user *message* is `user()`.)
   * @deprecated Use `safetyIdentifier()` and `promptCacheKey()`.
   */
  endUserId(id: string): ChatBuilder<TState>;

  /** Moderation of input and output (`moderation`), in the newer API. @example chat().moderation({ model: 'omni-moderation-latest' }) */
  moderation(options: ModerationOptions): ChatBuilder<TState>;

  // ---- composition and output -------------------------------------------------------------------------

  /**
   * Removes fields (wire names) from the body, as if they had never been set, and the types follow:
   * a shared preset can change course. The key leaves the body; to send `null` ("not set" on the
   * wire too), import it with `chat.fromJSON()`.
   * @example support.unset('temperature').model('o3')
   */
  unset<const $Field extends KnownField>(...fields: $Field[]): ChatBuilder<state.Unset<TState, $Field>>;

  /**
   * Adds provider-specific fields the reference list lacks (kept apart from known fields, which they
   * may never shadow: those are a compile error and a `ValidationError`).
   * @example chat().model('llama3').extra({ keep_alive: '5m' })
   */
  extra<const $Fields extends Readonly<Record<string, unknown>>>(
    fields: $Fields & {
      readonly [K in keyof $Fields &
        KnownField]: ChatwrightTypeError<'extra() cannot set a known field: use its own method'>;
    },
  ): ChatBuilder<TState>;

  /**
   * Fills template variables (strings; numbers are written as `String(n)`). May be called more than
   * once; a value is inserted as it is, never read for `{{...}}` again. A name that no template of the
   * builder leaves unfilled is a compile error (a `ValidationError` at runtime).
   * @example chat().system(template('You help {{customer}} with {{product}}.')).vars({ customer: 'Acme', product: 'billing' })
   */
  vars<const $Values extends VarValues, $Into = never>(
    values: AssignedTo<
      $Into,
      ChatBuilder<state.With<TState, 'vars', Exclude<TState['vars'], keyof $Values>>>,
      $Values & UnknownVars<TState['vars'], $Values>,
      'vars'
    >,
  ): ChatBuilder<state.With<TState, 'vars', Exclude<TState['vars'], keyof $Values>>> & InferredFrom<$Into>;

  /**
   * The builder as a versioned JSON document that keeps which texts are templates and what is filled:
   * save it as a file, review it, load it with `chat.fromPreset()`. See docs/presets.md.
   * @example writeFileSync('support.preset.json', JSON.stringify(support.toPreset(), null, 2));
   */
  toPreset(): PresetDocument<TState['vars']>;

  /**
   * Names the builder, as a preset is named: the name is never sent, but every builder derived from
   * this one keeps it, and it appears on their spans (`chatwright.preset.name`), hook events and log
   * lines, so a team sees which shared preset made which calls. Not part of `toJSON()` (the wire body).
   * @example const billing = client.chat().model('gpt-4o-mini').name('billing-support').system('You answer billing questions.');
   */
  name(name: string): ChatBuilder<TState>;

  /**
   * Applies a preset: a function of a builder. Typed so that a generic preset keeps the caller's state.
   * @example const billing = <S extends BuilderState>(b: ChatBuilder<S>) => b.system('You answer billing questions.');
   * chat().model('gpt-4o').use(billing).user('Why was I charged twice?');
   */
  use<$Result>(preset: (builder: ChatBuilder<TState>) => $Result): $Result;

  /**
   * Applies a preset only when `condition` holds: configuration that depends on runtime values, without
   * reassigning a variable (each call changes the builder's type, so `b = b.temperature(t)` cannot
   * compile). The result's state is what either branch may have set, so a rule that depends on the
   * branch is left to runtime validation.
   * @example chat().model('gpt-4o').when(options.creative, (b) => b.temperature(1.2)).user(question)
   */
  when<$State extends BuilderState>(
    condition: boolean,
    preset: (builder: ChatBuilder<TState>) => ChatBuilder<$State>,
  ): ChatBuilder<state.Either<TState, $State>>;

  /**
   * The exact wire body: snake_case, no `undefined` keys, frozen. Export a preset with `JSON.stringify(builder)`
   * (or, to keep its templates, `toPreset()`). Template texts appear filled; an unfilled variable shows
   * as its `{{name}}`, and such a body is not sent.
   * @example JSON.stringify(chat().model('gpt-4o').user('Hi')) // '{"model":"gpt-4o","messages":[{"role":"user","content":"Hi"}]}'
   */
  toJSON(): RequestBodyOf<TState>;

  /**
   * The line of a Batch API input file for this request: `custom_id`, `method`, `url` and the body,
   * without its newline. Validated as `send()` validates; an invalid request or an empty id throws
   * `BatchInputError`. For whole files, see `writeBatchFiles()` and `submitBatch()` in `chatwright/batch`.
   * @example chat().model('gpt-4o-mini').user('Hi').toBatchLine('greeting-1')
   * @see https://platform.openai.com/docs/api-reference/batch/request-input
   */
  readonly toBatchLine: BatchLineMethod<TState>;

  /**
   * Validates the whole request as `send()` would, without sending: `{ success: true }`, or
   * `{ success: false, issues }` with every issue's dotted `path`, `message` and `input` (frozen).
   * @example const result = builder.validate(); if (!result.success) console.log(result.issues);
   */
  validate(): RequestValidation;

  /**
   * Validates, then sends. Returns a `Promise` of the completion, or with `stream()` a `ChatStream` at
   * once. Invalid requests throw `ValidationError` and nothing is sent. Does not compile before a
   * model and a message are set, nor while a template variable is unfilled (see `vars()`).
   * @example const reply = await chat().model('gpt-4o').user('Hi').send({ timeout: 30_000 });
   */
  readonly send: SendMethod<TState>;

  /**
   * The tool loop: sends, runs the `run` functions of the tools the model called (in parallel), sends
   * their results back, and repeats until the model answers without calling a tool, a called tool has
   * no `run`, or `maxSteps` requests were made. Resolves to the last completion and the transcript.
   * @example const { completion, messages } = await chat().model('gpt-4o').tool(weather).user('Weather in Paris?').run({ maxSteps: 5 });
   */
  readonly run: RunMethod<TState>;
}

/**
 * The type of a state-changing call's first argument: `TArg`, or the error naming `when()` where the
 * call's result `TResult` is assigned to a builder type it does not fit (see src/state/assigned-to.ts).
 * Only a builder type is compared: any other type the result goes to (an argument of a generic
 * function, whose type parameters are not known yet) is left to TypeScript's own check. A builder
 * whose state is `never` is such an unknown too.
 */
type AssignedTo<TInto, TResult, TArg, TMethod extends string> = [TInto] extends [never]
  ? TArg
  : Fitting<
      TInto extends ChatBuilder<infer S>
        ? [S] extends [never]
          ? true
          : [TResult] extends [TInto]
            ? true
            : false
        : true,
      TArg,
      TMethod
    >;
