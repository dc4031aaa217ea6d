import { APIError } from '../errors/api-error.js';

/** Where a body came from: the status and headers its error should carry. */
export interface ResponseOrigin {
  readonly status: number | undefined;
  readonly headers: Headers | undefined;
}

/**
 * Why `body` is not a Chat Completions response the library can read, or `undefined` when it is: an
 * object whose `choices` is a list of objects, each with a `message` object whose `tool_calls`, when
 * present, is a list of calls with their `function` (or `custom`) object. Only what the library and
 * its typed results read is checked; extra and missing optional fields are left to the caller.
 */
export function completionShapeProblem(body: unknown): string | undefined {
  if (!isObject(body)) return `the body is ${kindOf(body)}`;
  const choices = body.choices;
  if (!Array.isArray(choices)) return `choices is ${kindOf(choices)}`;
  for (let i = 0; i < choices.length; i++) {
    const choice: unknown = choices[i];
    if (!isObject(choice)) return `choices[${i}] is ${kindOf(choice)}`;
    const message = choice.message;
    if (!isObject(message)) return `choices[${i}].message is ${kindOf(message)}`;
    const content = message.content;
    if (content !== undefined && content !== null && typeof content !== 'string') {
      return `choices[${i}].message.content is ${kindOf(content)}`;
    }
    const problem = toolCallsProblem(message.tool_calls, `choices[${i}].message.tool_calls`, false);
    if (problem !== undefined) return problem;
  }
  return undefined;
}

/**
 * Why `chunk` is not a streamed chunk the library can read, or `undefined`. A chunk without `choices`
 * is read as one with `choices: []` (some servers send usage so): the caller gives that default.
 */
export function chunkShapeProblem(chunk: object): string | undefined {
  const choices = (chunk as { readonly choices?: unknown }).choices;
  if (choices === undefined) return undefined;
  if (!Array.isArray(choices)) return `choices is ${kindOf(choices)}`;
  for (let i = 0; i < choices.length; i++) {
    const choice: unknown = choices[i];
    if (!isObject(choice)) return `choices[${i}] is ${kindOf(choice)}`;
    const delta = choice.delta;
    if (delta === undefined || delta === null) continue;
    if (!isObject(delta)) return `choices[${i}].delta is ${kindOf(delta)}`;
    const problem = toolCallsProblem(delta.tool_calls, `choices[${i}].delta.tool_calls`, true);
    if (problem !== undefined) return problem;
  }
  return undefined;
}

/**
 * The `APIError` (type `invalid_response`) of a 2xx body that is no chat completion, or `undefined`
 * for one that is. For every place a completion enters: `send()`, and each line of a batch's output.
 *
 * @example
 * const error = completionShapeError(line.response.body, { status: 200, headers });
 * if (error !== undefined) return { customId, ok: false, error };
 */
export function completionShapeError(body: unknown, origin: ResponseOrigin): APIError | undefined {
  const problem = completionShapeProblem(body);
  return problem === undefined
    ? undefined
    : invalidResponse(`the response is not a chat completion: ${problem}`, origin);
}

/** An `APIError` of type `invalid_response`: the server answered, but not with what was asked for. */
export function invalidResponse(message: string, origin: ResponseOrigin): APIError {
  return new APIError({
    status: origin.status,
    error: { message, type: 'invalid_response' },
    requestId: origin.headers?.get('x-request-id') ?? undefined,
    headers: origin.headers,
  });
}

function toolCallsProblem(calls: unknown, path: string, partial: boolean): string | undefined {
  if (calls === undefined || calls === null) return undefined;
  if (!Array.isArray(calls)) return `${path} is ${kindOf(calls)}`;
  for (let i = 0; i < calls.length; i++) {
    const call: unknown = calls[i];
    if (!isObject(call)) return `${path}[${i}] is ${kindOf(call)}`;
    // A streamed piece may carry only arguments; a whole call names its function.
    if (partial) {
      if (call.function !== undefined && !isObject(call.function)) {
        return `${path}[${i}].function is ${kindOf(call.function)}`;
      }
      continue;
    }
    const part = call.type === 'custom' ? 'custom' : 'function';
    const body = call[part];
    if (!isObject(body)) return `${path}[${i}].${part} is ${kindOf(body)}`;
    if (typeof body.name !== 'string') return `${path}[${i}].${part}.name is ${kindOf(body.name)}`;
    const text = part === 'custom' ? 'input' : 'arguments';
    if (typeof body[text] !== 'string') return `${path}[${i}].${part}.${text} is ${kindOf(body[text])}`;
  }
  return undefined;
}

function isObject(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function kindOf(value: unknown): string {
  if (value === undefined) return 'missing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}
