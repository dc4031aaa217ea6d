import type { OpenTelemetryApi } from './otel-api.js';

// In a variable, so that bundlers leave the import alone: a browser bundle must neither fail when the
// optional package is missing nor grow when it is installed (browsers pass it to useOpenTelemetry()).
const packageName = '@opentelemetry/api';

type Loaded = { readonly done: true; readonly api: OpenTelemetryApi | undefined };
type Loading = { readonly done: false; readonly promise: Promise<OpenTelemetryApi | undefined> };

let state: Loaded | Loading | undefined;

/**
 * Sets the OpenTelemetry API chatwright records spans through, or turns tracing off (`false`).
 * Without a call, chatwright imports `@opentelemetry/api` itself the first time it needs it (in Node,
 * ESM or CommonJS) and records nothing if the package is not installed. Call it where that import
 * cannot work: in a browser bundle, or to use a particular copy of the API.
 *
 * @example
 * import * as otel from '@opentelemetry/api';
 * useOpenTelemetry(otel);
 */
export function useOpenTelemetry(api: OpenTelemetryApi | false): void {
  state = { done: true, api: api === false ? undefined : api };
}

/**
 * The API, once known: synchronously after the first load (the common case, no await), else a
 * promise of it. The package is looked for once per process; a failed import means "not installed".
 */
export function otelApi(): OpenTelemetryApi | undefined | Promise<OpenTelemetryApi | undefined> {
  if (state === undefined) {
    const promise: Promise<OpenTelemetryApi | undefined> = importApi().then(
      (api) => settle(promise, api),
      () => settle(promise, undefined),
    );
    state = { done: false, promise };
  }
  return state.done ? state.api : state.promise;
}

function settle(
  promise: Promise<OpenTelemetryApi | undefined>,
  api: OpenTelemetryApi | undefined,
): OpenTelemetryApi | undefined {
  // useOpenTelemetry() called while the import was under way wins.
  if (!state?.done && state?.promise === promise) state = { done: true, api };
  return state?.done ? state.api : api;
}

async function importApi(): Promise<OpenTelemetryApi | undefined> {
  const loaded = (await import(/* webpackIgnore: true */ /* @vite-ignore */ packageName)) as Partial<
    OpenTelemetryApi & { default: OpenTelemetryApi }
  >;
  // CommonJS interop may put the namespace under `default`.
  const api = loaded.trace === undefined ? loaded.default : (loaded as OpenTelemetryApi);
  return api?.trace === undefined || api.context === undefined ? undefined : api;
}
