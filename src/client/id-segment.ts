import { ValidationError } from '../errors/validation-error.js';
import { cutText } from '../internal/cut-text.js';

/**
 * A file or batch id as one segment of a request path. Encoding keeps a `/` inside the segment, but
 * `.` and `..` are path steps that URL parsing resolves (`/files/..` is `/`): such an id, an empty
 * one or a value that is not a string would address another endpoint, so it is refused before
 * anything is sent.
 *
 * @example
 * `/files/${idSegment(fileId, 'fileId')}/content`
 */
export function idSegment(id: unknown, name: 'fileId' | 'batchId'): string {
  if (typeof id !== 'string' || id === '' || id === '.' || id === '..') {
    const got = typeof id === 'string' ? JSON.stringify(cutText(id, 60)) : typeof id;
    throw new ValidationError(
      [
        {
          path: name,
          message: `an id must be a non-empty string other than "." and ".." (got ${got})`,
          input: id,
        },
      ],
      `Invalid ${name}`,
    );
  }
  return encodeURIComponent(id);
}
