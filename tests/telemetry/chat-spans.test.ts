import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import {
  BadRequestError,
  IncompleteStreamError,
  InternalServerError,
  useOpenTelemetry,
} from '../../src/index.js';
import { completionBody, replies } from '../../src/testing/index.js';
import { clientOf, expectError, KEY, rejection, withServer } from '../client/support.js';
import { assertOfficialRequest } from '../support/conformance.js';
import { assertNoSecrets, endedSpans, eventually, names, resetSpans, spanNamed, traced } from './support.js';

const test = suite('chat spans');
traced(test);

test('a send makes one client span by the GenAI conventions, with the sampling parameters set', async () => {
  await withServer(async (server) => {
    server.enqueue(
      replies.json({
        ...completionBody('Paris.', { id: 'chatcmpl-42', model: 'gpt-4o-2024-08-06' }),
        usage: {
          prompt_tokens: 12,
          completion_tokens: 3,
          total_tokens: 15,
          prompt_tokens_details: { cached_tokens: 4 },
        },
      }),
    );
    const preset = clientOf(server).chat().model('gpt-4o').name('geography').temperature(0.2).topP(0.9);
    await preset.maxCompletionTokens(50).seed(7).stop(['END']).user('Capital of France?').send();

    const span = spanNamed('chat gpt-4o');
    assert.is(span.kind, SpanKind.CLIENT);
    assert.is(span.status.code, SpanStatusCode.UNSET);
    assert.equal(span.attributes, {
      'gen_ai.operation.name': 'chat',
      'gen_ai.provider.name': 'openai',
      'gen_ai.system': 'openai',
      'gen_ai.request.model': 'gpt-4o',
      'server.address': '127.0.0.1',
      'server.port': Number(new URL(server.url).port),
      'gen_ai.request.temperature': 0.2,
      'gen_ai.request.top_p': 0.9,
      'gen_ai.request.max_tokens': 50,
      'gen_ai.request.seed': 7,
      'gen_ai.request.stop_sequences': ['END'],
      'chatwright.preset.name': 'geography',
      'http.response.status_code': 200,
      'gen_ai.response.model': 'gpt-4o-2024-08-06',
      'gen_ai.response.id': 'chatcmpl-42',
      'gen_ai.response.finish_reasons': ['stop'],
      'gen_ai.usage.input_tokens': 12,
      'gen_ai.usage.output_tokens': 3,
      'gen_ai.usage.cache_read.input_tokens': 4,
    });
    // The name is the builder's, never the wire's.
    const body = server.requests[0]?.body as Record<string, unknown>;
    assert.equal(Object.keys(body).sort(), [
      'max_completion_tokens',
      'messages',
      'model',
      'seed',
      'stop',
      'temperature',
      'top_p',
    ]);
    assertOfficialRequest(body);
  });
});

test('message content is recorded only with captureContent', async () => {
  await withServer(async (server) => {
    const plain = clientOf(server).chat().model('gpt-4o').system('Be brief.').user('Hi');
    await plain.send();
    assert.is(spanNamed('chat gpt-4o').attributes['gen_ai.input.messages'], undefined);
    assert.is(spanNamed('chat gpt-4o').attributes['gen_ai.output.messages'], undefined);
    resetSpans();

    server.enqueue(replies.completion('Hello!'));
    const capturing = clientOf(server, { telemetry: { captureContent: true } });
    await capturing.chat().model('gpt-4o').system('Be brief.').user('Hi').send();
    const span = spanNamed('chat gpt-4o');
    assert.equal(JSON.parse(String(span.attributes['gen_ai.input.messages'])), [
      { role: 'system', parts: [{ type: 'text', content: 'Be brief.' }] },
      { role: 'user', parts: [{ type: 'text', content: 'Hi' }] },
    ]);
    assert.equal(JSON.parse(String(span.attributes['gen_ai.output.messages'])), [
      { role: 'assistant', parts: [{ type: 'text', content: 'Hello!' }], finish_reason: 'stop' },
    ]);
  });
});

test('a retried request is one span with one event per retry (its number, delay and cause)', async () => {
  await withServer(async (server) => {
    server.enqueue(replies.error(500, 'boom'), replies.error(503, 'busy'), replies.completion('ok'));
    await clientOf(server, { maxRetries: 3 }).chat().model('gpt-4o').user('Hi').send();
    const span = spanNamed('chat gpt-4o');
    assert.equal(
      span.events.map((event) => [
        event.name,
        event.attributes?.['chatwright.retry.number'],
        event.attributes?.['error.type'],
        event.attributes?.['http.response.status_code'],
      ]),
      [
        ['chatwright.retry', 1, 'InternalServerError', 500],
        ['chatwright.retry', 2, 'InternalServerError', 503],
      ],
    );
    for (const event of span.events) assert.type(event.attributes?.['chatwright.retry.delay_ms'], 'number');
    assert.is(span.status.code, SpanStatusCode.UNSET);
  });
});

test('a failed request ends its span with error.type, an error status and the HTTP status', async () => {
  await withServer(async (server) => {
    // A server that quotes the key back must not get it into the span.
    server.enqueue(replies.error(400, `Incorrect API key provided: ${KEY}`));
    expectError(await rejection(clientOf(server).chat().model('gpt-4o').user('Hi').send()), BadRequestError);
    const span = spanNamed('chat gpt-4o');
    assert.is(span.attributes['error.type'], 'BadRequestError');
    assert.is(span.attributes['http.response.status_code'], 400);
    assert.is(span.status.code, SpanStatusCode.ERROR);
    assert.match(String(span.status.message), 'Incorrect API key provided: [redacted]');
    assertNoSecrets([KEY]);

    resetSpans();
    server.enqueue(replies.error(500), replies.error(500));
    const error = await rejection(
      clientOf(server, { maxRetries: 1 }).chat().model('gpt-4o').user('Hi').send(),
    );
    expectError(error, InternalServerError);
    const retried = spanNamed('chat gpt-4o');
    assert.is(retried.events.length, 1);
    assert.is(retried.attributes['error.type'], 'InternalServerError');
  });
});

test('a stream read to its end: one span, ended at the end, with the time to the first chunk', async () => {
  await withServer(async (server) => {
    server.enqueue(replies.completion('one two three', { chunkDelayMs: 5 }));
    const stream = clientOf(server)
      .chat()
      .model('gpt-4o')
      .user('Count')
      .stream()
      .streamOptions({ include_usage: true })
      .send();
    const seen: string[] = [];
    for await (const text of stream.text()) {
      seen.push(text);
      assert.equal(names(), [], 'the span is still open while the stream is read');
    }
    assert.is(seen.join(''), 'one two three');
    const span = spanNamed('chat gpt-4o');
    assert.is(span.attributes['gen_ai.request.stream'], true);
    const ttft = span.attributes['gen_ai.response.time_to_first_chunk'];
    assert.ok(typeof ttft === 'number' && ttft > 0 && ttft < 5, `time to first chunk ${ttft}`);
    assert.equal(span.attributes['gen_ai.response.finish_reasons'], ['stop']);
    assert.is(span.attributes['gen_ai.usage.output_tokens'], 3);
    assert.is(span.status.code, SpanStatusCode.UNSET);
  });
});

test('a stream that fails mid-way ends its span with the error', async () => {
  await withServer(async (server) => {
    const chunk = {
      id: 'c',
      object: 'chat.completion.chunk',
      created: 0,
      model: 'gpt-4o',
      choices: [{ index: 0, delta: { content: 'Hi' }, finish_reason: null }],
    };
    server.enqueue(
      replies.stream(
        [chunk, 'event: error\ndata: {"error":{"message":"overloaded","type":"server_error"}}\n\n'],
        { done: false },
      ),
    );
    const stream = clientOf(server).chat().model('gpt-4o').user('Hi').stream().send();
    await rejection(stream.final());
    const span = spanNamed('chat gpt-4o');
    assert.is(span.attributes['error.type'], 'APIError');
    assert.is(span.status.code, SpanStatusCode.ERROR);
    assert.type(span.attributes['gen_ai.response.time_to_first_chunk'], 'number');
  });
});

test('a stream the consumer breaks out of ends its span at the break', async () => {
  await withServer(async (server) => {
    server.enqueue(replies.completion('a b c d e f g h', { chunkDelayMs: 5 }));
    const stream = clientOf(server).chat().model('gpt-4o').user('Hi').stream().send();
    for await (const _chunk of stream) break;
    const span = spanNamed('chat gpt-4o');
    assert.is(span.attributes['error.type'], 'IncompleteStreamError');
    expectError(await rejection(stream.final()), IncompleteStreamError);
  });
});

test('an aborted stream ends its span with APIUserAbortError', async () => {
  await withServer(async (server) => {
    server.enqueue(replies.completion('a b c d e f g h', { chunkDelayMs: 20 }));
    const stream = clientOf(server).chat().model('gpt-4o').user('Hi').stream().send();
    await stream.response;
    stream.abort();
    assert.is(spanNamed('chat gpt-4o').attributes['error.type'], 'APIUserAbortError');
  });
});

test('a stream dropped unread ends its span when it is garbage-collected', async () => {
  const { setFlagsFromString } = await import('node:v8');
  const { runInNewContext } = await import('node:vm');
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  await withServer(async (server) => {
    await (async () => {
      const stream = clientOf(server).chat().model('gpt-4o').name('dropped').user('Hi').stream().send();
      await stream.response;
    })();
    // Streams other tests dropped may end now too: this one is found by its name.
    const dropped = () =>
      endedSpans().filter((span) => span.attributes['chatwright.preset.name'] === 'dropped');
    await eventually(() => {
      gc();
      return dropped().length > 0;
    }, 'the abandoned stream span');
    assert.equal(
      dropped().map((span) => span.attributes['error.type']),
      ['StreamAbandoned'],
    );
  });
});

test('useOpenTelemetry(false) turns spans off; passing the API turns them back on', async () => {
  await withServer(async (server) => {
    const client = clientOf(server);
    useOpenTelemetry(false);
    try {
      await client.chat().model('gpt-4o').user('Hi').send();
      assert.equal(names(), []);
    } finally {
      useOpenTelemetry(await import('@opentelemetry/api'));
    }
    await client.chat().model('gpt-4o').user('Hi').send();
    assert.equal(names(), ['chat gpt-4o']);
  });
});

test('providerName names the provider', async () => {
  await withServer(async (server) => {
    await clientOf(server, { telemetry: { providerName: 'azure.ai.openai' } })
      .chat()
      .model('gpt-4o')
      .user('Hi')
      .send();
    const span = spanNamed('chat gpt-4o');
    assert.is(span.attributes['gen_ai.provider.name'], 'azure.ai.openai');
    assert.is(span.attributes['gen_ai.system'], 'azure.ai.openai');
  });
});

test.run();
