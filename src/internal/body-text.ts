/**
 * The method by which a builder gives its wire body as JSON text, faster than `JSON.stringify` for a
 * builder derived from a preset (body-node.ts). A symbol: it is not part of the public interface, and
 * code that takes any `{ toJSON() }` (the batch writer) can look for it without importing the builder.
 */
export const bodyText: unique symbol = Symbol('chatwright.bodyText');

/** Something that may give its body as JSON text. */
export interface HasBodyText {
  readonly [bodyText]?: () => string;
}
