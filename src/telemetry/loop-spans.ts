import type { ChatCompletionMessageFunctionToolCall } from '../wire/response.js';
import type { OtelContext } from './otel-api.js';
import { type SpanScope, startScope } from './span-scope.js';

/**
 * The span of a `run()` tool loop: `invoke_agent {name}` (the conventions' agent span; the builder's
 * `.name()` is the agent's name), parent of each step's `chat` span and of each `execute_tool` span.
 */
export function startRunSpan(
  name: string | undefined,
  parent: OtelContext | undefined,
): SpanScope | Promise<SpanScope> {
  return startScope(
    name === undefined ? 'invoke_agent' : `invoke_agent ${name}`,
    { 'gen_ai.operation.name': 'invoke_agent', 'gen_ai.agent.name': name },
    { parent },
  );
}

/**
 * The span of one tool the loop runs: `execute_tool {tool}`, with the call id; the arguments (and,
 * at its end, the result) only with `captureContent`, as the conventions advise.
 */
export function startToolSpan(
  call: ChatCompletionMessageFunctionToolCall,
  parent: OtelContext | undefined,
  captureContent: boolean,
): SpanScope | Promise<SpanScope> {
  return startScope(
    `execute_tool ${call.function.name}`,
    {
      'gen_ai.operation.name': 'execute_tool',
      'gen_ai.tool.name': call.function.name,
      'gen_ai.tool.call.id': call.id,
      'gen_ai.tool.type': 'function',
      'gen_ai.tool.call.arguments': captureContent ? call.function.arguments : undefined,
    },
    { parent },
  );
}
