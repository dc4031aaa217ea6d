// Presets: builders and functions of builders, composed with use(), keep the caller's state.
import { expectTypeOf } from 'expect-type';
import { type BuilderState, type ChatBuilder, chat, type With } from '../../src/index.js';

// A builder is a preset.
const support = chat().model('gpt-4o').system('You answer billing questions.').temperature(0.2);
const question = support.user('Why was I charged twice?');
expectTypeOf(question.send).toBeFunction();

// A generic preset keeps whatever the caller had set, and adds its own state.
const withLogprobs = <S extends BuilderState>(builder: ChatBuilder<S>) => builder.logprobs().topLogprobs(3);
const composed = chat().model('o3').use(withLogprobs);
expectTypeOf(composed).toEqualTypeOf<
  ChatBuilder<
    With<
      With<With<import('../../src/index.js').InitialState, 'model', 'o3'>, 'logprobs', true>,
      'params',
      '' | 'top_logprobs'
    >
  >
>();
composed.user('Hi').send;

// A preset that adds a tool makes toolChoice() accept its name in the caller's chain.
const weather = <S extends BuilderState>(builder: ChatBuilder<S>) =>
  builder.tool({ name: 'get_weather', parameters: { type: 'object', properties: {} } });
chat().model('gpt-4o').use(weather).toolChoice('get_weather');
// @ts-expect-error tool_choice names a tool the preset did not add
chat().model('gpt-4o').use(weather).toolChoice('get_time');

// A generic preset may make any call that has no prerequisite; exclusive pairs are caught at send().
const limits = <S extends BuilderState>(builder: ChatBuilder<S>) => builder.maxCompletionTokens(500).seed(1);
chat().model('gpt-4o').user('Hi').use(limits).send;
// @ts-expect-error maxTokens() and maxCompletionTokens() are both set
chat().model('gpt-4o').user('Hi').maxTokens(10).use(limits).send();

// Presets compose in any order; model and messages may come from either.
const persona = <S extends BuilderState>(builder: ChatBuilder<S>) => builder.system('Be brief.');
const model = <S extends BuilderState>(builder: ChatBuilder<S>) => builder.model('gpt-4o-mini');
chat().use(persona).use(model).user('Hi').send;
chat().use(model).use(persona).user('Hi').send;
// @ts-expect-error send() needs a model: call .model() first (the persona preset sets none)
chat().use(persona).user('Hi').send();

// use() returns whatever the preset returns.
expectTypeOf(chat().use((b) => JSON.stringify(b))).toEqualTypeOf<string>();

// when(): configuration that depends on runtime values, without reassigning a variable.
declare const creative: boolean;
declare const streaming: boolean;
const tuned = chat()
  .model('gpt-4o')
  .user('Hi')
  .when(creative, (b) => b.temperature(1.2));
tuned.send;
expectTypeOf(tuned.send).returns.toEqualTypeOf<Promise<import('../../src/index.js').ChatCompletionResult>>();
// A flag set in one branch only is "maybe": send() may stream or not, and says so in its type.
const maybeStreaming = chat()
  .model('gpt-4o')
  .user('Hi')
  .when(streaming, (b) => b.stream());
expectTypeOf(maybeStreaming.send).returns.toEqualTypeOf<
  import('../../src/index.js').ChatStream | Promise<import('../../src/index.js').ChatCompletionResult>
>();
// A prerequisite set in one branch only is a "maybe": allowed here, checked at runtime.
const maybeLogprobs = chat()
  .model('gpt-4o')
  .user('Hi')
  .when(creative, (b) => b.logprobs());
maybeLogprobs.topLogprobs(2);
// A model rule broken in the branch is a compile error in the branch, at the call.
chat()
  .model('o3')
  .user('Hi')
  // @ts-expect-error o3 does not accept temperature (only its default 1)
  .when(creative, (b) => b.temperature(1.2));
// The default, 1, is accepted there as everywhere.
expectTypeOf(
  chat()
    .model('o3')
    .user('Hi')
    .when(creative, (b) => b.temperature(1)).send,
).toBeFunction();

// Builders that made the same calls have the same type, so a conversation can grow in one variable.
let convo = chat().model('gpt-4o').system('Be brief.').user('Hi');
convo = convo.assistant('Hello! What can I do?').user('Tell me a joke.');
convo = convo.toolResult('call_1', '{}');
convo.send;
let sampled = chat().model('gpt-4o').user('Hi').temperature(0.2);
sampled = sampled.temperature(0.3).user('Again');
sampled.send;

// ---- generic presets that add a tool may choose it (the pattern docs/builder.md recommends) -------
const lookupTool = <S extends BuilderState>(builder: ChatBuilder<S>) =>
  builder
    .tool({ name: 'lookup_invoice', parameters: { type: 'object', properties: { id: { type: 'string' } } } })
    .toolChoice('required')
    .parallelToolCalls(false);
const forcedLookup = <S extends BuilderState>(builder: ChatBuilder<S>) =>
  builder
    .tool({ name: 'lookup_invoice' })
    .toolChoice({ type: 'function', function: { name: 'lookup_invoice' } });
const sqlTool = <S extends BuilderState>(builder: ChatBuilder<S>) =>
  builder.customTool({ name: 'run_sql' }).toolChoice('run_sql');
const withLookup = chat().model('gpt-4o').use(lookupTool).use(forcedLookup).use(sqlTool).user('Invoice 42?');
withLookup.toolChoice('lookup_invoice');
withLookup.send;
// @ts-expect-error toolChoice() takes only the added names: 'get_time' was never added
withLookup.toolChoice('get_time');
const noTool = <S extends BuilderState>(builder: ChatBuilder<S>) =>
  // @ts-expect-error toolChoice() needs a tool: add one with .tool() first (a generic preset cannot know of one)
  builder.toolChoice('required');
void noTool;
