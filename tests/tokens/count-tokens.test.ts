import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { audioPart, chat, imagePart } from '../../src/index.js';
import { countTokens } from '../../src/tokens/index.js';

const test = suite('countTokens');

// A 1x1 PNG and a 1024x2048 one (only the header is read: the size sits in the IHDR chunk).
function pngDataUrl(width: number, height: number): string {
  const bytes = new Uint8Array(33);
  bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
  new DataView(bytes.buffer).setUint32(16, width);
  new DataView(bytes.buffer).setUint32(20, height);
  return `data:image/png;base64,${Buffer.from(bytes).toString('base64')}`;
}

test('the total is the sum of the parts, in the encoding of the model family', () => {
  const count = countTokens(chat().model('gpt-4o').system('Be brief.').user('Hello!'));
  assert.is(count.encoding, 'o200k_base');
  assert.is(count.knownModel, true);
  const { messages, tools, responseFormat, images } = count.parts;
  assert.is(count.total, messages + tools + responseFormat + images);
  assert.equal({ tools, responseFormat, images }, { tools: 0, responseFormat: 0, images: 0 });
  // 3 priming + 2 messages of 3 overhead + role (1) + content: "Be brief." is 3 tokens, "Hello!" 2.
  assert.is(count.total, 3 + (3 + 1 + 3) + (3 + 1 + 2));
  assert.equal(count.notCounted, []);
  assert.is(count.upperBound, false);
});

test('gpt-3.5 and gpt-4 count in cl100k_base; an unknown model in o200k_base, and says so', () => {
  assert.is(countTokens(chat().model('gpt-3.5-turbo').user('Hi')).encoding, 'cl100k_base');
  assert.is(countTokens(chat().model('gpt-4-turbo').user('Hi')).encoding, 'cl100k_base');
  const unknown = countTokens(chat().model('acme-large').user('Hi'));
  assert.is(unknown.encoding, 'o200k_base');
  assert.is(unknown.knownModel, false);
});

test('a name costs its tokens and one more; tools and a json_schema response format have parts of their own', () => {
  const plain = countTokens(chat().model('gpt-4o').user('Hi'));
  const named = countTokens(chat().model('gpt-4o').user('Hi', { name: 'ada' }));
  assert.is(named.total - plain.total, 1 + 1);
  const withTool = countTokens(
    chat()
      .model('gpt-4o')
      .user('Weather?')
      .tool({
        name: 'get_weather',
        description: 'The weather',
        parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
      }),
  );
  assert.ok(withTool.parts.tools > 9);
  const structured = countTokens(
    chat()
      .model('gpt-4o')
      .user('Weather?')
      .jsonSchema(
        {
          type: 'object',
          properties: { c: { type: 'number' } },
          required: ['c'],
          additionalProperties: false,
        },
        { name: 'weather' },
      ),
  );
  assert.ok(structured.parts.responseFormat > 10);
  assert.is(structured.parts.tools, 0);
});

test('special-token text in a message is counted as text, not refused', () => {
  const count = countTokens(chat().model('gpt-4o').user('<|endoftext|>'));
  assert.ok(count.total > 7);
});

test('images: low detail costs the base, a data URL is sized from its header, a remote one is an upper bound', () => {
  const text = countTokens(
    chat()
      .model('gpt-4o')
      .user([{ type: 'text', text: 'What is it?' }]),
  );
  const low = countTokens(
    chat()
      .model('gpt-4o')
      .user([
        { type: 'text', text: 'What is it?' },
        imagePart('https://example.com/a.png', { detail: 'low' }),
      ]),
  );
  assert.is(low.parts.images, 85);
  assert.is(low.parts.messages, text.parts.messages);
  // 1024x2048 fits 2048; its shortest side becomes 768: 768x1536 is 2 x 3 tiles.
  const sized = countTokens(
    chat()
      .model('gpt-4o')
      .user([imagePart(pngDataUrl(1024, 2048))]),
  );
  assert.is(sized.parts.images, 85 + 170 * 6);
  assert.is(sized.upperBound, false);
  const remote = countTokens(
    chat()
      .model('gpt-4o')
      .user([imagePart('https://example.com/a.png')]),
  );
  assert.is(remote.parts.images, 85 + 170 * 8);
  assert.is(remote.upperBound, true);
  const given = countTokens(
    chat()
      .model('gpt-4o')
      .user([imagePart('https://example.com/a.png')]),
    {
      imageSize: () => ({ width: 512, height: 512 }),
    },
  );
  assert.is(given.parts.images, 85 + 170);
  assert.is(
    countTokens(
      chat()
        .model('gpt-4o-mini')
        .user([imagePart(pngDataUrl(1, 1))]),
    ).parts.images,
    2833 + 5667,
  );
});

test('audio and files are listed as not counted, with their paths', () => {
  const count = countTokens(
    chat()
      .model('gpt-4o-audio-preview')
      .user('Transcribe')
      .user([audioPart('UklGRg==', 'wav'), { type: 'file', file: { file_id: 'file-1' } }]),
  );
  assert.equal(count.notCounted, [
    { path: 'messages.1.content.0', type: 'input_audio' },
    { path: 'messages.1.content.1', type: 'file' },
  ]);
});

test('a request derived from a preset counts the preset part the same as the preset did', () => {
  const preset = chat().model('gpt-4o').system('You are a careful assistant. '.repeat(300));
  const base = countTokens(preset.user('x')).total;
  const derived = preset.user('Hello there, how are you?');
  const alone = countTokens(
    chat()
      .model('gpt-4o')
      .system('You are a careful assistant. '.repeat(300))
      .user('Hello there, how are you?'),
  );
  assert.is(countTokens(derived).total, alone.total);
  assert.ok(countTokens(derived).total > base);
});

test('a plain wire body counts like the builder that makes it; options.model overrides its model', () => {
  const builder = chat().model('gpt-4o').user('Hi');
  assert.equal(countTokens(builder.toJSON()), countTokens(builder));
  assert.is(countTokens(builder, { model: 'gpt-3.5-turbo' }).encoding, 'cl100k_base');
});

test.run();
