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

// Each refused argument stands on its own line, apart from TypeScript's own error at the assignment:
// were the call to stop naming when(), the directive above the argument would be unused and fail.
let builder = chat().model('gpt-4o').user('Hi');
if (creative) {
  // @ts-expect-error TypeScript's own: the variable's type has no temperature
  builder = builder.temperature(
    // @ts-expect-error temperature() changes the builder's type: the argument names .when()
    0.9,
  );
}
if (limit) {
  // @ts-expect-error TypeScript's own: the variable's type has no max_completion_tokens
  builder = builder.maxCompletionTokens(
    // @ts-expect-error so does maxCompletionTokens()
    limit,
  );
}
if (creative) {
  // @ts-expect-error TypeScript's own: the variable's type is of gpt-4o
  builder = builder.model(
    // @ts-expect-error a different model is a different type
    'gpt-4o-mini',
  );
}

// In a chain, the last call is the one checked: its result is what the variable would get.
if (creative) {
  // @ts-expect-error TypeScript's own: the variable's type has neither temperature nor stop
  builder = builder.temperature(0.9).stop(
    // @ts-expect-error stop() returns a builder that also has a temperature
    'END',
  );
}

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
// A declared return type the result fits; a builder after when(), which may have either state; an
// imported preset, whose state allows every call.
export function fitting(): typeof builder {
  return builder.temperature(1);
}
let branch = builder.when(creative, (b) => b.temperature(1.2));
branch = branch.temperature(0.4);
let imported = chat.fromJSON('{"model":"gpt-4o"}');
imported = imported.temperature(0.5).stop('END');

// Not a builder type, or not known yet: left to TypeScript, which accepts these.
declare function takes<S extends BuilderState>(builder: ChatBuilder<S>): S;
declare function presetOf<V extends string>(builder: { toPreset(): PresetDocument<V> }): PresetDocument<V>;
export const taken = takes(builder.temperature(0.5));
export const document = presetOf(chat().model('gpt-4o').user('Hi').vars({}));
export const fannedOut = fanOut([builder.temperature(0.2), builder.temperature(0.4)]);
export const used = builder.use((b) => b.temperature(0.3)).stop('END');
export const branched = builder.when(creative, (b) => b.temperature(1.2).topP(0.95));
export const stored: unknown = builder.temperature(0.5);
export function declared(): ChatBuilder<any> {
  return builder.temperature(0.4);
}

// Known limits (docs/builder.md): the type compared is the one TypeScript expects at the call, which
// for a cast and for an overloaded function's first signature is not where the result goes.
// @ts-expect-error the cast's type is read as the type the result is assigned to
export const cast = builder.temperature(0.9) as typeof builder;
export const castThroughUnknown = builder.temperature(0.9) as unknown as typeof builder;
declare function overloaded(builder: typeof sampled): 1;
declare function overloaded(builder: ChatBuilder<any>): 2;
// @ts-expect-error the first signature's type is read as the one the result is assigned to
export const chosen = overloaded(builder.temperature(0.9));

// The result's type is unchanged by the check: the builder the call makes, not an intersection.
expectTypeOf(builder.temperature(0.5)).toEqualTypeOf(chat().model('gpt-4o').user('Hi').temperature(0.5));
expectTypeOf(sampled.send()).toEqualTypeOf<Promise<ChatCompletionResult>>();

export { branch, builder, conversation, imported, sampled };
