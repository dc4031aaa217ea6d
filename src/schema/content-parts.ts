import * as v from 'valibot';
import { closedObject } from './closed-object.js';
import { oneOf, stringOr, stringOrParts, tag, tagged, text } from './primitives.js';
import { isUri } from './uri.js';

/*
 * Content parts of messages and predictions.
 * @see https://platform.openai.com/docs/api-reference/chat/create#chat-create-messages
 */

/** `prompt_cache_breakpoint: { mode: 'explicit' }` (newer API). */
const cacheBreakpoint = v.exactOptional(
  closedObject('prompt_cache_breakpoint', { mode: tag('prompt_cache_breakpoint.mode', 'explicit') }),
);

/** `{ type: 'text', text }`. */
const textPartSchema = closedObject('a text part', {
  type: tag('type', 'text'),
  text: text('text'),
  prompt_cache_breakpoint: cacheBreakpoint,
});

const imagePartSchema = closedObject('an image part', {
  type: tag('type', 'image_url'),
  image_url: closedObject('image_url', {
    // The official schema's `format: uri`: an absolute URL or a `data:` URL, spaces percent-encoded.
    url: v.pipe(
      text('image_url.url'),
      v.check(
        isUri,
        'image_url.url must be an absolute URL (https://..., spaces and non-ASCII characters percent-encoded) or a data: URL',
      ),
    ),
    detail: v.exactOptional(oneOf('image_url.detail', ['auto', 'low', 'high'])),
  }),
  prompt_cache_breakpoint: cacheBreakpoint,
});

const audioPartSchema = closedObject('an input audio part', {
  type: tag('type', 'input_audio'),
  input_audio: closedObject('input_audio', {
    data: text('input_audio.data'),
    format: oneOf('input_audio.format', ['wav', 'mp3']),
  }),
  prompt_cache_breakpoint: cacheBreakpoint,
});

const filePartSchema = closedObject('a file part', {
  type: tag('type', 'file'),
  // Neither `file_id` nor `file_data` is required by the official schema, and no API rule we can cite
  // says one must be there: `filePart()` always writes one, a hand-written part is sent as written.
  file: closedObject('file', {
    file_data: v.exactOptional(text('file.file_data')),
    file_id: v.exactOptional(text('file.file_id')),
    filename: v.exactOptional(text('file.filename')),
  }),
  prompt_cache_breakpoint: cacheBreakpoint,
});

const refusalPartSchema = closedObject('a refusal part', {
  type: tag('type', 'refusal'),
  refusal: text('refusal'),
});

/** Parts of system, developer and tool messages, and of predictions: text only. */
const textOnlyPart = (owner: string) =>
  tagged('type', `a content part of ${owner}`, ['text'], [textPartSchema]);

/** Content of a system, developer or tool message, or of a prediction: a string or text parts. */
/* @__NO_SIDE_EFFECTS__ */
export function textContentSchema(owner: string) {
  return stringOrParts('content', textOnlyPart(owner), 'text parts');
}

/** Content of a user message: a string or text, image, audio and file parts. */
export const userContentSchema = stringOrParts(
  'content',
  tagged(
    'type',
    'a content part of a user message',
    ['text', 'image_url', 'input_audio', 'file'],
    [textPartSchema, imagePartSchema, audioPartSchema, filePartSchema],
  ),
  'content parts',
);

const assistantPart = tagged(
  'type',
  'a content part of an assistant message',
  ['text', 'refusal'],
  [textPartSchema, refusalPartSchema],
);

/**
 * Content of an assistant message: a string, or text parts, or exactly one refusal part (the API
 * reference's rule: a refusal is the whole answer), or `null`.
 */
export const assistantContentSchema = v.nullable(
  stringOr(
    v.string(),
    v.pipe(
      v.array(assistantPart, 'content must be a string or an array of text or refusal parts'),
      v.minLength(1, 'content must not be an empty array (pass a string or at least one part)'),
      v.check(
        (parts) => parts.length === 1 || parts.every((part) => part.type === 'text'),
        'content holds text parts or a single refusal part, not both',
      ),
    ),
  ),
);
