import type { SendOptions } from '../client/dispatcher.js';
import { ChatwrightError } from '../errors/chatwright-error.js';
import type { ToolArgumentsError } from '../errors/tool-arguments-error.js';
import { APIUserAbortError } from '../errors/user-abort-error.js';
import type { ParsedChatStream } from '../structured/parsed-chat-stream.js';
import type { ParsedChatCompletion, ParsedToolCall } from '../structured/parsed-completion.js';
import { startRunSpan, startToolSpan } from '../telemetry/loop-spans.js';
import type { SpanScope } from '../telemetry/span-scope.js';
import { traceParentOf, withTraceParent } from '../telemetry/trace-parent.js';
import { type ChatTool, toolResultText } from '../tools/tool.js';
import type { AssistantMessage, ChatMessage, ToolMessage } from '../wire/request.js';
import type {
  ChatCompletion,
  ChatCompletionMessage,
  ChatCompletionMessageFunctionToolCall,
} from '../wire/response.js';
import type { RunOptions, RunResult, RunStep } from './run-types.js';

/** What the loop needs from a builder: its messages, its tools, one request, and a follow-up builder. */
export interface LoopSubject {
  readonly messages: readonly ChatMessage[];
  readonly tools: ReadonlyMap<string, ChatTool>;
  /** Sends (or streams) the request and parses the answer, collecting tool-argument errors. */
  exchange(
    options: SendOptions,
    onStream: ((stream: ParsedChatStream<unknown, ParsedToolCall>) => void | Promise<void>) | undefined,
  ): Promise<{ completion: ChatCompletion; toolErrors: ReadonlyMap<string, ToolArgumentsError> }>;
  /** The same request with these messages appended. */
  append(messages: readonly ChatMessage[]): LoopSubject;
  /** The builder's `.name()`: the agent's name on the loop's span. */
  readonly name: string | undefined;
  /** Whether the tool spans record arguments and results (the client's `telemetry.captureContent`). */
  readonly captureContent: boolean;
}

const defaultMaxSteps = 10;

/**
 * The tool loop behind `builder.run()`: send, run the called tools (in parallel), append the
 * assistant message and the tool results, and send again, until the model answers without tool
 * calls, a called tool has no `run`, or `maxSteps` requests were made.
 */
export async function runToolLoop(start: LoopSubject, options: RunOptions = {}): Promise<RunResult> {
  const { maxSteps = defaultMaxSteps } = options;
  if (!Number.isInteger(maxSteps) || maxSteps < 1) {
    throw new ChatwrightError(`run() needs maxSteps to be a positive integer, got ${String(maxSteps)}.`);
  }
  const span = await startRunSpan(start.name, traceParentOf(options));
  try {
    const result = await loop(start, options, span);
    span.set({
      'chatwright.run.steps': result.steps.length,
      'chatwright.run.stop_reason': result.stopReason,
    });
    span.end();
    return result;
  } catch (error) {
    span.end(error);
    throw error;
  }
}

async function loop(start: LoopSubject, options: RunOptions, span: SpanScope): Promise<RunResult> {
  const { maxSteps = defaultMaxSteps, toolErrors = 'report', onStep, onStream, ...runSendOptions } = options;
  // Every step's chat span is a child of the loop's.
  const sendOptions = withTraceParent(runSendOptions, span.context);
  const signal = sendOptions.signal;
  let subject = start;
  const messages: ChatMessage[] = [...start.messages];
  const steps: RunStep[] = [];
  for (let index = 0; ; index++) {
    throwIfAborted(signal);
    const hook =
      onStream === undefined ? undefined : (stream: ParsedChatStream<unknown>) => onStream(stream, index);
    // Each step is a new request: a caller's idempotency key must not make the server replay step 0.
    const stepOptions =
      sendOptions.idempotencyKey === undefined
        ? sendOptions
        : { ...sendOptions, idempotencyKey: `${sendOptions.idempotencyKey}-${index}` };
    const { completion, toolErrors: argumentErrors } = await subject.exchange(stepOptions, hook);
    const parsed = completion as unknown as ParsedChatCompletion<unknown, ParsedToolCall>;
    const message = completion.choices[0]?.message;
    const calls = (message?.tool_calls ?? []) as ParsedToolCall[];
    if (message === undefined || calls.length === 0) {
      const step: RunStep = { index, completion: parsed, toolCalls: [], toolMessages: [] };
      if (message !== undefined) messages.push(toAssistantMessage(message));
      steps.push(step);
      await onStep?.(step);
      return { completion: parsed, messages, steps, stopReason: 'done', pendingToolCalls: [] };
    }
    const assistant = toAssistantMessage(message);
    messages.push(assistant);
    const runnable = calls.every(
      (call) => call.type === 'function' && subject.tools.get(call.function.name)?.run !== undefined,
    );
    if (!runnable || index + 1 >= maxSteps) {
      const step: RunStep = { index, completion: parsed, toolCalls: calls, toolMessages: [] };
      steps.push(step);
      await onStep?.(step);
      const stopReason = runnable ? 'max_steps' : 'tool_without_run';
      return { completion: parsed, messages, steps, stopReason, pendingToolCalls: calls };
    }
    const context = [...messages];
    const toolMessages = await Promise.all(
      (calls as ChatCompletionMessageFunctionToolCall[]).map(async (call): Promise<ToolMessage> => {
        const tool = await startToolSpan(call, span.context, start.captureContent);
        const content = await runOne(call, subject.tools, argumentErrors, context, signal, toolErrors, tool);
        if (start.captureContent) tool.set({ 'gen_ai.tool.call.result': content });
        tool.end();
        return { role: 'tool', tool_call_id: call.id, content };
      }),
    );
    throwIfAborted(signal);
    messages.push(...toolMessages);
    const step: RunStep = { index, completion: parsed, toolCalls: calls, toolMessages };
    steps.push(step);
    await onStep?.(step);
    subject = subject.append([assistant, ...toolMessages]);
  }
}

async function runOne(
  call: ChatCompletionMessageFunctionToolCall,
  tools: ReadonlyMap<string, ChatTool>,
  argumentErrors: ReadonlyMap<string, ToolArgumentsError>,
  messages: readonly ChatMessage[],
  signal: AbortSignal | undefined,
  handling: NonNullable<RunOptions['toolErrors']>,
  span: SpanScope,
): Promise<string> {
  try {
    const argumentError = argumentErrors.get(call.id);
    if (argumentError !== undefined) throw argumentError;
    const run = tools.get(call.function.name)?.run;
    if (run === undefined) throw new ChatwrightError(`The tool "${call.function.name}" has no run function.`);
    const args = (call.function as { parsed_arguments?: unknown }).parsed_arguments;
    // Active while the tool runs: spans the tool's own code starts (with a context manager) nest here.
    return toolResultText(await span.run(() => run(args, { toolCall: call, messages, signal })));
  } catch (error) {
    // The tool failed, whether the model is told or the loop stops.
    span.end(error);
    if (handling === 'throw') throw error;
    if (typeof handling === 'function') return handling(error, call);
    return `Error: ${error instanceof Error ? error.message : String(error)}`;
  }
}

/** The assistant message to append to the history: the wire fields only, without parsed values. */
function toAssistantMessage(message: ChatCompletionMessage): AssistantMessage {
  const out: AssistantMessage = { role: 'assistant', content: message.content };
  if (typeof message.refusal === 'string') out.refusal = message.refusal;
  if (message.tool_calls !== undefined && message.tool_calls.length > 0) {
    out.tool_calls = message.tool_calls.map((call) =>
      call.type === 'function'
        ? {
            id: call.id,
            type: 'function',
            function: { name: call.function.name, arguments: call.function.arguments },
          }
        : { id: call.id, type: 'custom', custom: { name: call.custom.name, input: call.custom.input } },
    );
  }
  if (message.audio != null) out.audio = { id: message.audio.id };
  return out;
}

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new APIUserAbortError(undefined, { cause: signal.reason });
}
