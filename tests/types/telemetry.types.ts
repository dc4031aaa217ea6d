// Observability: the real OpenTelemetry API fits the structural slice chatwright declares, a builder's
// name keeps its state, and the client's hooks and log options are typed.
import * as otel from '@opentelemetry/api';
import { expectTypeOf } from 'expect-type';
import {
  chat,
  createClient,
  type OpenTelemetryApi,
  type RequestEvent,
  type ResponseEvent,
  useOpenTelemetry,
} from '../../src/index.js';

// The package itself is what useOpenTelemetry() takes (browsers, bundlers).
expectTypeOf(otel).toMatchTypeOf<OpenTelemetryApi>();
useOpenTelemetry(otel);
useOpenTelemetry(false);
// @ts-expect-error useOpenTelemetry takes the API package or false, not a tracer
useOpenTelemetry(otel.trace.getTracer('x'));

// .name() changes nothing in the type-state: the named builder is the same preset.
const preset = chat().model('gpt-4o').temperature(0.2);
expectTypeOf(preset.name('billing-support')).toEqualTypeOf(preset);
// @ts-expect-error a name is a string
preset.name(42);

createClient({
  telemetry: { captureContent: true, providerName: 'azure.ai.openai' },
  onRequest: (event) => expectTypeOf(event).toEqualTypeOf<RequestEvent>(),
  onResponse: (event) => expectTypeOf(event.usage?.prompt_tokens).toEqualTypeOf<number | undefined>(),
  logLevel: 'debug',
  logger: console,
});
expectTypeOf<ResponseEvent['status']>().toEqualTypeOf<number>();
// @ts-expect-error logLevel is one of off, error, warn, info, debug
createClient({ logLevel: 'verbose' });
