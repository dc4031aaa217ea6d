import { ContentFilterFinishReasonError } from '../errors/content-filter-finish-reason-error.js';
import { LengthFinishReasonError } from '../errors/length-finish-reason-error.js';
import { ParsedOutputError } from '../errors/parsed-output-error.js';
import { ToolArgumentsError } from '../errors/tool-arguments-error.js';
import type { ChatCompletion, ChatCompletionMessageFunctionToolCall } from '../wire/response.js';
import type { ChatTool } from './chat-tool.js';
import type { CompiledSchema, SchemaCheck } from './compile-schema.js';

/** What a builder knows how to parse: its response format's schema and its schema tools by name. */
export interface ParseSpec {
  readonly output: CompiledSchema | undefined;
  readonly tools: ReadonlyMap<string, ChatTool>;
}

/** How to treat tool arguments that do not parse: throw (`send()`), or collect them (the tool loop). */
export interface ParseOptions {
  readonly toolErrors: 'throw' | 'collect';
}

/**
 * Adds `message.parsed` and each function call's `function.parsed_arguments` to a completion, in
 * place (the completion is freshly decoded and ours). Throws `LengthFinishReasonError` or
 * `ContentFilterFinishReasonError` when a choice with something to parse was cut off,
 * `ParsedOutputError` for an output that fails its schema and, unless collected,
 * `ToolArgumentsError` for arguments that fail theirs. Returns the collected argument errors by call id.
 */
export async function parseCompletion(
  completion: ChatCompletion,
  spec: ParseSpec,
  options: ParseOptions = { toolErrors: 'throw' },
): Promise<Map<string, ToolArgumentsError>> {
  const toolErrors = new Map<string, ToolArgumentsError>();
  for (const choice of completion.choices) {
    const message = choice.message as typeof choice.message & { parsed?: unknown };
    const calls = (message.tool_calls ?? []).filter(
      (call): call is ChatCompletionMessageFunctionToolCall => call.type === 'function',
    );
    const refused = typeof message.refusal === 'string' && message.refusal !== '';
    const wantsOutput = spec.output !== undefined && !refused && message.content !== null;
    if (wantsOutput || calls.length > 0) {
      if (choice.finish_reason === 'length') {
        throw new LengthFinishReasonError({
          choiceIndex: choice.index,
          usage: completion.usage ?? null,
          completion,
        });
      }
      if (choice.finish_reason === 'content_filter') {
        throw new ContentFilterFinishReasonError({ choiceIndex: choice.index, completion });
      }
    }
    message.parsed = null;
    if (wantsOutput && spec.output !== undefined) {
      const content = message.content ?? '';
      const result = await checkJson(content, spec.output, false);
      if (!result.success) throw new ParsedOutputError({ content, issues: result.issues, completion });
      message.parsed = result.value;
    }
    for (const call of calls) {
      const fn = call.function as typeof call.function & { parsed_arguments?: unknown };
      const schema = spec.tools.get(fn.name)?.schema;
      const result = await checkJson(fn.arguments, schema, true);
      if (result.success) {
        fn.parsed_arguments = result.value;
        continue;
      }
      const error = new ToolArgumentsError({
        toolName: fn.name,
        toolCallId: call.id,
        rawArguments: fn.arguments,
        issues: result.issues,
        completion,
      });
      if (options.toolErrors === 'throw') throw error;
      toolErrors.set(call.id, error);
    }
  }
  return toolErrors;
}

/** Parses JSON text and checks it with a schema (when there is one). */
async function checkJson(
  text: string,
  schema: CompiledSchema | undefined,
  emptyIsObject: boolean,
): Promise<SchemaCheck<unknown>> {
  let value: unknown;
  try {
    // Some compatible servers send "" for a call without arguments.
    value = emptyIsObject && text.trim() === '' ? {} : JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { success: false, issues: [{ path: '', message: `not valid JSON (${reason})`, input: text }] };
  }
  return schema === undefined ? { success: true, value } : schema.check(value);
}
