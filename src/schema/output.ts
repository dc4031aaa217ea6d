import * as v from 'valibot';
import { reasoningEfforts } from '../models/reasoning-efforts.js';
import { closedObject } from './closed-object.js';
import { textContentSchema } from './content-parts.js';
import { flag, oneOf, positiveInteger, stringOr, tag, text } from './primitives.js';

/*
 * What comes back and how: token limits, choices, modalities, audio, streaming, reasoning.
 * @see https://platform.openai.com/docs/api-reference/chat/create
 */

/** `max_completion_tokens`. */
export const maxCompletionTokensSchema = v.nullable(positiveInteger('max_completion_tokens'));

/** `max_tokens` (deprecated). */
export const maxTokensSchema = v.nullable(positiveInteger('max_tokens'));

/** `n`: 1 to 128 choices (the official schema's bound). */
export const nSchema = v.nullable(v.pipe(positiveInteger('n'), v.maxValue(128, 'n must be at most 128')));

/** `modalities`: `'text'` and/or `'audio'`. */
export const modalitiesSchema = v.nullable(
  v.array(oneOf('each modality', ['text', 'audio']), "modalities must be an array such as ['text', 'audio']"),
);

/** `audio`: voice (a built-in name, a newer name, or a custom voice `{ id }`) and format. */
export const audioSchema = v.nullable(
  closedObject('audio', {
    // Any name passes, as in the wire type: voices newer than this library must keep working.
    voice: stringOr(
      v.string(),
      closedObject(
        'audio.voice',
        { id: text('audio.voice.id') },
        "audio.voice must be a voice name such as 'alloy' or a custom voice { id }",
      ),
    ),
    format: oneOf('audio.format', ['wav', 'aac', 'mp3', 'flac', 'opus', 'pcm16']),
  }),
);

/** `prediction`: content most of the answer will repeat. */
export const predictionSchema = v.nullable(
  closedObject('prediction', {
    type: tag('prediction.type', 'content'),
    content: textContentSchema('a prediction'),
  }),
);

/** `reasoning_effort`. */
export const reasoningEffortSchema = v.nullable(oneOf('reasoning_effort', reasoningEfforts));

/** `verbosity`. */
export const verbositySchema = v.nullable(oneOf('verbosity', ['low', 'medium', 'high']));

/** `stream`. */
export const streamSchema = v.nullable(flag('stream'));

/** `stream_options` (needs `stream: true`, a cross-field rule). */
export const streamOptionsSchema = v.nullable(
  closedObject('stream_options', {
    include_usage: v.exactOptional(flag('stream_options.include_usage')),
    include_obfuscation: v.exactOptional(flag('stream_options.include_obfuscation')),
  }),
);
