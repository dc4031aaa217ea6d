import type { ChatCompletionChunk, ChatCompletionChunkDelta } from '../wire/chunk.js';
import type { ChatCompletion, FinishReason } from '../wire/response.js';

/** What a scripted completion says about itself; every field has a fixed default, so bodies compare exactly. */
export interface FakeCompletionInit {
  /** Default `'gpt-4o'` (a server reply echoes the request's model instead). */
  readonly model?: string;
  /** Default `'chatcmpl-fake'`. */
  readonly id?: string;
  /** Default `1700000000`. */
  readonly created?: number;
  /** Default `'stop'`. */
  readonly finishReason?: FinishReason;
}

const defaults = {
  model: 'gpt-4o',
  id: 'chatcmpl-fake',
  created: 1_700_000_000,
  finishReason: 'stop',
} as const;

/** A function tool call the fake server answers with; `arguments` is sent as JSON (a string as it is). */
export interface FakeToolCall {
  readonly name: string;
  /** An object is JSON-encoded; a string is sent as it is (to script malformed arguments). */
  readonly arguments: unknown;
  /** Default `call_fake_<n>`, n counting the calls of the answer from 1. */
  readonly id?: string;
}

/**
 * What the assistant answers: text, a JSON value (structured output: sent as compact JSON text,
 * streamed in short runs), function tool calls, or a refusal.
 */
export type FakeAnswer =
  | { readonly content: string }
  | { readonly json: unknown }
  | { readonly toolCalls: readonly FakeToolCall[] }
  | { readonly refusal: string };

interface ResolvedToolCall {
  readonly id: string;
  readonly name: string;
  readonly arguments: string;
}

function resolveToolCalls(calls: readonly FakeToolCall[]): ResolvedToolCall[] {
  return calls.map((call, index) => ({
    id: call.id ?? `call_fake_${index + 1}`,
    name: call.name,
    arguments: typeof call.arguments === 'string' ? call.arguments : JSON.stringify(call.arguments),
  }));
}

/** The pieces an answer is streamed in (and counted as tokens): words of text, short runs of JSON. */
function answerPieces(answer: FakeAnswer): string[] {
  if ('content' in answer) return pieces(answer.content);
  if ('json' in answer) return jsonPieces(JSON.stringify(answer.json));
  if ('refusal' in answer) return pieces(answer.refusal);
  return resolveToolCalls(answer.toolCalls).flatMap((call) => jsonPieces(call.arguments));
}

/** The message text of a text or JSON answer; undefined for tool calls and refusals. */
function textOf(answer: FakeAnswer): string | undefined {
  if ('content' in answer) return answer.content;
  if ('json' in answer) return JSON.stringify(answer.json);
  return undefined;
}

function defaultFinishReason(answer: FakeAnswer): FinishReason {
  return 'toolCalls' in answer ? 'tool_calls' : defaults.finishReason;
}

/**
 * A non-streaming completion body whose one choice answers `text`; usage counts one token a word.
 *
 * @example
 * const body = completionBody('Hello!', { model: 'gpt-4o-mini' });
 * body.choices[0]?.message.content; // 'Hello!'
 */
export function completionBody(text: string, init: FakeCompletionInit = {}): ChatCompletion {
  return answerBody({ content: text }, init);
}

/**
 * A non-streaming completion body of any answer: text, tool calls (finish reason `tool_calls`) or a
 * refusal.
 *
 * @example
 * const body = answerBody({ toolCalls: [{ name: 'get_weather', arguments: { city: 'Paris' } }] });
 * body.choices[0]?.message.tool_calls?.[0]; // { id: 'call_fake_1', type: 'function', function: {...} }
 */
export function answerBody(answer: FakeAnswer, init: FakeCompletionInit = {}): ChatCompletion {
  const tokens = answerPieces(answer).length;
  const message: ChatCompletion['choices'][number]['message'] = {
    role: 'assistant',
    content: textOf(answer) ?? null,
    refusal: 'refusal' in answer ? answer.refusal : null,
    annotations: [],
  };
  if ('toolCalls' in answer) {
    message.tool_calls = resolveToolCalls(answer.toolCalls).map((call) => ({
      id: call.id,
      type: 'function',
      function: { name: call.name, arguments: call.arguments },
    }));
  }
  return {
    id: init.id ?? defaults.id,
    object: 'chat.completion',
    created: init.created ?? defaults.created,
    model: init.model ?? defaults.model,
    choices: [
      {
        index: 0,
        message,
        logprobs: null,
        finish_reason: init.finishReason ?? defaultFinishReason(answer),
      },
    ],
    usage: { prompt_tokens: 0, completion_tokens: tokens, total_tokens: tokens },
  };
}

/**
 * The chunks a server streams for `text`, as OpenAI sends them: a first chunk with the role, one
 * chunk a word (with its leading space), a last chunk with the finish reason, and, with
 * `includeUsage`, a usage chunk with no choices.
 *
 * @example
 * completionChunks('Hi there').map((c) => c.choices[0]?.delta?.content); // ['', 'Hi', ' there', undefined]
 */
export function completionChunks(
  text: string,
  init: FakeCompletionInit & { readonly includeUsage?: boolean } = {},
): ChatCompletionChunk[] {
  return answerChunks({ content: text }, init);
}

/**
 * The chunks of any answer, as OpenAI streams them: text a word a chunk; a refusal likewise in
 * `delta.refusal`; each tool call opened by a chunk with its index, id and name, then its arguments in
 * short pieces; then the finish reason and, with `includeUsage`, a usage chunk.
 *
 * @example
 * answerChunks({ refusal: 'I cannot help with that.' }).map((c) => c.choices[0]?.delta?.refusal);
 * // [null, 'I', ' cannot', ' help', ' with', ' that.', undefined]
 */
export function answerChunks(
  answer: FakeAnswer,
  init: FakeCompletionInit & { readonly includeUsage?: boolean } = {},
): ChatCompletionChunk[] {
  const head = {
    id: init.id ?? defaults.id,
    object: 'chat.completion.chunk' as const,
    created: init.created ?? defaults.created,
    model: init.model ?? defaults.model,
  };
  const chunk = (delta: ChatCompletionChunkDelta): ChatCompletionChunk => ({
    ...head,
    choices: [{ index: 0, delta, finish_reason: null }],
  });
  const chunks: ChatCompletionChunk[] = [];
  if ('content' in answer || 'json' in answer) {
    chunks.push(chunk({ role: 'assistant', content: '', refusal: null }));
    for (const piece of answerPieces(answer)) chunks.push(chunk({ content: piece }));
  } else if ('refusal' in answer) {
    chunks.push(chunk({ role: 'assistant', content: null, refusal: null }));
    for (const word of pieces(answer.refusal)) chunks.push(chunk({ refusal: word }));
  } else {
    chunks.push(chunk({ role: 'assistant', content: null, refusal: null }));
    for (const [index, call] of resolveToolCalls(answer.toolCalls).entries()) {
      chunks.push(
        chunk({
          tool_calls: [
            { index, id: call.id, type: 'function', function: { name: call.name, arguments: '' } },
          ],
        }),
      );
      for (const piece of jsonPieces(call.arguments))
        chunks.push(chunk({ tool_calls: [{ index, function: { arguments: piece } }] }));
    }
  }
  chunks.push({
    ...head,
    choices: [{ index: 0, delta: {}, finish_reason: init.finishReason ?? defaultFinishReason(answer) }],
  });
  if (init.includeUsage === true) {
    const tokens = answerPieces(answer).length;
    chunks.push({
      ...head,
      choices: [],
      usage: { prompt_tokens: 0, completion_tokens: tokens, total_tokens: tokens },
    });
  }
  return chunks;
}

/** The API's error envelope: `{ error: { message, type, param, code } }`. */
export interface FakeErrorBody {
  readonly error: {
    readonly message: string;
    readonly type: string;
    readonly param: string | null;
    readonly code: string | null;
  };
}

/**
 * An error body as the API sends it.
 *
 * @example
 * errorBody('Rate limit reached', { type: 'requests', code: 'rate_limit_exceeded' });
 */
export function errorBody(
  message: string,
  init: { readonly type?: string; readonly param?: string | null; readonly code?: string | null } = {},
): FakeErrorBody {
  return {
    error: {
      message,
      type: init.type ?? 'invalid_request_error',
      param: init.param ?? null,
      code: init.code ?? null,
    },
  };
}

/** Words with their leading whitespace, the way a tokenizer tends to cut English. */
function pieces(text: string): string[] {
  return text.match(/\s*\S+/g) ?? [];
}

/** JSON in runs of up to 8 characters, so a stream splits keys and values as real ones do. */
function jsonPieces(json: string): string[] {
  return json.match(/[\s\S]{1,8}/g) ?? [];
}
