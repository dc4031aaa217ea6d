import { test } from 'uvu';
import { expectIssues, expectValid, withFields } from './support.js';

const user = { role: 'user', content: 'Hi' };

test('send rule: model is required', () => {
  expectIssues({ messages: [user] }, [{ path: 'model', message: 'model is required (call .model() first)' }]);
});

test('send rule: at least one message', () => {
  const expected = [
    {
      path: 'messages',
      message: 'messages needs at least one message (add one with .user(), .system() or .messages())',
    },
  ];
  expectIssues({ model: 'gpt-4o' }, expected);
  expectIssues({ model: 'gpt-4o', messages: [] }, expected);
});

test('send rule: an empty body lacks both', () => {
  expectIssues({}, [
    { path: 'model', message: 'model is required (call .model() first)' },
    {
      path: 'messages',
      message: 'messages needs at least one message (add one with .user(), .system() or .messages())',
    },
  ]);
});

test("send rule: 'audio' in modalities needs audio", () => {
  const expected = [
    {
      path: 'modalities',
      message: "modalities include 'audio', which needs audio (set the voice and format with .audio())",
    },
  ];
  // An audio model, so that only the send rule speaks (the model rules are tested in tests/models/).
  const model = 'gpt-4o-audio-preview';
  expectIssues(withFields({ model, modalities: ['text', 'audio'] }), expected);
  expectIssues(withFields({ model, modalities: ['audio'], audio: null }), expected);
});

test("send rule: audio needs 'audio' in modalities", () => {
  const audio = { voice: 'alloy', format: 'mp3' };
  const expected = [
    { path: 'audio', message: "audio needs 'audio' in modalities (call .modalities(['text', 'audio']))" },
  ];
  const model = 'gpt-4o-audio-preview';
  expectIssues(withFields({ model, audio }), expected);
  expectIssues(withFields({ model, audio, modalities: ['text'] }), expected);
  expectIssues(withFields({ model, audio, modalities: null }), expected);
});

test('send rules kept: audio with its modality, text only, neither', () => {
  expectValid(
    withFields({
      model: 'gpt-4o-audio-preview',
      modalities: ['text', 'audio'],
      audio: { voice: 'ash', format: 'flac' },
    }),
  );
  expectValid(withFields({ modalities: ['text'] }));
  expectValid(withFields({ modalities: ['text'], audio: null }));
});

test('send rules run after the field checks and the preset rules', () => {
  expectIssues({ temperature: 9, top_logprobs: 2 }, [
    { path: 'temperature', message: 'temperature must be between 0 and 2' },
    { path: 'top_logprobs', message: 'top_logprobs needs logprobs: true (call .logprobs() first)' },
    { path: 'model', message: 'model is required (call .model() first)' },
    {
      path: 'messages',
      message: 'messages needs at least one message (add one with .user(), .system() or .messages())',
    },
  ]);
});

test('a malformed model or messages is reported once, by its field check', () => {
  expectIssues({ model: 7, messages: 'Hi' }, [
    { path: 'model', message: 'model must be a string' },
    { path: 'messages', message: 'messages must be an array of messages' },
  ]);
});

test.run();
