// A call whose result is assigned somewhere: where it does not fit the builder type it goes to, the
// call's own argument is refused with the sentence naming when(); everywhere else (no assignment, a
// type it fits, a generic function's argument, a non-builder type) the call is as it always was.
import { expectTypeOf } from 'expect-type';
import {
  type BuilderState,
  type ChatBuilder,
  type ChatCompletionResult,
  chat,
  fanOut,
  type PresetDocument,
} from '../../src/index.js';

declare const creative: boolean;
declare const limit: number | undefined;

let builder = chat().model('gpt-4o').user('Hi');
// @ts-expect-error temperature() changes the builder's type: the argument names .when()
if (creative) builder = builder.temperature(0.9);
// @ts-expect-error so does maxCompletionTokens()
if (limit) builder = builder.maxCompletionTokens(limit);
// @ts-expect-error a different model is a different type
if (creative) builder = builder.model('gpt-4o-mini');

// In a chain, the last call is the one checked: its result is what the variable would get.
// @ts-expect-error stop() returns a builder that also has a temperature
if (creative) builder = builder.temperature(0.9).stop('END');

// The refused argument is the call's own: the message is the one the mistakes test checks.
type Refused = Parameters<typeof builder.temperature<0.9, typeof builder>>[0];
expectTypeOf<Refused>().toEqualTypeOf<
  import('../../src/index.js').ChatwrightTypeError<'temperature() returns a builder of another type than the one expected here: to make a call only when a condition holds, use .when(condition, (b) => b.temperature(...))'>
>();

// The result fits: the same type, a call that records nothing (temperature(1) is the default), a
// conversation growing in one variable.
let sampled = chat().model('gpt-4o').user('Hi').temperature(0.5).topP(0.9);
sampled = sampled.temperature(0.7).topP(0.8).topP(1);
builder = builder.temperature(1);
let conversation = chat().model('gpt-4o').maxCompletionTokens(100).user('Hi');
conversation = conversation.maxCompletionTokens(200).assistant('Hello!').user('More?');

// Not a builder type, or not known yet: left to TypeScript, which accepts these.
declare function takes<S extends BuilderState>(builder: ChatBuilder<S>): S;
declare function presetOf<V extends string>(builder: { toPreset(): PresetDocument<V> }): PresetDocument<V>;
export const taken = takes(builder.temperature(0.5));
export const document = presetOf(chat().model('gpt-4o').user('Hi').vars({}));
export const fannedOut = fanOut([builder.temperature(0.2), builder.temperature(0.4)]);
export const used = builder.use((b) => b.temperature(0.3)).stop('END');
export const branched = builder.when(creative, (b) => b.temperature(1.2).topP(0.95));
export const stored: unknown = builder.temperature(0.5);
export function declared(): ChatBuilder<BuilderState> | unknown {
  return builder.temperature(0.4);
}

// The result's type is unchanged by the check: the builder the call makes, not an intersection.
expectTypeOf(builder.temperature(0.5)).toEqualTypeOf(chat().model('gpt-4o').user('Hi').temperature(0.5));
expectTypeOf(sampled.send()).toEqualTypeOf<Promise<ChatCompletionResult>>();

export { builder, conversation, sampled };
