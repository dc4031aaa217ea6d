// A builder typed by what was set is not assignable where less was set: a method's type argument is
// never inferred from the type the result is assigned to (NoInfer on every such return type), so a
// switch called without its argument keeps its default (`stream()` is `stream(true)`).
import * as v from 'valibot';
import { type ChatStream, chat, tool } from '../../src/index.js';

const base = chat().model('gpt-4o').user('Hi');
const weather = tool({ name: 'weather', parameters: v.object({ city: v.string() }) });

// @ts-expect-error a streaming builder is not a non-streaming one: its send() returns a ChatStream
export const streaming: typeof base = base.stream();
// @ts-expect-error logprobs() turns logprobs on, whatever the variable's type says
export const withLogprobs: typeof base = base.logprobs();
// @ts-expect-error a tool's name becomes part of the type
export const withTool: typeof base = base.tool(weather);
// @ts-expect-error so does a JSON Schema tool's
export const withJsonTool: typeof base = base.tool({ name: 'lookup', parameters: { type: 'object' } });
// @ts-expect-error and a custom tool's
export const withCustomTool: typeof base = base.customTool({ name: 'run_sql' });
// @ts-expect-error audio output is recorded from the modalities given
export const withAudio: typeof base = base.modalities(['text', 'audio']);
// @ts-expect-error the model id is recorded as given
export const otherModel: typeof base = chat().model('gpt-4o-mini').user('Hi');

const o3 = chat().model('o3').user('Hi');
// @ts-expect-error the effort is recorded as given
export const withEffort: typeof o3 = o3.reasoningEffort('high');

// The same calls make the same type: a conversation still grows in one variable.
let conversation = chat().model('gpt-4o').stream().user('Hi');
conversation = conversation.assistant('Hello!').user('How are you?');
export const reply: ChatStream = conversation.send();
