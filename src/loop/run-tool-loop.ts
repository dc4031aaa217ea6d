import { ChatwrightError } from '../errors/chatwright-error.js';
import type { ToolArgumentsError } from '../errors/tool-arguments-error.js';
import { ToolTimeoutError } from '../errors/tool-timeout-error.js';
import { APIUserAbortError } from '../errors/user-abort-error.js';
import { cutText } from '../internal/cut-text.js';
import type { ChatTool } from '../structured/chat-tool.js';
import type { ParsedChatStream } from '../structured/parsed-chat-stream.js';
import type { ParsedChatCompletion, ParsedToolCall } from '../structured/parsed-completion.js';
import { startRunSpan, startToolSpan } from '../telemetry/loop-spans.js';
import type { SpanScope } from '../telemetry/span-scope.js';
import { traceParentOf, withTraceParent } from '../telemetry/trace-parent.js';
import { checkToolTimeout, toolResultText } from '../tools/tool.js';
import { checkOptionNames } from '../transport/option-names.js';
import type { SendOptions } from '../transport/send-options.js';
import type { AssistantMessage, ChatMessage, ToolMessage } from '../wire/request.js';
import type {
  ChatCompletion,
  ChatCompletionMessage,
  ChatCompletionMessageFunctionToolCall,
} from '../wire/response.js';
import { type RunOptions, type RunResult, type RunStep, runOptionNames } from './run-types.js';

/** What the loop needs from a builder: its messages, its tools, one request, and a follow-up builder. */
export interface LoopSubject {
  readonly messages: readonly ChatMessage[];
  readonly tools: ReadonlyMap<string, ChatTool>;
  /** The names of every tool of the request (made by `tool()` or not): a call to another is answered with an error. */
  readonly toolNames: ReadonlySet<string>;
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
 * calls, a called tool of the request has no `run`, or `maxSteps` requests were made.
 */
export async function runToolLoop(start: LoopSubject, options: RunOptions = {}): Promise<RunResult> {
  checkOptionNames(options, runOptionNames, 'run()');
  const { maxSteps = defaultMaxSteps, toolTimeout } = options;
  if (!Number.isInteger(maxSteps) || maxSteps < 1) {
    throw new ChatwrightError(`run() needs maxSteps to be a positive integer, got ${String(maxSteps)}.`);
  }
  if (toolTimeout !== undefined) checkToolTimeout(toolTimeout, 'toolTimeout');
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
  const {
    maxSteps = defaultMaxSteps,
    toolErrors = 'report',
    toolTimeout,
    onStep,
    onStream,
    ...runSendOptions
  } = options;
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
    // A call to a tool the request does not have is the model's mistake: it is answered with an error
    // (as bad arguments are) so the model can recover, rather than stopping the loop.
    const toolNames = subject.toolNames; // made from the request on each read: read once a step
    const runnable = calls.every(
      (call) =>
        call.type === 'function' &&
        (!toolNames.has(call.function.name) || subject.tools.get(call.function.name)?.run !== undefined),
    );
    if (!runnable || index + 1 >= maxSteps) {
      const step: RunStep = { index, completion: parsed, toolCalls: calls, toolMessages: [] };
      steps.push(step);
      await onStep?.(step);
      const stopReason = runnable ? 'max_steps' : 'tool_without_run';
      return { completion: parsed, messages, steps, stopReason, pendingToolCalls: calls };
    }
    const toolMessages = await runTools(calls as ChatCompletionMessageFunctionToolCall[], {
      tools: subject.tools,
      toolNames,
      argumentErrors,
      messages: [...messages],
      signal,
      handling: toolErrors,
      timeout: toolTimeout,
      span,
      captureContent: start.captureContent,
    });
    throwIfAborted(signal);
    messages.push(...toolMessages);
    const step: RunStep = { index, completion: parsed, toolCalls: calls, toolMessages };
    steps.push(step);
    await onStep?.(step);
    subject = subject.append([assistant, ...toolMessages]);
  }
}

/** What the tools of one step share. */
interface ToolStep {
  readonly tools: ReadonlyMap<string, ChatTool>;
  readonly toolNames: ReadonlySet<string>;
  readonly argumentErrors: ReadonlyMap<string, ToolArgumentsError>;
  readonly messages: readonly ChatMessage[];
  /** The loop's signal (the caller's). */
  readonly signal: AbortSignal | undefined;
  readonly handling: NonNullable<RunOptions['toolErrors']>;
  /** `run()`'s `toolTimeout`, for tools without their own. */
  readonly timeout: number | undefined;
  /** The loop's span: each tool run is an `execute_tool` span under it. */
  readonly span: SpanScope;
  readonly captureContent: boolean;
}

/**
 * Runs the calls of one step in parallel. The step settles when they all answered, or at once when
 * the loop is aborted or (under `'throw'`) one fails: a tool that ignores its signal is abandoned,
 * not awaited. Either way every tool still running has its signal aborted.
 */
async function runTools(
  calls: readonly ChatCompletionMessageFunctionToolCall[],
  step: ToolStep,
): Promise<ToolMessage[]> {
  const stop = new AbortController();
  const onAbort = (): void => stop.abort(step.signal?.reason);
  step.signal?.addEventListener('abort', onAbort, { once: true });
  if (step.signal?.aborted) onAbort();
  try {
    return await Promise.all(
      calls.map(async (call): Promise<ToolMessage> => {
        const span = await startToolSpan(call, step.span.context, step.captureContent);
        try {
          const content = await runOne(call, step, stop.signal, span);
          if (step.captureContent) span.set({ 'gen_ai.tool.call.result': content });
          span.end();
          return { role: 'tool', tool_call_id: call.id, content };
        } catch (error) {
          span.end(error);
          stop.abort(error);
          throw error;
        }
      }),
    );
  } finally {
    step.signal?.removeEventListener('abort', onAbort);
    // A tool still running has lost its step (the loop was aborted, or a sibling failed).
    stop.abort(new ChatwrightError('The tool loop no longer awaits this tool.'));
  }
}

async function runOne(
  call: ChatCompletionMessageFunctionToolCall,
  step: ToolStep,
  stepSignal: AbortSignal,
  span: SpanScope,
): Promise<string> {
  const tool = step.tools.get(call.function.name);
  const controller = new AbortController();
  const onStop = (): void => controller.abort(stepSignal.reason);
  stepSignal.addEventListener('abort', onStop, { once: true });
  const limit = tool?.timeout ?? step.timeout;
  const timer =
    limit === undefined
      ? undefined
      : setTimeout(() => {
          controller.abort(
            new ToolTimeoutError({ toolName: call.function.name, toolCallId: call.id, timeout: limit }),
          );
        }, limit);
  try {
    const argumentError = step.argumentErrors.get(call.id);
    if (argumentError !== undefined) throw argumentError;
    const run = tool?.run;
    if (run === undefined) throw unknownTool(call.function.name, step.toolNames);
    const args = (call.function as { parsed_arguments?: unknown }).parsed_arguments;
    const signal = controller.signal;
    // Active while the tool runs: spans the tool's own code starts (with a context manager) nest here.
    const result = await untilAborted(
      Promise.resolve().then(() =>
        span.run(() => run(args, { toolCall: call, messages: step.messages, signal })),
      ),
      signal,
    );
    return toolResultText(result);
  } catch (error) {
    // The loop was aborted: that is the loop's end, not the tool's error to report.
    if (step.signal?.aborted) throw new APIUserAbortError(undefined, { cause: step.signal.reason });
    // The tool failed, whether the model is told or the loop stops.
    span.end(error);
    if (step.handling === 'throw') throw error;
    if (typeof step.handling === 'function') return step.handling(error, call);
    return `Error: ${error instanceof Error ? error.message : String(error)}`;
  } finally {
    clearTimeout(timer);
    stepSignal.removeEventListener('abort', onStop);
  }
}

/** The error a call to a tool the request does not have is answered with. */
function unknownTool(name: string, names: ReadonlySet<string>): ChatwrightError {
  const known = names.size === 0 ? 'it has none' : `its tools: ${[...names].join(', ')}`;
  return new ChatwrightError(
    `the model called ${JSON.stringify(cutText(name, 64))}, a tool this request does not have (${known})`,
  );
}

/** `work`, or a rejection with the signal's reason as soon as it is aborted (`work` is then abandoned). */
function untilAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  // An abandoned tool may still fail later: nobody awaits it, so its rejection must not crash the process.
  work.catch(() => {});
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
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
