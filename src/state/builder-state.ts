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
}

/** `TState` with `TKey` replaced by `TValue`: one flat mapped type, no recursion. */
export type With<TState extends BuilderState, TKey extends keyof BuilderState, TValue> = {
  readonly [P in keyof BuilderState]: P extends TKey ? TValue : TState[P];
};
