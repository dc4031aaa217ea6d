import type { PartialChatCompletionRequest } from '../wire/request.js';

/** The preset document format this version of chatwright writes and reads. */
export const PRESET_FORMAT = 1;

/** One template in a preset document's request: where its text is, and the values filled in so far. */
export interface PresetTemplate {
  /** A message text holding a template: `messages.<i>.content` or `messages.<i>.content.<j>.text`. */
  readonly path: string;
  /** The variables of this template already filled, by name (left out when none is). */
  readonly values?: Readonly<Record<string, string>>;
}

/**
 * A preset as a JSON document (`builder.toPreset()`, read back by `chat.fromPreset()`): a request body
 * whose template texts are kept as written, with the list of which texts are templates. JSON through
 * and through, versioned, and described by the JSON Schema `chatwright/preset.schema.json`.
 * @example
 * {
 *   "chatwright": 1,
 *   "request": { "model": "gpt-4o", "messages": [{ "role": "system", "content": "You help {{customer}}." }] },
 *   "templates": [{ "path": "messages.0.content" }],
 *   "variables": ["customer"]
 * }
 */
export interface PresetDocument<TVars extends string = string> {
  /** The JSON Schema editors validate and complete the document with (optional; never read). */
  readonly $schema?: string;
  /** The document format's version: `1`. A newer version is refused with a message saying so. */
  readonly chatwright: typeof PRESET_FORMAT;
  /** The request body, known fields only; template texts as written (`{{name}}` included). */
  readonly request: Readonly<PartialChatCompletionRequest>;
  /** The texts of `request` that are templates; any other text is plain, even with `{{...}}` in it. */
  readonly templates?: readonly PresetTemplate[];
  /** The template variables still unfilled, each once: the names `.vars()` must fill before sending. */
  readonly variables: readonly TVars[];
  /** Provider-specific fields (`extra()`), sent beside the request's. */
  readonly extra?: Readonly<Record<string, unknown>>;
}

/**
 * The unfilled variables of a document's type: those of a `toPreset()` result, `string` (known only
 * at runtime) for parsed JSON, JSON text, or anything else.
 */
export type inferPresetVars<TDocument> = 0 extends 1 & TDocument
  ? string
  : TDocument extends { readonly variables: readonly (infer $Vars extends string)[] }
    ? $Vars
    : string;
