/**
 * What the type system knows about a builder: which calls were made, never their values (except the
 * model id and tool names, which later calls are checked against). One flat object type, updated by
 * the non-recursive {@link With}, so long chains stay cheap to check.
 */
export interface BuilderState {
  /** The model id literal, `string` when unknown (an imported preset), `null` before `.model()`. */
  readonly model: string | null;
  /** Whether at least one message was added. */
  readonly hasMessages: boolean;
  /** `logprobs: true` was set. */
  readonly logprobs: boolean;
  /** `stream: true` was set (`boolean` when not known at compile time). */
  readonly stream: boolean;
  /** The names of the function tools added (`never` before the first). */
  readonly tools: string;
  /** The names of the custom tools added (`never` before the first). */
  readonly customTools: string;
  /** The names of the deprecated `functions` added (`never` before the first). */
  readonly functions: string;
  /**
   * A tool (function or custom) was added. Redundant with `tools`/`customTools` for a known builder,
   * but set to a plain `true` by `.tool()`, so that a generic preset (`<S extends BuilderState>`)
   * that adds a tool may then call `toolChoice()` and `parallelToolCalls()`: a check on `S['tools']`
   * would stay unresolved there.
   */
  readonly hasTools: boolean;
  /**
   * The template variables still unfilled (`never`: none, the builder is a request; `string`: known
   * only at runtime, for a preset document read without its type).
   */
  readonly vars: string;
  /** `modalities` includes `'audio'`. */
  readonly audioModality: boolean;
  /** `audio` output parameters were set. */
  readonly audio: boolean;
  /** `max_tokens` was set. */
  readonly maxTokens: boolean;
  /** `max_completion_tokens` was set. */
  readonly maxCompletionTokens: boolean;
  /**
   * The wire parameters set so far that a rule at `send()` reads ({@link RecordedParam}), and `''`:
   * never empty, so that `.model()` can tell a known builder from a generic preset's (see
   * src/state/call-rules.ts); `string` for an imported preset.
   */
  readonly params: string;
  /** The `reasoning_effort` literal, `null` before `.reasoningEffort()`. */
  readonly effort: string | null;
  /** The argument types of the schema tools added, by name (an intersection of one-key records). */
  readonly toolInputs: object;
  /** The structured output type of a `.jsonSchema()` schema, boxed (`[T]`); `null` when none. */
  readonly output: readonly [unknown] | null;
}

/**
 * A builder state, field by field. `State<...>` of the same arguments is the very same type (the
 * compiler keeps one instance per list of arguments), so two builders that made the same calls have
 * one type, and a variable can take either (`let convo = preset.user(a); convo = convo.user(b)`). Two
 * different states are compared field by field (an object type without an alias name has no type
 * arguments to compare instead): one flat level of fields, no recursion.
 *
 * An object type, not an interface: what a builder's type prints (hover, error, declaration emit) is
 * then its fields, `ChatBuilder<{ model: "gpt-4o"; hasMessages: true; ... }>`, not the helpers that
 * made it. `& unknown` drops the alias name (an intersection of one member is that member), and each
 * update below ends with it for the same reason; code that returns an update reads it through a
 * namespace import (`import type * as state`), since a name imported on its own is printed again.
 * The fields print in this order, and an error message cuts a long type short: first what users read
 * and what calls change most (the model, messages, streaming, the parameters set, tools, unfilled
 * variables), so that two builders' types differ early.
 */
export type State<
  TModel,
  THasMessages,
  TLogprobs,
  TStream,
  TTools,
  TCustomTools,
  TFunctions,
  TAudioModality,
  TAudio,
  TMaxTokens,
  TMaxCompletionTokens,
  TParams,
  TEffort,
  TToolInputs,
  TOutput,
  THasTools,
  TVars,
> = {
  model: TModel;
  hasMessages: THasMessages;
  stream: TStream;
  params: TParams;
  tools: TTools;
  vars: TVars;
  effort: TEffort;
  logprobs: TLogprobs;
  output: TOutput;
  maxCompletionTokens: TMaxCompletionTokens;
  maxTokens: TMaxTokens;
  audioModality: TAudioModality;
  audio: TAudio;
  customTools: TCustomTools;
  functions: TFunctions;
  hasTools: THasTools;
  toolInputs: TToolInputs;
} & unknown;

/**
 * No schema tools: every tool's arguments are `unknown` (parsed JSON, not validated). The empty object
 * type, so that a builder's type prints `toolInputs: {}`, and after a schema tool only that tool's
 * record (`{} & { readonly weather: ... }` is that record); `& unknown` keeps this name out of what
 * prints (see `State`).
 */
export type NoToolInputs = {} & unknown;

/** The state of a fresh `chat()`: nothing set. */
export type InitialState = State<
  null,
  false,
  false,
  false,
  never,
  never,
  never,
  false,
  false,
  false,
  false,
  '',
  null,
  NoToolInputs,
  null,
  false,
  never
>;

/**
 * The state of a builder whose contents are known only at runtime (imported from JSON): every call
 * is allowed at compile time, and runtime validation checks the rules before anything is sent. Only
 * whether it streams is known (`chat.fromJSON(json, { stream: true })`), so `send()` has one type.
 */
export type LooseState<TStream extends boolean = false> = State<
  string,
  true,
  true,
  TStream,
  string,
  string,
  string,
  boolean,
  boolean,
  boolean,
  boolean,
  string,
  string | null,
  NoToolInputs,
  null,
  true,
  never
>;

/** `TValue` where `TKey` is `TField`, else the state's own value, kept within the field's type. */
type Field<TState extends BuilderState, TKey, TField extends keyof BuilderState, TValue> = TKey extends TField
  ? TValue
  : TState[TField];

/** `TState` with `TKey` replaced by `TValue`: one flat `State`, no recursion. */
export type With<TState extends BuilderState, TKey extends keyof BuilderState, TValue> = State<
  Field<TState, TKey, 'model', TValue>,
  Field<TState, TKey, 'hasMessages', TValue>,
  Field<TState, TKey, 'logprobs', TValue>,
  Field<TState, TKey, 'stream', TValue>,
  Field<TState, TKey, 'tools', TValue>,
  Field<TState, TKey, 'customTools', TValue>,
  Field<TState, TKey, 'functions', TValue>,
  Field<TState, TKey, 'audioModality', TValue>,
  Field<TState, TKey, 'audio', TValue>,
  Field<TState, TKey, 'maxTokens', TValue>,
  Field<TState, TKey, 'maxCompletionTokens', TValue>,
  Field<TState, TKey, 'params', TValue>,
  Field<TState, TKey, 'effort', TValue>,
  Field<TState, TKey, 'toolInputs', TValue>,
  Field<TState, TKey, 'output', TValue>,
  Field<TState, TKey, 'hasTools', TValue>,
  Field<TState, TKey, 'vars', TValue>
> &
  unknown;

/**
 * `TState` after `.tool(t)` with a schema tool: the name joins `tools` and its argument type joins
 * `toolInputs`, in one step.
 */
export type WithTool<TState extends BuilderState, TName extends string, TArgs> = State<
  TState['model'],
  TState['hasMessages'],
  TState['logprobs'],
  TState['stream'],
  TState['tools'] | TName,
  TState['customTools'],
  TState['functions'],
  TState['audioModality'],
  TState['audio'],
  TState['maxTokens'],
  TState['maxCompletionTokens'],
  TState['params'],
  TState['effort'],
  TState['toolInputs'] & { readonly [K in TName]: TArgs },
  TState['output'],
  true,
  TState['vars']
> &
  unknown;

/** `TState` after `.tool()` with a JSON Schema tool: the name joins `tools`, and a tool is known to be there. */
export type WithFunctionName<TState extends BuilderState, TName extends string> = State<
  TState['model'],
  TState['hasMessages'],
  TState['logprobs'],
  TState['stream'],
  TState['tools'] | TName,
  TState['customTools'],
  TState['functions'],
  TState['audioModality'],
  TState['audio'],
  TState['maxTokens'],
  TState['maxCompletionTokens'],
  TState['params'],
  TState['effort'],
  TState['toolInputs'],
  TState['output'],
  true,
  TState['vars']
> &
  unknown;

/** `TState` after `.customTool()`: the name joins `customTools`, and a tool is known to be there. */
export type WithCustomName<TState extends BuilderState, TName extends string> = State<
  TState['model'],
  TState['hasMessages'],
  TState['logprobs'],
  TState['stream'],
  TState['tools'],
  TState['customTools'] | TName,
  TState['functions'],
  TState['audioModality'],
  TState['audio'],
  TState['maxTokens'],
  TState['maxCompletionTokens'],
  TState['params'],
  TState['effort'],
  TState['toolInputs'],
  TState['output'],
  true,
  TState['vars']
> &
  unknown;

/**
 * What a builder may be after a conditional step (`when()`): each field is what either state has, so a
 * flag set in one branch only becomes `boolean` ("maybe"), which the rules treat as allowed and leave
 * to runtime validation.
 */
export type Either<TState extends BuilderState, TOther extends BuilderState> = State<
  TState['model'] | TOther['model'],
  TState['hasMessages'] | TOther['hasMessages'],
  TState['logprobs'] | TOther['logprobs'],
  TState['stream'] | TOther['stream'],
  TState['tools'] | TOther['tools'],
  TState['customTools'] | TOther['customTools'],
  TState['functions'] | TOther['functions'],
  TState['audioModality'] | TOther['audioModality'],
  TState['audio'] | TOther['audio'],
  TState['maxTokens'] | TOther['maxTokens'],
  TState['maxCompletionTokens'] | TOther['maxCompletionTokens'],
  TState['params'] | TOther['params'],
  TState['effort'] | TOther['effort'],
  TState['toolInputs'] | TOther['toolInputs'],
  TState['output'] | TOther['output'],
  TState['hasTools'] | TOther['hasTools'],
  TState['vars'] | TOther['vars']
> &
  unknown;

/**
 * `TState` after `unset()` removed the wire fields `TField` from the body: what those fields recorded
 * is forgotten, as if they had never been set (removing `tools` forgets the function and custom tools
 * and their argument types; `response_format`, the structured output type).
 */
export type Unset<TState extends BuilderState, TField extends string> = State<
  'model' extends TField ? null : TState['model'],
  'messages' extends TField ? false : TState['hasMessages'],
  'logprobs' extends TField ? false : TState['logprobs'],
  'stream' extends TField ? false : TState['stream'],
  'tools' extends TField ? never : TState['tools'],
  'tools' extends TField ? never : TState['customTools'],
  'functions' extends TField ? never : TState['functions'],
  'modalities' extends TField ? false : TState['audioModality'],
  'audio' extends TField ? false : TState['audio'],
  'max_tokens' extends TField ? false : TState['maxTokens'],
  'max_completion_tokens' extends TField ? false : TState['maxCompletionTokens'],
  Exclude<TState['params'], TField>,
  'reasoning_effort' extends TField ? null : TState['effort'],
  'tools' extends TField ? NoToolInputs : TState['toolInputs'],
  'response_format' extends TField ? null : TState['output'],
  'tools' extends TField ? false : TState['hasTools'],
  'messages' extends TField ? never : TState['vars']
> &
  unknown;

// The two updates most calls make, written out: no conditional per field, so the long chains stay cheap.

/** `TState` after a message was added. */
export type WithMessage<TState extends BuilderState> = State<
  TState['model'],
  true,
  TState['logprobs'],
  TState['stream'],
  TState['tools'],
  TState['customTools'],
  TState['functions'],
  TState['audioModality'],
  TState['audio'],
  TState['maxTokens'],
  TState['maxCompletionTokens'],
  TState['params'],
  TState['effort'],
  TState['toolInputs'],
  TState['output'],
  TState['hasTools'],
  TState['vars']
> &
  unknown;

/**
 * The wire parameters a state records in `params`: the model-restricted ones (`service_tier` and
 * `prompt_cache_retention` only at the values some models refuse, `'flex'` and `'24h'`) and the
 * prerequisites' dependents. One list, so that a check over every recorded name (`OnlyInGenericPreset`) misses none.
 */
export type RecordedParam =
  | 'temperature'
  | 'top_p'
  | 'frequency_penalty'
  | 'presence_penalty'
  | 'logit_bias'
  | 'stop'
  | 'parallel_tool_calls'
  | 'web_search_options'
  | 'prediction'
  | 'top_logprobs'
  | 'stream_options'
  | 'service_tier'
  | 'prompt_cache_retention';

/** `TState` after a model-restricted parameter was set (recorded for the model rules at `send()`). */
export type WithParam<TState extends BuilderState, TParam extends RecordedParam> = State<
  TState['model'],
  TState['hasMessages'],
  TState['logprobs'],
  TState['stream'],
  TState['tools'],
  TState['customTools'],
  TState['functions'],
  TState['audioModality'],
  TState['audio'],
  TState['maxTokens'],
  TState['maxCompletionTokens'],
  TState['params'] | TParam,
  TState['effort'],
  TState['toolInputs'],
  TState['output'],
  TState['hasTools'],
  TState['vars']
> &
  unknown;

/**
 * `TState` after a message holding a template with the variables `TVars` was added. Written out like
 * `WithMessage` (not `With<WithMessage<...>>`): the compiler instantiates every overload of a message
 * method for each builder type, so this is paid by chains without templates too (measured: about 500
 * more instantiations in the long-chain budget test when built on `With`).
 */
export type WithTemplate<TState extends BuilderState, TVars extends string> = State<
  TState['model'],
  true,
  TState['logprobs'],
  TState['stream'],
  TState['tools'],
  TState['customTools'],
  TState['functions'],
  TState['audioModality'],
  TState['audio'],
  TState['maxTokens'],
  TState['maxCompletionTokens'],
  TState['params'],
  TState['effort'],
  TState['toolInputs'],
  TState['output'],
  TState['hasTools'],
  TState['vars'] | TVars
> &
  unknown;

/**
 * The state of a builder read from a preset document (`chat.fromPreset()`): what `LooseState` allows,
 * with the document's unfilled variables (`string` when the document's type does not name them), and
 * streaming when imported with `{ stream: true }`.
 */
export type PresetState<TVars extends string, TStream extends boolean = false> = With<
  LooseState<TStream>,
  'vars',
  TVars
> &
  unknown;
