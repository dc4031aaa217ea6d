// Type tests: checked by `tsc -p tests/tsconfig.json` (TypeScript 6 and 7) inside `npm test`, never run.
// Each @ts-expect-error names the rule it expects; the expectTypeOf line after it pins the exact
// sentence the compiler prints, so a rule that stops firing, or fires with another message, fails.
import { expectTypeOf } from 'expect-type';
import {
  type ChatBuilder,
  type ChatCompletionResult,
  type ChatwrightTypeError,
  chat,
  type InitialState,
  type LooseState,
} from '../../src/index.js';
import type { ChatStream } from '../../src/stream/chat-stream.js';

const base = chat().model('gpt-4o').user('Hi');

// ---- a fresh builder ------------------------------------------------------------------------------
expectTypeOf(chat()).toEqualTypeOf<ChatBuilder<InitialState>>();
expectTypeOf(chat().model('gpt-4o')).toHaveProperty('toJSON');

// ---- topLogprobs() needs logprobs() ---------------------------------------------------------------
// @ts-expect-error topLogprobs() needs .logprobs() first
base.topLogprobs(3);
expectTypeOf(base.topLogprobs)
  .parameter(0)
  .toEqualTypeOf<ChatwrightTypeError<'topLogprobs() needs .logprobs() first'>>();
base.logprobs().topLogprobs(3);
base.logprobs(true).topLogprobs(3);
// @ts-expect-error topLogprobs() needs .logprobs() first (logprobs(false) turns it off)
base.logprobs(false).topLogprobs(3);

// A prerequisite turned off later is caught at send().
// @ts-expect-error topLogprobs() is set but .logprobs(false) turned logprobs off
base.logprobs().topLogprobs(5).logprobs(false).send();
expectTypeOf(base.logprobs().topLogprobs(5).logprobs(false).send).toEqualTypeOf<
  ChatwrightTypeError<'topLogprobs() is set but .logprobs(false) turned logprobs off: call .logprobs(), or drop topLogprobs()'>
>();
// @ts-expect-error streamOptions() is set but .stream(false) turned streaming off
base.stream().streamOptions({ include_usage: true }).stream(false).send();
base.logprobs().topLogprobs(5).logprobs(false).logprobs().send;

// ---- streamOptions() needs stream() ---------------------------------------------------------------
// @ts-expect-error streamOptions() needs .stream() first
base.streamOptions({ include_usage: true });
expectTypeOf(base.streamOptions)
  .parameter(0)
  .toEqualTypeOf<ChatwrightTypeError<'streamOptions() needs .stream() first'>>();
base.stream().streamOptions({ include_usage: true });

// ---- toolChoice() and parallelToolCalls() need tools; names are checked ---------------------------
// @ts-expect-error toolChoice() needs a tool: add one with .tool() first
base.toolChoice('auto');
expectTypeOf(base.toolChoice)
  .parameter(0)
  .toEqualTypeOf<ChatwrightTypeError<'toolChoice() needs a tool: add one with .tool() first'>>();
// @ts-expect-error parallelToolCalls() needs a tool: add one with .tool() first
base.parallelToolCalls();
expectTypeOf(base.parallelToolCalls).toEqualTypeOf<
  ChatwrightTypeError<'parallelToolCalls() needs a tool: add one with .tool() first'>
>();

const withTools = base
  .tool({ name: 'get_weather' })
  .tool({ name: 'get_time' })
  .customTool({ name: 'run_sql' });
withTools.toolChoice('auto');
withTools.toolChoice('required');
withTools.toolChoice('get_weather');
withTools.toolChoice('run_sql');
withTools.toolChoice({ type: 'function', function: { name: 'get_time' } });
withTools.toolChoice({ type: 'custom', custom: { name: 'run_sql' } });
withTools.parallelToolCalls(false);
// @ts-expect-error tool_choice names a tool never added
withTools.toolChoice('get_stock_price');
// @ts-expect-error tool_choice names a tool never added (wire object)
withTools.toolChoice({ type: 'function', function: { name: 'get_stock_price' } });
// @ts-expect-error a function tool's name is not a custom tool's name
withTools.toolChoice({ type: 'custom', custom: { name: 'get_weather' } });
expectTypeOf<Parameters<typeof withTools.toolChoice>[0]>()
  .extract<string>()
  .toEqualTypeOf<'none' | 'auto' | 'required' | 'get_weather' | 'get_time' | 'run_sql'>();

withTools.toolChoice({
  type: 'allowed_tools',
  allowed_tools: { mode: 'auto', tools: [{ type: 'function', function: { name: 'get_weather' } }] },
});
withTools.toolChoice({
  type: 'allowed_tools',
  // @ts-expect-error allowed_tools names a tool never added
  allowed_tools: { mode: 'auto', tools: [{ type: 'function', function: { name: 'get_stock_price' } }] },
});

// ---- deprecated functions: named, and never mixed with tools -------------------------------------
const withFunctions = base.functions([{ name: 'lookup' }, { name: 'cancel' }]);
withFunctions.functionCall('lookup');
withFunctions.functionCall({ name: 'cancel' });
withFunctions.functionCall('auto');
// @ts-expect-error function_call names a function never added
withFunctions.functionCall('refund');
// @ts-expect-error functions() takes at least one function
base.functions([]);
// @ts-expect-error functionCall() needs a function: add it with .functions() first
base.functionCall('auto');
expectTypeOf(base.functionCall)
  .parameter(0)
  .toEqualTypeOf<ChatwrightTypeError<'functionCall() needs a function: add it with .functions() first'>>();
// Mixing functions and tools, and setting both token limits, are combinations presets may make in any
// order: each call compiles on its own, and send() names the problem.
// @ts-expect-error the deprecated functions() cannot be mixed with tools
withFunctions.tool({ name: 'get_weather' }).send();
expectTypeOf(withFunctions.tool({ name: 'get_weather' }).send).toEqualTypeOf<
  ChatwrightTypeError<'the deprecated functions() cannot be mixed with tools: use .tool() for every function'>
>();
// @ts-expect-error the deprecated functions() cannot be mixed with tools (custom tools too, either order)
withTools.functions([{ name: 'lookup' }]).send();
base.maxCompletionTokens(100).send;
base.maxTokens(100).send;
// @ts-expect-error maxTokens() and maxCompletionTokens() are both set
base.maxCompletionTokens(100).maxTokens(100).send();
expectTypeOf(base.maxTokens(100).maxCompletionTokens(100).send).toEqualTypeOf<
  ChatwrightTypeError<'maxTokens() and maxCompletionTokens() are both set: keep only maxCompletionTokens()'>
>();

// ---- send() needs a model and a message; audio and modalities go together ----------------------
// @ts-expect-error send() needs a model: call .model() first
chat().user('Hi').send();
expectTypeOf(chat().user('Hi').send).toEqualTypeOf<
  ChatwrightTypeError<'send() needs a model: call .model() first'>
>();
// @ts-expect-error send() needs at least one message
chat().model('gpt-4o').send();
expectTypeOf(chat().model('gpt-4o').send).toEqualTypeOf<
  ChatwrightTypeError<'send() needs at least one message: add one with .user(), .system() or .messages()'>
>();
// Either order: a preset may set the model after the messages.
chat().user('Hi').model('gpt-4o').send;

const audioModel = chat().model('gpt-4o-audio-preview').user('Say hi');
// @ts-expect-error modalities include 'audio': set the voice and format with .audio()
audioModel.modalities(['text', 'audio']).send();
expectTypeOf(audioModel.modalities(['text', 'audio']).send).toEqualTypeOf<
  ChatwrightTypeError<"modalities include 'audio': set the voice and format with .audio()">
>();
// @ts-expect-error audio() needs 'audio' in .modalities(['text', 'audio'])
audioModel.audio({ voice: 'alloy', format: 'wav' }).send();
// @ts-expect-error audio() without any modalities
audioModel.modalities(['text']).audio({ voice: 'alloy', format: 'wav' }).send();
audioModel.audio({ voice: 'alloy', format: 'wav' }).modalities(['text', 'audio']).send;
audioModel.modalities(['text', 'audio']).audio({ voice: 'alloy', format: 'wav' }).send;

// ---- what send() returns ----------------------------------------------------------------------
expectTypeOf(base.send).returns.toEqualTypeOf<Promise<ChatCompletionResult>>();
expectTypeOf(base.stream().send).returns.toEqualTypeOf<ChatStream>();
expectTypeOf(base.stream(false).send).returns.toEqualTypeOf<Promise<ChatCompletionResult>>();

// ---- extra() may not shadow known fields ------------------------------------------------------------
base.extra({ keep_alive: '5m', options: { num_ctx: 4096 } });
// @ts-expect-error extra() cannot set a known field: use its own method
base.extra({ temperature: 0.2 });

// ---- imported presets: every call allowed, runtime validation decides ----------------------------
const imported = chat.fromJSON('{"model":"gpt-4o"}');
expectTypeOf(imported).toEqualTypeOf<ChatBuilder<LooseState>>();
imported.topLogprobs(2);
imported.toolChoice('anything');
// An imported preset streams only when the import says so: send() has one type either way.
expectTypeOf(imported.send).returns.toEqualTypeOf<Promise<ChatCompletionResult>>();
// @ts-expect-error streamOptions() needs .stream() first: import with { stream: true } or call .stream()
imported.streamOptions({ include_usage: true });
expectTypeOf(imported.stream().send).returns.toEqualTypeOf<ChatStream>();
const importedStream = chat.fromJSON('{"model":"gpt-4o","stream":true}', { stream: true });
expectTypeOf(importedStream).toEqualTypeOf<ChatBuilder<LooseState<true>>>();
importedStream.streamOptions({ include_usage: true });
expectTypeOf(importedStream.send).returns.toEqualTypeOf<ChatStream>();

// ---- switches take explicit booleans --------------------------------------------------------------
base.store().store(false);
expectTypeOf(base.stream(true).streamOptions).parameter(0).toHaveProperty('include_usage');
