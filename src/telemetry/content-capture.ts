import type { ChatMessage } from '../wire/request.js';
import type { ChatCompletion, ChatCompletionMessage } from '../wire/response.js';

// Message content in the shapes of the conventions' input and output message JSON schemas
// (docs/gen-ai/gen-ai-input-messages.json, gen-ai-output-messages.json), recorded as JSON strings.
// Recorded only with `telemetry: { captureContent: true }`: prompts and answers often hold personal data.

type Part =
  | { readonly type: 'text'; readonly content: string }
  | { readonly type: 'tool_call'; readonly id: string; readonly name: string; readonly arguments: unknown }
  | { readonly type: 'tool_call_response'; readonly id: string; readonly result: unknown }
  | { readonly type: string; readonly [key: string]: unknown };

/** `gen_ai.input.messages`: the request's messages, in order. */
export function inputMessages(messages: readonly ChatMessage[] | undefined): string {
  return JSON.stringify(
    (messages ?? []).map((message) => {
      if (message.role === 'tool') {
        return {
          role: 'tool',
          parts: [{ type: 'tool_call_response', id: message.tool_call_id, result: textOf(message.content) }],
        };
      }
      const parts: Part[] = contentParts(message.content);
      if (message.role === 'assistant') parts.push(...toolCallParts(message.tool_calls));
      return { role: message.role, parts };
    }),
  );
}

/** `gen_ai.output.messages`: one message per choice, with its finish reason. */
export function outputMessages(completion: ChatCompletion): string {
  return JSON.stringify(
    (completion.choices ?? []).map((choice) => ({
      role: 'assistant',
      parts: [
        ...contentParts(choice.message?.content),
        ...toolCallParts(choice.message?.tool_calls as ChatCompletionMessage['tool_calls']),
      ],
      finish_reason: choice.finish_reason ?? 'error',
    })),
  );
}

function contentParts(content: unknown): Part[] {
  if (typeof content === 'string') return [{ type: 'text', content }];
  if (!Array.isArray(content)) return [];
  return content.map((part: { type?: unknown; text?: unknown }) =>
    part.type === 'text' && typeof part.text === 'string'
      ? { type: 'text', content: part.text }
      : // Images, audio and files are named by their type, not copied (they can be megabytes).
        { type: String(part.type) },
  );
}

function toolCallParts(calls: readonly unknown[] | null | undefined): Part[] {
  return (calls ?? []).map((call) => {
    const {
      id,
      function: fn,
      custom,
    } = call as {
      id: string;
      function?: { name: string; arguments: string };
      custom?: { name: string; input: string };
    };
    return fn !== undefined
      ? { type: 'tool_call', id, name: fn.name, arguments: parsedOrText(fn.arguments) }
      : { type: 'tool_call', id, name: custom?.name ?? '', arguments: custom?.input };
  });
}

function textOf(content: unknown): unknown {
  if (typeof content === 'string') return content;
  return Array.isArray(content)
    ? content.map((part: { text?: unknown }) => (typeof part.text === 'string' ? part.text : '')).join('')
    : content;
}

function parsedOrText(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
