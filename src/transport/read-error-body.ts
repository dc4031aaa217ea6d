/**
 * The most of an error body that is read, in bytes (64 KiB): an API error fits many times over, and
 * a proxy's 64 MB page must cost neither the memory nor the time to read it on every attempt.
 */
export const errorBodyLimit = 64 * 1024;

/**
 * The text of an error response's body, up to `errorBodyLimit` bytes: the rest is not read (the body
 * is cancelled, which closes the connection). A multi-byte character cut at the limit decodes as
 * U+FFFD.
 */
export async function readErrorBody(response: Response): Promise<string> {
  const body = response.body;
  if (body === null) return '';
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  let left = errorBodyLimit;
  try {
    while (left > 0) {
      const { done, value } = await reader.read();
      if (done) return text + decoder.decode();
      const part = value.byteLength > left ? value.subarray(0, left) : value;
      text += decoder.decode(part, { stream: true });
      left -= part.byteLength;
    }
    return text + decoder.decode();
  } finally {
    reader.cancel().catch(() => {});
  }
}
