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
  /** `modalities` includes `'audio'`. */
  readonly audioModality: boolean;
  /** `audio` output parameters were set. */
  readonly audio: boolean;
  /** `max_tokens` was set. */
  readonly maxTokens: boolean;
  /** `max_completion_tokens` was set. */
  readonly maxCompletionTokens: boolean;
  /** The model-restricted wire parameters set so far (see `ModelRestrictedParam`), checked at `send()`. */
  readonly params: string;
  /** The `reasoning_effort` literal, `null` before `.reasoningEffort()`. */
  readonly effort: string | null;
  /** The argument types of the schema tools added, by name (an intersection of one-key records). */
  readonly toolInputs: object;
  /** The structured output type of a `.jsonSchema()` schema, boxed (`[T]`); `null` when none. */
  readonly output: readonly [unknown] | null;
}

/** The state of a fresh `chat()`: nothing set. */
export interface InitialState {
  readonly model: null;
  readonly hasMessages: false;
  readonly logprobs: false;
  readonly stream: false;
  readonly tools: never;
  readonly customTools: never;
  readonly functions: never;
  readonly audioModality: false;
  readonly audio: false;
  readonly maxTokens: false;
  readonly maxCompletionTokens: false;
  readonly params: never;
  readonly effort: null;
  readonly toolInputs: NoToolInputs;
  readonly output: null;
}

/**
 * The state of a builder whose contents are known only at runtime (imported from JSON): every call
 * is allowed at compile time, and runtime validation checks the rules before anything is sent.
 */
export interface LooseState {
  readonly model: string;
  readonly hasMessages: true;
  readonly logprobs: true;
  readonly stream: boolean;
  readonly tools: string;
  readonly customTools: string;
  readonly functions: string;
  readonly audioModality: boolean;
  readonly audio: boolean;
  readonly maxTokens: boolean;
  readonly maxCompletionTokens: boolean;
  readonly params: string;
  readonly effort: string | null;
  readonly toolInputs: NoToolInputs;
  readonly output: null;
}

/** No schema tools: every tool's arguments are `unknown` (parsed JSON, not validated). */
export type NoToolInputs = Readonly<Record<never, never>>;

/** `TState` with `TKey` replaced by `TValue`: one flat mapped type, no recursion. */
export type With<TState extends BuilderState, TKey extends keyof BuilderState, TValue> = {
  readonly [P in keyof BuilderState]: P extends TKey ? TValue : TState[P];
};

/**
 * `TState` after `.tool(t)` with a schema tool: the name joins `tools` and its argument type joins
 * `toolInputs`, in one flat mapped type (still no recursion).
 */
export type WithTool<TState extends BuilderState, TName extends string, TArgs> = {
  readonly [P in keyof BuilderState]: P extends 'tools'
    ? TState['tools'] | TName
    : P extends 'toolInputs'
      ? TState['toolInputs'] & { readonly [K in TName]: TArgs }
      : TState[P];
};

/**
 * What a builder may be after a conditional step (`when()`): each field is what either state has, so a
 * flag set in one branch only becomes `boolean` ("maybe"), which the rules treat as allowed and leave
 * to runtime validation. One flat mapped type, no recursion.
 */
export type Either<TState extends BuilderState, TOther extends BuilderState> = {
  readonly [P in keyof BuilderState]: TState[P] | TOther[P];
};
