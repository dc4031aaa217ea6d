import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import {
  type BuilderState,
  type ChatBuilder,
  ClientOptionsError,
  createClient,
  type RequestEvent,
  ValidationError,
} from '../../src/index.js';
import { clientOf, expectError, KEY, withServer } from '../client/support.js';
import { assertOfficialRequest } from '../support/conformance.js';
import { spanNamed, traced } from './support.js';

const test = suite('preset names and options');
traced(test);

test('a name is kept through derivation, use(), when() and extra(), and never sent', async () => {
  await withServer(async (server) => {
    const names: (string | undefined)[] = [];
    const client = clientOf(server, { onRequest: (event: RequestEvent) => names.push(event.name) });
    const polite = <S extends BuilderState>(builder: ChatBuilder<S>) => builder.system('Be polite.');
    const preset = client.chat().model('gpt-4o').name('billing-support').use(polite);
    const derived = preset
      .when(true, (b) => b.temperature(0.1))
      .extra({ custom_flag: true })
      .user('Hi');
    await derived.send();
    await preset.name('billing-v2').user('Hi').send();
    await client.chat().model('gpt-4o').user('Hi').send();
    assert.equal(names, ['billing-support', 'billing-v2', undefined]);

    assert.equal(derived.toJSON(), {
      custom_flag: true,
      model: 'gpt-4o',
      messages: [
        { role: 'system', content: 'Be polite.' },
        { role: 'user', content: 'Hi' },
      ],
      temperature: 0.1,
    });
    assert.not.ok(JSON.stringify(server.requests.map((request) => request.body)).includes('billing'));
    for (const request of server.requests) assertOfficialRequest(request.body);
    // A preset saved as JSON carries the body only.
    const loaded = client.chat.fromJSON(JSON.stringify(preset.user('Hi')));
    names.length = 0;
    await loaded.send();
    assert.equal(names, [undefined]);
  });
});

test('a name shows on the request span', async () => {
  await withServer(async (server) => {
    await clientOf(server).chat().model('gpt-4o').name('ticket-triage').user('Hi').send();
    assert.is(spanNamed('chat gpt-4o').attributes['chatwright.preset.name'], 'ticket-triage');
  });
});

test('name() refuses what is not a non-empty string', () => {
  const builder = createClient({ apiKey: KEY }).chat().model('gpt-4o');
  for (const bad of ['', '   ', 'x'.repeat(257), 42]) {
    const error = expectError(
      (() => {
        try {
          builder.name(bad as string);
        } catch (thrown) {
          return thrown;
        }
        return undefined;
      })(),
      ValidationError,
    );
    assert.match(error.message, 'name() takes a non-empty string of at most 256 characters');
  }
});

test('bad telemetry, hook and logger options are ClientOptionsErrors naming the option', () => {
  const cases: Array<[Record<string, unknown>, string]> = [
    [{ telemetry: { captureContent: 'yes' } }, 'telemetry.captureContent'],
    [{ telemetry: { providerName: '' } }, 'telemetry.providerName'],
    [{ onRequest: 'log' }, 'onRequest'],
    [{ onResponse: 1 }, 'onResponse'],
    [{ logLevel: 'verbose' }, 'logLevel'],
    [{ logLevel: 'info', logger: { info: () => {} } }, 'logger'],
  ];
  for (const [options, option] of cases) {
    let caught: unknown;
    try {
      createClient({ apiKey: KEY, ...options });
    } catch (error) {
      caught = error;
    }
    assert.is(expectError(caught, ClientOptionsError).option, option, JSON.stringify(options));
  }
});

test('withOptions() merges telemetry settings', async () => {
  await withServer(async (server) => {
    const base = clientOf(server, { telemetry: { providerName: 'azure.ai.openai' } });
    await base
      .withOptions({ telemetry: { captureContent: true } })
      .chat()
      .model('gpt-4o')
      .user('Hi')
      .send();
    const span = spanNamed('chat gpt-4o');
    assert.is(span.attributes['gen_ai.provider.name'], 'azure.ai.openai');
    assert.type(span.attributes['gen_ai.input.messages'], 'string');
  });
});

test.run();
