import type { ChatwrightTypeError } from './type-error.js';

// A call that changes a builder's type cannot be assigned back to the variable it was called on
// (`if (creative) b = b.temperature(0.9)`): the variable's type records what was set. TypeScript's
// own error says the two builder types differ; these types add one at the call, naming the fix,
// `when()`. Such a method takes a type parameter `$Into` (default `never`), which TypeScript infers
// from the type the call's result is assigned to (a variable, a declared return type, a property),
// and its first argument is checked against that (`AssignedTo` in src/builder/chat-builder.ts).

/**
 * `unknown`, written so that TypeScript infers `TInto` from the type a call's result is assigned to:
 * inference looks into both branches of a conditional type, and the branch naming `TInto` is never
 * taken. A method returns `ChatBuilder<...> & InferredFrom<$Into>`, which is `ChatBuilder<...>`.
 */
export type InferredFrom<TInto> = [TInto] extends [never] ? unknown : TInto extends unknown ? unknown : TInto;

/**
 * `TArg`, the argument's own type, unless the call's result does not fit the builder type it is
 * assigned to (`TFits` is `false`; `boolean` for a union, such as a builder or `undefined`, is let
 * through): then the error that names `when()`.
 */
export type Fitting<TFits extends boolean, TArg, TMethod extends string> = [TFits] extends [false]
  ? ChatwrightTypeError<`${TMethod}() returns a builder of another type than the one expected here: to make a call only when a condition holds, use .when(condition, (b) => b.${TMethod}(...))`>
  : TArg;
