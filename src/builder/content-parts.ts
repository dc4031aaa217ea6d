import type { Template, TemplatePart } from '../template/template.js';
import type {
  FileContentPart,
  ImageContentPart,
  InputAudioContentPart,
  TextContentPart,
} from '../wire/request.js';

/**
 * A text content part; with a `template()`, a part whose `{{variables}}` join the builder's type.
 * @example chat().user([textPart('What is this?'), imagePart('https://example.com/a.png')])
 * @example chat().user([textPart(template('Describe {{thing}}.')), imagePart('https://example.com/a.png')])
 */
export function textPart(text: string): TextContentPart;
export function textPart<$Vars extends string>(text: Template<$Vars>): TemplatePart<$Vars>;
/* @__NO_SIDE_EFFECTS__ */
export function textPart(text: string | Template): TextContentPart | TemplatePart {
  return { type: 'text', text } as TextContentPart | TemplatePart;
}

/**
 * An image content part from a URL or a `data:` URL; `detail` trades cost for resolution.
 * @example imagePart('https://example.com/cat.png', { detail: 'low' })
 */
/* @__NO_SIDE_EFFECTS__ */
export function imagePart(
  url: string,
  options?: { readonly detail?: 'auto' | 'low' | 'high' },
): ImageContentPart {
  return {
    type: 'image_url',
    image_url: options?.detail === undefined ? { url } : { url, detail: options.detail },
  };
}

/**
 * An input audio content part: base64-encoded `wav` or `mp3` data.
 * @example audioPart(readFileSync('question.wav').toString('base64'), 'wav')
 */
/* @__NO_SIDE_EFFECTS__ */
export function audioPart(data: string, format: 'wav' | 'mp3'): InputAudioContentPart {
  return { type: 'input_audio', input_audio: { data, format } };
}

// Deliberately without the side-effect-free annotation of the others (bundlers read the token even in
// a comment): `in` throws on a value that is not an object.
/**
 * A file content part: an uploaded file's id, or base64 data with a file name.
 * @example filePart({ fileId: 'file-abc123' })
 * @example filePart({ fileData: `data:application/pdf;base64,${pdf}`, filename: 'invoice.pdf' })
 */
export function filePart(
  file: { readonly fileId: string } | { readonly fileData: string; readonly filename?: string },
): FileContentPart {
  if ('fileId' in file) return { type: 'file', file: { file_id: file.fileId } };
  return {
    type: 'file',
    file:
      file.filename === undefined
        ? { file_data: file.fileData }
        : { file_data: file.fileData, filename: file.filename },
  };
}
