import type { ValidationIssue } from '../errors/validation-error.js';

/** A request the fake server received, as a test inspects it. */
export interface RecordedRequest {
  readonly method: string;
  /** The path without the query, such as `/v1/chat/completions`. */
  readonly path: string;
  /** The query parameters; `api-key`, `api_key` and `key` are recorded as `[REDACTED]`. */
  readonly query: Readonly<Record<string, string>>;
  /**
   * Lower-case header names. `authorization` is recorded as `Bearer [REDACTED]`, and `api-key`,
   * `x-api-key`, `proxy-authorization` and `cookie` as `[REDACTED]`, so a failing assertion that
   * prints this record cannot print a key.
   */
  readonly headers: Readonly<Record<string, string>>;
  /** The parsed JSON body, or its text when it is not JSON. */
  readonly body: unknown;
  /**
   * chatwright's validation of a Chat Completions body, as the builder would judge it (with the paths
   * of issues). Absent for Files and Batches calls, whose bodies are not chat requests.
   */
  readonly validation?: { readonly success: boolean; readonly issues: readonly ValidationIssue[] };
}
