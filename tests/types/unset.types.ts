// unset() removes fields and the types follow: what a removed field recorded is forgotten, so calls it
// blocked compile again, and calls that needed it no longer do.
import { expectTypeOf } from 'expect-type';
import { chat } from '../../src/index.js';

const support = chat().model('gpt-4o').system('You answer billing questions.').temperature(0.2);

// A retargeted preset: o3 takes no temperature, and without it the request sends.
export const retargeted = support.unset('temperature').model('o3').user('Hi').send();
// @ts-expect-error o3 does not accept temperature: the preset still sets it
export const blocked = support.model('o3').user('Hi').send();

// Removing logprobs makes topLogprobs() a compile error again.
const withLogprobs = chat().model('gpt-4o').logprobs();
withLogprobs.topLogprobs(2);
// @ts-expect-error topLogprobs() needs .logprobs() first
withLogprobs.unset('logprobs').topLogprobs(2);

// Removing the model or the messages makes send() refuse to compile.
const sendable = chat().model('gpt-4o').user('Hi');
// @ts-expect-error send() needs a model: call .model() first
sendable.unset('model').send();
// @ts-expect-error send() needs at least one message
sendable.unset('messages').send();

// Removing the tools forgets their names.
const withTool = chat()
  .model('gpt-4o')
  .user('Hi')
  .tool({ name: 'lookup', parameters: { type: 'object' } });
withTool.toolChoice('lookup');
// @ts-expect-error toolChoice() needs a tool: add one with .tool() first
withTool.unset('tools').toolChoice('lookup');

// Only wire names are accepted.
// @ts-expect-error 'topP' is the method; the field is 'top_p'
support.unset('topP');

expectTypeOf(support.unset('temperature').toJSON().model).toEqualTypeOf<'gpt-4o'>();
