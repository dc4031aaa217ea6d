import { test } from 'uvu';
import { type Expected, expectIssues, expectValid, withFields } from './support.js';

const ROLES = "'system', 'developer', 'user', 'assistant', 'tool' or 'function'";

/** One message per row, sent alone: the exact issues it raises. */
const cases: ReadonlyArray<readonly [string, unknown, Expected[]]> = [
  ['a number', 42, [{ path: 'messages.0', message: 'a message must be an object' }]],
  [
    'no role',
    { content: 'Hi' },
    [{ path: 'messages.0.role', message: `role is missing (a message needs role: ${ROLES})` }],
  ],
  [
    'an unknown role',
    { role: 'bot', content: 'Hi' },
    [{ path: 'messages.0.role', message: `role must be one of ${ROLES}` }],
  ],
  [
    'a user message without content',
    { role: 'user' },
    [{ path: 'messages.0.content', message: 'content is missing (a user message needs it)' }],
  ],
  [
    'a user message with an empty content array',
    { role: 'user', content: [] },
    [
      {
        path: 'messages.0.content',
        message: 'content must not be an empty array (pass a string or at least one part)',
      },
    ],
  ],
  [
    'a user message with numeric content',
    { role: 'user', content: 5 },
    [{ path: 'messages.0.content', message: 'content must be a string or an array of content parts' }],
  ],
  [
    'a user message with null content',
    { role: 'user', content: null },
    [{ path: 'messages.0.content', message: 'content must be a string or an array of content parts' }],
  ],
  [
    'a user message with an unknown key',
    { role: 'user', content: 'Hi', tool_call_id: 'x' },
    [
      {
        path: 'messages.0.tool_call_id',
        message: 'unknown field "tool_call_id" (a user message takes role, content, name)',
      },
    ],
  ],
  [
    'a user message with a numeric name',
    { role: 'user', content: 'Hi', name: 1 },
    [{ path: 'messages.0.name', message: 'name must be a string' }],
  ],
  [
    'a content part of an unknown type',
    { role: 'user', content: [{ type: 'video', video: {} }] },
    [
      {
        path: 'messages.0.content.0.type',
        message: "type must be one of 'text', 'image_url', 'input_audio' or 'file'",
      },
    ],
  ],
  [
    'a content part without a type',
    { role: 'user', content: [{ text: 'Hi' }] },
    [
      {
        path: 'messages.0.content.0.type',
        message:
          "type is missing (a content part of a user message needs type: 'text', 'image_url', 'input_audio' or 'file')",
      },
    ],
  ],
  [
    'a content part that is a string',
    { role: 'user', content: ['Hi'] },
    [{ path: 'messages.0.content.0', message: 'a content part of a user message must be an object' }],
  ],
  [
    'a text part without text',
    { role: 'user', content: [{ type: 'text' }] },
    [{ path: 'messages.0.content.0.text', message: 'text is missing (a text part needs it)' }],
  ],
  [
    'a text part with a bad cache breakpoint',
    { role: 'user', content: [{ type: 'text', text: 'x', prompt_cache_breakpoint: { mode: 'implicit' } }] },
    [
      {
        path: 'messages.0.content.0.prompt_cache_breakpoint.mode',
        message: "prompt_cache_breakpoint.mode must be 'explicit'",
      },
    ],
  ],
  [
    'an image part with a relative url',
    { role: 'user', content: [{ type: 'image_url', image_url: { url: 'cat.png' } }] },
    [
      {
        path: 'messages.0.content.0.image_url.url',
        message:
          'image_url.url must be an absolute URL (https://..., spaces and non-ASCII characters percent-encoded) or a data: URL',
      },
    ],
  ],
  [
    'an image part with a space in its url',
    { role: 'user', content: [{ type: 'image_url', image_url: { url: 'http://exa mple.com/a b.png' } }] },
    [
      {
        path: 'messages.0.content.0.image_url.url',
        message:
          'image_url.url must be an absolute URL (https://..., spaces and non-ASCII characters percent-encoded) or a data: URL',
      },
    ],
  ],
  [
    'an image part whose url is a bare scheme',
    { role: 'user', content: [{ type: 'image_url', image_url: { url: 'x:' } }] },
    [
      {
        path: 'messages.0.content.0.image_url.url',
        message:
          'image_url.url must be an absolute URL (https://..., spaces and non-ASCII characters percent-encoded) or a data: URL',
      },
    ],
  ],
  [
    'an image part with an unknown detail',
    { role: 'user', content: [{ type: 'image_url', image_url: { url: 'https://a/b.png', detail: 'max' } }] },
    [
      {
        path: 'messages.0.content.0.image_url.detail',
        message: "image_url.detail must be one of 'auto', 'low' or 'high'",
      },
    ],
  ],
  [
    'an image part with the url at the wrong level',
    { role: 'user', content: [{ type: 'image_url', url: 'https://a/b.png' }] },
    [
      { path: 'messages.0.content.0.image_url', message: 'image_url is missing (an image part needs it)' },
      {
        path: 'messages.0.content.0.url',
        message: 'unknown field "url" (an image part takes type, image_url, prompt_cache_breakpoint)',
      },
    ],
  ],
  [
    'an audio part in an unknown format',
    { role: 'user', content: [{ type: 'input_audio', input_audio: { data: 'x', format: 'ogg' } }] },
    [
      {
        path: 'messages.0.content.0.input_audio.format',
        message: "input_audio.format must be one of 'wav' or 'mp3'",
      },
    ],
  ],
  [
    'a system message with an image part',
    { role: 'system', content: [{ type: 'image_url', image_url: { url: 'https://a' } }] },
    [{ path: 'messages.0.content.0.type', message: "type must be 'text'" }],
  ],
  [
    'a developer message with a refusal part',
    { role: 'developer', content: [{ type: 'refusal', refusal: 'no' }] },
    [{ path: 'messages.0.content.0.type', message: "type must be 'text'" }],
  ],
  [
    'a system message without content',
    { role: 'system' },
    [{ path: 'messages.0.content', message: 'content is missing (a system message needs it)' }],
  ],
  [
    'an assistant message with nothing in it',
    { role: 'assistant' },
    [
      {
        path: 'messages.0.content',
        message: 'an assistant message needs content unless it has tool_calls, a refusal or an audio id',
      },
    ],
  ],
  [
    'an assistant message with null content and no tool calls',
    { role: 'assistant', content: null, function_call: null },
    [
      {
        path: 'messages.0.content',
        message: 'an assistant message needs content unless it has tool_calls, a refusal or an audio id',
      },
    ],
  ],
  [
    'an assistant message with an image part',
    { role: 'assistant', content: [{ type: 'image_url', image_url: { url: 'https://a' } }] },
    [{ path: 'messages.0.content.0.type', message: "type must be one of 'text' or 'refusal'" }],
  ],
  [
    'an assistant message with a refusal next to text',
    {
      role: 'assistant',
      content: [
        { type: 'text', text: 'a' },
        { type: 'refusal', refusal: 'no' },
      ],
    },
    [{ path: 'messages.0.content', message: 'content holds text parts or a single refusal part, not both' }],
  ],
  [
    'an assistant message with two refusals',
    {
      role: 'assistant',
      content: [
        { type: 'refusal', refusal: 'no' },
        { type: 'refusal', refusal: 'no' },
      ],
    },
    [{ path: 'messages.0.content', message: 'content holds text parts or a single refusal part, not both' }],
  ],
  [
    'an assistant message with empty tool_calls',
    { role: 'assistant', content: 'x', tool_calls: [] },
    [{ path: 'messages.0.tool_calls', message: 'tool_calls must not be empty (leave it out instead)' }],
  ],
  [
    'a tool call without arguments',
    { role: 'assistant', tool_calls: [{ id: 'c', type: 'function', function: { name: 'f' } }] },
    [
      {
        path: 'messages.0.tool_calls.0.function.arguments',
        message: 'arguments is missing (function needs it)',
      },
    ],
  ],
  [
    'a tool call of an unknown type',
    { role: 'assistant', tool_calls: [{ id: 'c', type: 'web', web: {} }] },
    [{ path: 'messages.0.tool_calls.0.type', message: "type must be one of 'function' or 'custom'" }],
  ],
  [
    'a custom tool call without input',
    { role: 'assistant', tool_calls: [{ id: 'c', type: 'custom', custom: { name: 'x' } }] },
    [{ path: 'messages.0.tool_calls.0.custom.input', message: 'input is missing (custom needs it)' }],
  ],
  [
    'an assistant audio reference without id',
    { role: 'assistant', content: 'x', audio: {} },
    [{ path: 'messages.0.audio.id', message: 'id is missing (audio needs it)' }],
  ],
  [
    'a tool message without tool_call_id',
    { role: 'tool', content: 'x' },
    [{ path: 'messages.0.tool_call_id', message: 'tool_call_id is missing (a tool message needs it)' }],
  ],
  [
    'a function message without name',
    { role: 'function', content: 'x' },
    [{ path: 'messages.0.name', message: 'name is missing (a function message needs it)' }],
  ],
];

for (const [name, message, expected] of cases) {
  test(`message: ${name}`, () => expectIssues(withFields({ messages: [message] }), expected));
}

test('issues point into the right message', () => {
  expectIssues(
    withFields({
      messages: [
        { role: 'user', content: 'ok' },
        { role: 'user', content: 'ok' },
        { role: 'user', content: [{ type: 'text', text: 1 }] },
      ],
    }),
    [{ path: 'messages.2.content.0.text', message: 'text must be a string' }],
  );
});

test('messages must be an array', () => {
  expectIssues(withFields({ messages: { role: 'user', content: 'Hi' } }), [
    { path: 'messages', message: 'messages must be an array of messages' },
  ]);
});

test('an assistant message may hold several text parts', () => {
  expectValid(
    withFields({
      messages: [
        {
          role: 'assistant',
          content: [
            { type: 'text', text: 'a' },
            { type: 'text', text: 'b' },
          ],
        },
      ],
    }),
  );
});

test('an empty user string is still content', () => {
  expectValid(withFields({ messages: [{ role: 'user', content: '' }] }));
});

test.run();
