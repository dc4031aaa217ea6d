import type { ChatCompletionRequest } from '../wire/request.js';
import type { ChatCompletion } from '../wire/response.js';
import type { OtelAttributes } from './otel-api.js';

// Attribute names of the OpenTelemetry semantic conventions for generative AI (spans of an inference
// client, `gen_ai.*`), checked against semantic-conventions' docs/gen-ai/gen-ai-spans.md as of 2026-05.

/**
 * The attributes known when a chat request starts (the conventions ask for operation, provider, model
 * and server at span creation, for samplers): the sampling parameters the request sets, never its
 * content. `gen_ai.system` repeats the provider under the name of the conventions up to v1.36, which
 * many tracing backends still read.
 */
export function chatRequestAttributes(
  body: Readonly<ChatCompletionRequest>,
  server: ServerTarget,
  providerName: string,
  presetName: string | undefined,
): OtelAttributes {
  const maxTokens = body.max_completion_tokens ?? body.max_tokens;
  const format = body.response_format?.type;
  return {
    'gen_ai.operation.name': 'chat',
    'gen_ai.provider.name': providerName,
    'gen_ai.system': providerName,
    'gen_ai.request.model': body.model,
    'server.address': server.address,
    'server.port': server.port,
    'gen_ai.request.stream': body.stream === true ? true : undefined,
    'gen_ai.request.temperature': numberOrUndefined(body.temperature),
    'gen_ai.request.top_p': numberOrUndefined(body.top_p),
    'gen_ai.request.frequency_penalty': numberOrUndefined(body.frequency_penalty),
    'gen_ai.request.presence_penalty': numberOrUndefined(body.presence_penalty),
    'gen_ai.request.max_tokens': numberOrUndefined(maxTokens),
    'gen_ai.request.seed': numberOrUndefined(body.seed),
    'gen_ai.request.choice.count': typeof body.n === 'number' && body.n !== 1 ? body.n : undefined,
    'gen_ai.request.stop_sequences':
      typeof body.stop === 'string' ? [body.stop] : Array.isArray(body.stop) ? [...body.stop] : undefined,
    'gen_ai.output.type':
      format === 'json_schema' || format === 'json_object' ? 'json' : format === 'text' ? 'text' : undefined,
    'chatwright.preset.name': presetName,
  };
}

/** What the answer tells: model, id, finish reasons and token usage (cached and reasoning included). */
export function chatResponseAttributes(completion: ChatCompletion): OtelAttributes {
  const usage = completion.usage ?? undefined;
  const reasons: string[] = [];
  for (const choice of completion.choices ?? []) {
    if (typeof choice?.finish_reason === 'string') reasons.push(choice.finish_reason);
  }
  return {
    'gen_ai.response.model': stringOrUndefined(completion.model),
    'gen_ai.response.id': stringOrUndefined(completion.id),
    'gen_ai.response.finish_reasons': reasons.length === 0 ? undefined : reasons,
    'gen_ai.usage.input_tokens': numberOrUndefined(usage?.prompt_tokens),
    'gen_ai.usage.output_tokens': numberOrUndefined(usage?.completion_tokens),
    'gen_ai.usage.cache_read.input_tokens': numberOrUndefined(usage?.prompt_tokens_details?.cached_tokens),
    'gen_ai.usage.reasoning.output_tokens': numberOrUndefined(
      usage?.completion_tokens_details?.reasoning_tokens,
    ),
    'openai.response.service_tier': stringOrUndefined(completion.service_tier),
  };
}

/** Where a request goes, as the `server.*` attributes name it. */
export interface ServerTarget {
  readonly address: string;
  readonly port: number;
}

// A client sends to one endpoint: parsing its URL once spares every later request the cost.
let lastTarget: { readonly url: string; readonly target: ServerTarget } | undefined;

/** The host and port of an endpoint URL (the default port of its scheme when none is written). */
export function serverTarget(url: string): ServerTarget {
  if (lastTarget?.url !== url) {
    const parsed = new URL(url);
    const port = parsed.port === '' ? (parsed.protocol === 'https:' ? 443 : 80) : Number(parsed.port);
    lastTarget = { url, target: { address: parsed.hostname, port } };
  }
  return lastTarget.target;
}

function numberOrUndefined(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

function stringOrUndefined(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}
