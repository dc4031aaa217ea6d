import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { type BuilderState, type ChatBuilder, ChatStream, chat, ValidationError } from '../../src/index.js';
import { replies } from '../../src/testing/index.js';
import { clientOf, withServer } from '../client/support.js';
import { expectWire } from '../support/wire.js';

function issuesOf(run: () => unknown) {
  try {
    run();
  } catch (error) {
    assert.instance(error, ValidationError);
    return (error as ValidationError).issues.map(({ path, message }) => ({ path, message }));
  }
  assert.unreachable('expected a ValidationError');
  return [];
}

test('use() applies function presets in order and keeps the chain', () => {
  const careful = <S extends BuilderState>(b: ChatBuilder<S>) => b.temperature(0.1).seed(7);
  const weather = <S extends BuilderState>(b: ChatBuilder<S>) => b.tool({ name: 'get_weather' });
  const builder = chat().model('gpt-4o').use(careful).use(weather).toolChoice('get_weather').user('Rain?');
  expectWire(builder, {
    model: 'gpt-4o',
    temperature: 0.1,
    seed: 7,
    tools: [{ type: 'function', function: { name: 'get_weather' } }],
    tool_choice: { type: 'function', function: { name: 'get_weather' } },
    messages: [{ role: 'user', content: 'Rain?' }],
  });
});

test('a preset exported as JSON imports back to the same body', () => {
  const preset = chat()
    .model('gpt-4o')
    .system('Be brief.')
    .temperature(0.2)
    .logprobs()
    .topLogprobs(2)
    .tool({ name: 'lookup', parameters: { type: 'object', properties: { id: { type: 'string' } } } })
    .toolChoice('lookup')
    .stream()
    .streamOptions({ include_usage: true })
    .metadata({ team: 'billing' });
  const imported = chat.fromJSON(JSON.stringify(preset), { stream: true });
  assert.equal(imported.toJSON(), preset.toJSON());
  assert.ok(Object.isFrozen(imported.toJSON()));
  // Deeply: JSON text is frozen as it is checked, not copied first.
  const wire = imported.toJSON();
  const parameters = wire.tools?.[0]?.type === 'function' ? wire.tools[0].function.parameters : undefined;
  for (const part of [
    wire.messages,
    wire.messages?.[0],
    wire.tools,
    wire.tools?.[0],
    parameters,
    wire.metadata,
  ]) {
    assert.ok(part !== undefined && Object.isFrozen(part));
  }
  // And from an already parsed object, which is copied, not frozen.
  const parsed = JSON.parse(JSON.stringify(preset));
  const fromObject = chat.fromJSON(parsed, { stream: true });
  assert.equal(fromObject.toJSON(), preset.toJSON());
  assert.not.ok(Object.isFrozen(parsed));
  parsed.temperature = 1;
  assert.is(fromObject.toJSON().temperature, 0.2);
  // An imported preset works like any builder.
  expectWire(imported.user('Hi'), {
    ...preset.toJSON(),
    messages: [...(preset.toJSON().messages ?? []), { role: 'user', content: 'Hi' }],
  });
});

test('extra fields round-trip only when named', () => {
  const preset = chat().model('llama3').extra({ keep_alive: '5m' });
  const json = JSON.stringify(preset);
  assert.equal(
    issuesOf(() => chat.fromJSON(json)),
    [
      {
        path: 'keep_alive',
        message: `unknown field "keep_alive" (if it is meant for another provider, pass { extra: ['keep_alive'] })`,
      },
    ],
  );
  const imported = chat.fromJSON(json, { extra: ['keep_alive'] });
  assert.equal(imported.toJSON(), { keep_alive: '5m', model: 'llama3' });
});

test('a misspelt field is refused with a suggestion', () => {
  const issues = issuesOf(() => chat.fromJSON('{"model":"gpt-4o","topP":0.5}'));
  assert.is(issues.length, 1);
  assert.is(issues[0]?.path, 'topP');
  assert.match(issues[0]!.message, /did you mean "top_p"/);
});

test('malformed input is refused with a clear error', () => {
  assert.match(issuesOf(() => chat.fromJSON('{"model":'))[0]!.message, /not valid JSON/);
  assert.equal(
    issuesOf(() => chat.fromJSON('[1,2]')),
    [{ path: '', message: 'a preset must be a JSON object (got an array)' }],
  );
  assert.equal(
    issuesOf(() => chat.fromJSON(null)),
    [{ path: '', message: 'a preset must be a JSON object (got null)' }],
  );
  assert.is(issuesOf(() => chat.fromJSON('{"temperature":"hot"}'))[0]?.path, 'temperature');
});

test('preset rules hold on import; completeness waits for send()', () => {
  assert.equal(
    issuesOf(() => chat.fromJSON('{"top_logprobs":2}')),
    [{ path: 'top_logprobs', message: 'top_logprobs needs logprobs: true (call .logprobs() first)' }],
  );
  // No model and no message is a fine preset...
  const preset = chat.fromJSON('{"temperature":0.3}');
  assert.equal(preset.toJSON(), { temperature: 0.3 });
  // ...that cannot be sent as it is.
  const result = preset.validate();
  assert.is(result.success, false);
});

test('prototype pollution through a preset is refused', () => {
  const attacks = [
    '{"__proto__":{"polluted":true}}',
    '{"model":"gpt-4o","metadata":{"__proto__":{"polluted":"yes"}}}',
    '{"tools":[{"type":"function","function":{"name":"f","parameters":{"__proto__":{"polluted":1}}}}]}',
  ];
  for (const attack of attacks) {
    const issues = issuesOf(() => chat.fromJSON(attack));
    assert.ok(
      issues.some((issue) => issue.path.endsWith('__proto__')),
      JSON.stringify(issues),
    );
    assert.is(({} as Record<string, unknown>).polluted, undefined);
    assert.is(Object.hasOwn(Object.prototype, 'polluted'), false);
  }
});

test('every builder method round-trips through JSON: a property named constructor included', () => {
  const preset = chat()
    .model('acme-chat-1')
    .system('Be brief.')
    .user([{ type: 'text', text: 'Hi' }])
    .assistant({
      content: null,
      tool_calls: [{ id: 'c1', type: 'function', function: { name: 'f', arguments: '{}' } }],
    })
    .toolResult('c1', 'ok')
    .temperature(0.5)
    .topP(0.9)
    .frequencyPenalty(0.1)
    .presencePenalty(0.1)
    .logitBias({ '42': 3 })
    .seed(1)
    .n(2)
    .stop(['END'])
    .logprobs()
    .topLogprobs(2)
    .maxCompletionTokens(100)
    .verbosity('low')
    .reasoningEffort('low')
    .prediction('x')
    .jsonSchema(
      {
        type: 'object',
        properties: { constructor: { type: 'string' } },
        required: ['constructor'],
        additionalProperties: false,
      },
      { name: 'out' },
    )
    .tool({ name: 'f', parameters: { type: 'object', properties: { prototype: { type: 'string' } } } })
    .customTool({ name: 'g' })
    .toolChoice('f')
    .parallelToolCalls(false)
    .webSearch({ search_context_size: 'low' })
    .stream()
    .streamOptions({ include_usage: true })
    .store()
    .metadata({ constructor: 'x' })
    .serviceTier('auto')
    .promptCacheKey('k')
    .promptCacheRetention('24h')
    .promptCacheOptions({ mode: 'explicit' })
    .safetyIdentifier('s')
    .endUserId('u')
    .moderation({ model: 'omni-moderation-latest' });
  assert.ok(preset.validate().success, JSON.stringify(preset.validate().issues));
  // Compared as bytes: uvu's deep equality reads an own `constructor` key as the class, and two
  // distinct `{ type: 'string' }` objects under that key would look like two classes.
  assert.is(JSON.stringify(chat.fromJSON(JSON.stringify(preset), { stream: true })), JSON.stringify(preset));
});

test('when() applies a preset only when its condition holds', () => {
  const base = chat().model('gpt-4o').user('Hi');
  expectWire(
    base.when(true, (b) => b.temperature(1.2)),
    { model: 'gpt-4o', messages: [{ role: 'user', content: 'Hi' }], temperature: 1.2 },
  );
  // An equal builder, not the same object: it remembers that a branch was skipped (a template it may
  // have added has names that vars() must then let through, see docs/presets.md).
  const skipped = base.when(false, (b) => b.temperature(1.2));
  assert.is(JSON.stringify(skipped), JSON.stringify(base));
  assert.is(skipped.toJSON(), base.toJSON());
});

test('fromJSON() streams only when told so: a streaming body without { stream: true } is refused', async () => {
  assert.equal(
    issuesOf(() => chat.fromJSON('{"model":"gpt-4o","stream":true}')),
    [
      {
        path: 'stream',
        message:
          'the preset streams: import it with chat.fromJSON(json, { stream: true }), so that send() is typed as a stream',
      },
    ],
  );
  // With { stream: true } the builder streams whether or not the JSON says so.
  expectWire(chat.fromJSON('{"model":"gpt-4o"}', { stream: true }).user('Hi'), {
    model: 'gpt-4o',
    stream: true,
    messages: [{ role: 'user', content: 'Hi' }],
  });
  expectWire(chat.fromJSON('{"model":"gpt-4o","stream":false}').user('Hi'), {
    model: 'gpt-4o',
    stream: false,
    messages: [{ role: 'user', content: 'Hi' }],
  });
  await withServer(async (server) => {
    const factory = clientOf(server).chat;
    server.enqueue(replies.completion('streamed'), replies.completion('whole'));
    const stream = factory.fromJSON('{"model":"gpt-4o","stream":true}', { stream: true }).user('Hi').send();
    assert.instance(stream, ChatStream);
    assert.is((await stream.final()).choices[0]?.message.content, 'streamed');
    const reply = await factory.fromJSON('{"model":"gpt-4o"}').user('Hi').send();
    assert.is(reply.choices[0]?.message.content, 'whole');
    assert.equal(
      server.requests.map((request) => (request.body as { stream?: boolean }).stream),
      [true, undefined],
    );
  });
});

test.run();
