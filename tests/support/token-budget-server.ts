import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createClient } from '../../src/index.js';
import { countTokens } from '../../src/tokens/index.js';

/** Options of {@link startTokenBudgetServer}. */
export interface TokenBudgetOptions {
  /** Tokens the server accepts per window (a tokens-per-minute limit, with the minute scaled down). */
  readonly tokensPerWindow: number;
  readonly windowMs: number;
  /** How long each answer takes. */
  readonly latencyMs: number;
}

/** A started server: its base URL, what it answered, and how to stop it. */
export interface TokenBudgetServer {
  readonly url: string;
  readonly stats: { accepted: number; rejected: number };
  close(): Promise<void>;
}

/**
 * A Chat Completions server on 127.0.0.1 that enforces a token budget as OpenAI's rate limiter does:
 * each request is charged its prompt tokens plus its output limit when it arrives; one that does not
 * fit what is left of the window gets a 429 (`retry-after-ms` to the window's end). Every answer
 * carries `x-ratelimit-remaining-tokens` and `x-ratelimit-reset-tokens`. It charges with
 * chatwright/tokens' count, so client and server agree on what a request costs.
 */
export async function startTokenBudgetServer(options: TokenBudgetOptions): Promise<TokenBudgetServer> {
  const start = Date.now();
  let window = -1;
  let remaining = options.tokensPerWindow;
  const stats = { accepted: 0, rejected: 0 };
  const timers = new Set<NodeJS.Timeout>();
  /** The budget now: what is left of the current window, and the time to its end. */
  const budget = () => {
    const now = Date.now();
    const current = Math.floor((now - start) / options.windowMs);
    if (current !== window) {
      window = current;
      remaining = options.tokensPerWindow;
    }
    return { now, resetMs: start + (current + 1) * options.windowMs - now };
  };
  const limitHeaders = (resetMs: number) => ({
    'x-ratelimit-limit-tokens': String(options.tokensPerWindow),
    'x-ratelimit-remaining-tokens': String(remaining),
    'x-ratelimit-reset-tokens': `${resetMs}ms`,
  });
  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    let text = '';
    for await (const chunk of request) text += chunk;
    const body = JSON.parse(text) as { max_completion_tokens?: number; model?: string };
    const { now, resetMs } = budget();
    const prompt = countTokens(body).total;
    const cost = prompt + (body.max_completion_tokens ?? 0);
    if (cost > remaining) {
      stats.rejected++;
      response.writeHead(429, {
        'content-type': 'application/json',
        'retry-after-ms': String(resetMs),
        ...limitHeaders(resetMs),
      });
      response.end(
        JSON.stringify({
          error: {
            message: `Rate limit reached for tokens: limit ${options.tokensPerWindow}, remaining ${remaining}, requested ${cost}`,
            type: 'tokens',
            param: null,
            code: 'rate_limit_exceeded',
          },
        }),
      );
      return;
    }
    remaining -= cost;
    stats.accepted++;
    const timer = setTimeout(() => {
      timers.delete(timer);
      // As the API does, the headers give the budget when the answer is sent, not when it arrived.
      response.writeHead(200, { 'content-type': 'application/json', ...limitHeaders(budget().resetMs) });
      response.end(
        JSON.stringify({
          id: `chatcmpl-${stats.accepted}`,
          object: 'chat.completion',
          created: Math.floor(now / 1000),
          model: body.model ?? 'gpt-4o-mini',
          choices: [
            {
              index: 0,
              finish_reason: 'stop',
              logprobs: null,
              message: { role: 'assistant', content: 'Paris.', refusal: null },
            },
          ],
          usage: { prompt_tokens: prompt, completion_tokens: 2, total_tokens: prompt + 2 },
        }),
      );
    }, options.latencyMs);
    timers.add(timer);
  };
  const server = createServer((request, response) => {
    handle(request, response).catch(() => {
      response.writeHead(500).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    stats,
    close: async () => {
      for (const timer of timers) clearTimeout(timer);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** `count` small questions for the server at `url`, each allowing 60 output tokens. */
export function capitalQuestions(url: string, count: number) {
  const client = createClient({ baseURL: url, apiKey: 'sk-budget' });
  const preset = client
    .chat()
    .model('gpt-4o-mini')
    .system('Answer with the capital city only.')
    .maxCompletionTokens(60);
  return Array.from({ length: count }, (_, index) =>
    preset.user(`What is the capital of country number ${index}?`),
  );
}
