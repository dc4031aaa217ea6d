import * as v from 'valibot';
import { closedObject } from './closed-object.js';
import { assistantContentSchema, textContentSchema, userContentSchema } from './content-parts.js';
import { tag, tagged, text } from './primitives.js';

/*
 * The `messages` array: one schema per role, told apart by `role`.
 * @see https://platform.openai.com/docs/api-reference/chat/create#chat-create-messages
 */

const name = v.exactOptional(text('name'));

const systemMessage = closedObject('a system message', {
  role: tag('role', 'system'),
  content: textContentSchema('a system message'),
  name,
});

const developerMessage = closedObject('a developer message', {
  role: tag('role', 'developer'),
  content: textContentSchema('a developer message'),
  name,
});

const userMessage = closedObject('a user message', {
  role: tag('role', 'user'),
  content: userContentSchema,
  name,
});

const functionToolCall = closedObject('a function tool call', {
  id: text('id'),
  type: tag('type', 'function'),
  function: closedObject('function', { name: text('function.name'), arguments: text('function.arguments') }),
});

const customToolCall = closedObject('a custom tool call', {
  id: text('id'),
  type: tag('type', 'custom'),
  custom: closedObject('custom', { name: text('custom.name'), input: text('custom.input') }),
});

const assistantMessage = v.pipe(
  closedObject('an assistant message', {
    role: tag('role', 'assistant'),
    content: v.exactOptional(assistantContentSchema),
    refusal: v.exactOptional(v.nullable(text('refusal'))),
    name,
    audio: v.exactOptional(v.nullable(closedObject('audio', { id: text('audio.id') }))),
    tool_calls: v.exactOptional(
      v.pipe(
        v.array(
          tagged('type', 'a tool call', ['function', 'custom'], [functionToolCall, customToolCall]),
          'tool_calls must be an array of tool calls',
        ),
        v.minLength(1, 'tool_calls must not be empty (leave it out instead)'),
      ),
    ),
    function_call: v.exactOptional(
      v.nullable(
        closedObject('function_call', {
          name: text('function_call.name'),
          arguments: text('function_call.arguments'),
        }),
      ),
    ),
  }),
  // The API refuses an assistant turn with nothing in it. Content may be left out when the turn is a
  // tool call, a refusal, or a previous audio answer referred to by id (OpenAI's audio guide sends
  // `{ role: 'assistant', audio: { id } }`): what run() writes back into a transcript.
  v.forward(
    v.check(
      (message) =>
        (message.content !== undefined && message.content !== null) ||
        message.tool_calls !== undefined ||
        (message.function_call !== undefined && message.function_call !== null) ||
        (message.audio !== undefined && message.audio !== null) ||
        (typeof message.refusal === 'string' && message.refusal !== ''),
      'an assistant message needs content unless it has tool_calls, a refusal or an audio id',
    ),
    ['content'],
  ),
);

const toolMessage = closedObject('a tool message', {
  role: tag('role', 'tool'),
  content: textContentSchema('a tool message'),
  tool_call_id: text('tool_call_id'),
});

const functionMessage = closedObject('a function message', {
  role: tag('role', 'function'),
  content: v.nullable(text('content')),
  name: text('name'),
});

/** One message of any role. */
const messageSchema = tagged(
  'role',
  'a message',
  ['system', 'developer', 'user', 'assistant', 'tool', 'function'],
  [systemMessage, developerMessage, userMessage, assistantMessage, toolMessage, functionMessage],
);

/** `messages`: an array of messages (being non-empty is a send rule: a preset may hold none yet). */
export const messagesSchema = v.array(messageSchema, 'messages must be an array of messages');
