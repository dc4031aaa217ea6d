import type { AssistantMessage, ChatMessage, TextContentPart, UserContentPart } from '../wire/request.js';
import { copyCallerData } from './copy-caller-data.js';

/** Options shared by the message methods. */
export interface MessageOptions {
  /** An optional participant name, to tell apart participants of the same role. */
  readonly name?: string;
}

/** An assistant turn, as written into history (content, refusal, tool calls...). */
export type AssistantMessageInit = Omit<AssistantMessage, 'role'>;

// Each function turns a builder call's arguments into one wire message, copying what the caller owns.

type Content<TPart> = string | readonly TPart[];

function content<TPart>(value: Content<TPart>, path: string): string | TPart[] {
  return typeof value === 'string' ? value : copyCallerData(value as TPart[], path);
}

function named<TMessage extends ChatMessage>(
  message: TMessage,
  options: MessageOptions | undefined,
): TMessage {
  return options?.name === undefined ? message : { ...message, name: options.name };
}

export function systemMessage(value: Content<TextContentPart>, options?: MessageOptions): ChatMessage {
  return named({ role: 'system', content: content(value, 'content') }, options);
}

export function developerMessage(value: Content<TextContentPart>, options?: MessageOptions): ChatMessage {
  return named({ role: 'developer', content: content(value, 'content') }, options);
}

export function userMessage(value: Content<UserContentPart>, options?: MessageOptions): ChatMessage {
  return named({ role: 'user', content: content(value, 'content') }, options);
}

export function assistantMessage(value: string | AssistantMessageInit): ChatMessage {
  if (typeof value === 'string') return { role: 'assistant', content: value };
  // `role` last so a JavaScript caller's stray `role` cannot turn this into another kind of message.
  return { ...copyCallerData(value, ''), role: 'assistant' } as AssistantMessage;
}

export function toolMessage(toolCallId: string, value: Content<TextContentPart>): ChatMessage {
  return { role: 'tool', content: content(value, 'content'), tool_call_id: toolCallId };
}

export function functionMessage(name: string, value: string | null): ChatMessage {
  return { role: 'function', content: value, name };
}
