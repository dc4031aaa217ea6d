import { invalidResponse } from './response-shape.js';

/**
 * A successful response's body as a JSON object. Anything else (not JSON, an array, a bare value) is
 * an `APIError` of type `invalid_response` quoting the start of the body, never a `SyntaxError`.
 */
export function parseJsonObject(response: Response, text: string): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) {
    return parsed as Record<string, unknown>;
  }
  const excerpt = text.length > 200 ? `${text.slice(0, 200)}...` : text;
  throw invalidResponse(`the response body is not a JSON object: ${JSON.stringify(excerpt)}`, response);
}
