import type { ChatCompletionResult } from '../transport/completion-result.js';
import type {
  ChatCompletion,
  ChatCompletionChoice,
  ChatCompletionMessage,
  ChatCompletionMessageCustomToolCall,
  ChatCompletionMessageFunctionToolCall,
} from '../wire/response.js';

/**
 * A function tool call with its arguments parsed (and validated, for a schema tool). The union of
 * these over the added tools is discriminated by `function.name`:
 * `if (call.function.name === 'get_weather') call.function.parsed_arguments.city`.
 */
export interface ParsedFunctionToolCall<TName extends string = string, TArgs = unknown>
  extends ChatCompletionMessageFunctionToolCall {
  function: {
    name: TName;
    /** The arguments exactly as the model sent them. */
    arguments: string;
    /** The arguments parsed from JSON and, for a schema tool, validated by its schema. */
    parsed_arguments: TArgs;
  };
}

/** An assistant message with its structured output parsed and its tool calls typed. */
export type ParsedChatCompletionMessage<TParsed, TCall> = Omit<ChatCompletionMessage, 'tool_calls'> & {
  /**
   * The structured output parsed and validated by the `.jsonSchema()` schema; `null` when the model
   * refused (see `refusal`), called tools instead, or no schema was set.
   */
  parsed: TParsed | null;
  tool_calls?: TCall[];
};

/** One choice of a parsed completion. */
export type ParsedChatCompletionChoice<TParsed, TCall> = Omit<ChatCompletionChoice, 'message'> & {
  message: ParsedChatCompletionMessage<TParsed, TCall>;
};

/**
 * A completion whose structured output is parsed (`choices[i].message.parsed`) and whose tool calls
 * carry typed `parsed_arguments`: what `send()` and a stream's `final()` return once a schema or a
 * tool is set.
 *
 * @example
 * const reply = await chat().model('gpt-4o').jsonSchema(Place, { name: 'place' }).user('Paris?').send();
 * reply.choices[0]?.message.parsed?.city;
 */
export type ParsedChatCompletion<TParsed = null, TCall = ParsedToolCall> = Omit<ChatCompletion, 'choices'> & {
  choices: ParsedChatCompletionChoice<TParsed, TCall>[];
};

/** A parsed completion as `send()` returns it: with its request id and HTTP response. */
export type ParsedChatCompletionResult<TParsed = null, TCall = ParsedToolCall> = ParsedChatCompletion<
  TParsed,
  TCall
> &
  Omit<ChatCompletionResult, keyof ChatCompletion>;

/** Any tool call of a parsed completion. */
export type ParsedToolCall = ParsedFunctionToolCall | ChatCompletionMessageCustomToolCall;
