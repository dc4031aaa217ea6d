import { completionBody, type FakeReply, replies } from '../../src/testing/index.js';

/** A completion whose first choice calls the function tool `name` with `args` (JSON), as call `id`. */
export function toolCallReply(id: string, name: string, args: string): FakeReply {
  return replies.json({
    ...completionBody('', { finishReason: 'tool_calls' }),
    choices: [
      {
        index: 0,
        message: {
          role: 'assistant',
          content: null,
          tool_calls: [{ id, type: 'function', function: { name, arguments: args } }],
        },
        finish_reason: 'tool_calls',
      },
    ],
  });
}
