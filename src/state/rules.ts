import type { BuilderState } from './builder-state.js';
import type { ModelProblem } from './model-rules.js';
import type { UnfilledVarsProblem } from './template-rules.js';
import type { ChatwrightTypeError } from './type-error.js';

/*
 * The type-level rules. Each gate is "blocked only when known to be missing": a state field of
 * `boolean` or `string` (an imported preset, see LooseState) lets the call through and leaves the
 * rule to runtime validation. Wrapping in [ ] keeps the conditionals from distributing over unions.
 */

/** `TValue` when the flag may be on, otherwise the error. */
export type RequireFlag<TFlag extends boolean, TValue, TMessage extends string> = [TFlag] extends [false]
  ? ChatwrightTypeError<TMessage>
  : TValue;

/** `TValue` when at least one name may be present, otherwise the error. */
export type RequireNames<TNames extends string, TValue, TMessage extends string> = [TNames] extends [never]
  ? ChatwrightTypeError<TMessage>
  : TValue;

/** `true` when names are known to be present: not `never` (none) and not `string` (unknown). */
export type HasKnownNames<TNames extends string> = [TNames] extends [never]
  ? false
  : string extends TNames
    ? false
    : true;

/** `true` when `TParam` is known to be set (never for an imported preset, whose params are `string`). */
type HasParam<TState extends BuilderState, TParam extends string> = string extends TState['params']
  ? false
  : TParam extends TState['params']
    ? true
    : false;

/**
 * What keeps a builder from being sent, as a sentence; `never` when it can be sent. Unfilled template
 * variables come first (a preset is not a request, see src/state/template-rules.ts), then the rules
 * that presets may complete in any order, checked here rather than at either call; the model's own
 * rules (src/state/model-rules.ts) come last, all of them at once.
 */
export type SendProblem<TState extends BuilderState> = [TState['vars']] extends [never]
  ? RequestProblem<TState>
  : string extends TState['vars']
    ? RequestProblem<TState>
    : UnfilledVarsProblem<TState['vars']>;

/** What keeps a builder without unfilled variables from being sent; `never` when it can be sent. */
type RequestProblem<TState extends BuilderState> = [TState['model']] extends [null]
  ? 'send() needs a model: call .model() first'
  : [TState['hasMessages']] extends [false]
    ? 'send() needs at least one message: add one with .user(), .system() or .messages()'
    : [TState['audioModality'], TState['audio']] extends [true, false]
      ? "modalities include 'audio': set the voice and format with .audio()"
      : [TState['audio'], TState['audioModality']] extends [true, false]
        ? "audio() needs 'audio' in .modalities(['text', 'audio'])"
        : [HasParam<TState, 'top_logprobs'>, TState['logprobs']] extends [true, false]
          ? 'topLogprobs() is set but .logprobs(false) turned logprobs off: call .logprobs(), or drop topLogprobs()'
          : [HasParam<TState, 'stream_options'>, TState['stream']] extends [true, false]
            ? 'streamOptions() is set but .stream(false) turned streaming off: call .stream(), or drop streamOptions()'
            : [TState['maxTokens'], TState['maxCompletionTokens']] extends [true, true]
              ? 'maxTokens() and maxCompletionTokens() are both set: keep only maxCompletionTokens()'
              : [
                    HasKnownNames<TState['functions']>,
                    HasKnownNames<TState['tools'] | TState['customTools']>,
                  ] extends [true, true]
                ? 'the deprecated functions() cannot be mixed with tools: use .tool() for every function'
                : ModelProblem<TState>;
