// Teams migrating from the official `openai` package keep their params objects and the code that
// takes the SDK's params: chatwright's types meet the SDK's in both directions, with no cast.
import { expectTypeOf } from 'expect-type';
import type OpenAI from 'openai';
import type {
  ChatCompletionCreateParamsNonStreaming,
  ChatCompletionCreateParamsStreaming,
} from 'openai/resources/chat/completions';
import { chat } from '../../src/index.js';

declare const params: OpenAI.ChatCompletionCreateParams;
declare const streamingParams: ChatCompletionCreateParamsStreaming;

// An SDK params object is a preset: no cast.
export const imported = chat.fromJSON(params);
export const importedStream = chat.fromJSON(streamingParams);

// A sendable builder's body is the SDK's params type, streaming or not.
const sendable = chat()
  .model('gpt-4o')
  .system('Be terse.')
  .user('Hi')
  .temperature(0.2)
  .maxCompletionTokens(50);
export const nonStreaming: ChatCompletionCreateParamsNonStreaming = sendable.toJSON();
export const streaming: ChatCompletionCreateParamsStreaming = sendable.stream().toJSON();
export const either: OpenAI.ChatCompletionCreateParams = sendable.toJSON();

// @ts-expect-error a streaming body is not a non-streaming one
export const mixedUp: ChatCompletionCreateParamsNonStreaming = sendable.stream().toJSON();
// @ts-expect-error a body without a model is not the SDK's params (model is required there)
export const noModel: ChatCompletionCreateParamsNonStreaming = chat().user('Hi').toJSON();

// The body's type says what the calls say: the model id, and whether it streams.
expectTypeOf(sendable.toJSON().model).toEqualTypeOf<'gpt-4o'>();
expectTypeOf(sendable.stream().toJSON().stream).toEqualTypeOf<true>();
expectTypeOf(chat().user('Hi').toJSON().model).toEqualTypeOf<string | undefined>();
