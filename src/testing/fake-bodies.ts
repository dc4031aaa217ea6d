import type { ChatCompletionChunk } from '../wire/chunk.js';
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

/**
 * A non-streaming completion body whose one choice answers `text`; usage counts one token a word.
 *
 * @example
 * const body = completionBody('Hello!', { model: 'gpt-4o-mini' });
 * body.choices[0]?.message.content; // 'Hello!'
 */
export function completionBody(text: string, init: FakeCompletionInit = {}): ChatCompletion {
  const tokens = pieces(text).length;
  return {
    id: init.id ?? defaults.id,
    object: 'chat.completion',
    created: init.created ?? defaults.created,
    model: init.model ?? defaults.model,
    choices: [
      {
        index: 0,
        message: { role: 'assistant', content: text, refusal: null, annotations: [] },
        logprobs: null,
        finish_reason: init.finishReason ?? defaults.finishReason,
      },
    ],
    usage: { prompt_tokens: 0, completion_tokens: tokens, total_tokens: tokens },
    system_fingerprint: null,
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
  const head = {
    id: init.id ?? defaults.id,
    object: 'chat.completion.chunk' as const,
    created: init.created ?? defaults.created,
    model: init.model ?? defaults.model,
    system_fingerprint: null,
  };
  const words = pieces(text);
  const chunks: ChatCompletionChunk[] = [
    {
      ...head,
      choices: [{ index: 0, delta: { role: 'assistant', content: '', refusal: null }, finish_reason: null }],
    },
    ...words.map((word) => ({
      ...head,
      choices: [{ index: 0, delta: { content: word }, finish_reason: null }],
    })),
    {
      ...head,
      choices: [{ index: 0, delta: {}, finish_reason: init.finishReason ?? defaults.finishReason }],
    },
  ];
  if (init.includeUsage === true) {
    chunks.push({
      ...head,
      choices: [],
      usage: { prompt_tokens: 0, completion_tokens: words.length, total_tokens: words.length },
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
