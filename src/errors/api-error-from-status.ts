import { APIError, type APIErrorBody } from './api-error.js';
import { AuthenticationError } from './authentication-error.js';
import { BadRequestError } from './bad-request-error.js';
import { ConflictError } from './conflict-error.js';
import { InternalServerError } from './internal-server-error.js';
import { NotFoundError } from './not-found-error.js';
import { PermissionDeniedError } from './permission-denied-error.js';
import { RateLimitError } from './rate-limit-error.js';
import { UnprocessableEntityError } from './unprocessable-entity-error.js';

const byStatus: Record<number, typeof APIError> = {
  400: BadRequestError,
  401: AuthenticationError,
  403: PermissionDeniedError,
  404: NotFoundError,
  409: ConflictError,
  422: UnprocessableEntityError,
  429: RateLimitError,
};

/**
 * Picks the error class for an HTTP status and builds it from a parsed body. Accepts the OpenAI
 * envelope `{ error: {...} }`, a bare `{ message }`, or anything else (kept as the message text).
 * `text` is the body as it came, kept on the error as `body`.
 */
export function apiErrorFromStatus(
  status: number | undefined,
  body: unknown,
  headers?: Headers,
  text?: string,
): APIError {
  const ErrorClass =
    status === undefined ? APIError : (byStatus[status] ?? (status >= 500 ? InternalServerError : APIError));
  return new ErrorClass({
    status,
    error: errorBodyOf(body),
    requestId: headers?.get('x-request-id') ?? undefined,
    headers,
    body: text,
  });
}

function errorBodyOf(body: unknown): APIErrorBody | undefined {
  if (body === undefined || body === null || body === '') return undefined;
  if (typeof body === 'string') return { message: body };
  if (typeof body !== 'object') return { message: String(body) };
  const envelope = body as { error?: unknown; message?: unknown };
  if (envelope.error && typeof envelope.error === 'object') return envelope.error as APIErrorBody;
  if (typeof envelope.error === 'string') return { message: envelope.error };
  if (typeof envelope.message === 'string') return { message: envelope.message };
  return undefined;
}
