/**
 * A compile-time error with a sentence in it. Where a call is not allowed in the builder's current
 * state, its parameter (or the method itself) becomes this type, so the compiler prints the fix:
 * `Argument of type 'number' is not assignable to parameter of type
 * 'ChatwrightTypeError<"topLogprobs() needs .logprobs() first">'`.
 * No value has this type at runtime.
 */
export interface ChatwrightTypeError<TMessage extends string> {
  readonly __chatwrightTypeError: TMessage;
}
