import type { StreamObserver } from '../stream/chat-stream.js';
import type { ExchangeRequest } from '../transport/exchange.js';
import type { RetryEvent } from '../transport/retry-options.js';
import type { ChatCompletion } from '../wire/response.js';
import { type ObservedRequest, observeRequest, type RequestObservation } from './request-observation.js';
import type { ObservationSettings } from './telemetry-options.js';

// A stream dropped before its end would leave its span open forever: ended when it is collected.
const abandoned =
  typeof FinalizationRegistry === 'function'
    ? new FinalizationRegistry<StreamWatch>((watch) => watch.abandoned())
    : undefined;

/**
 * The observation of a streamed request, usable at once although the observation itself may wait for
 * the OpenTelemetry API's first load (`ready`): the client's `stream()` returns synchronously.
 */
export class StreamWatch implements StreamObserver {
  #observation: RequestObservation | undefined;
  /** Resolves once the observation exists; `undefined` when it already does (no wait). */
  readonly ready: Promise<void> | undefined;

  constructor(settings: ObservationSettings, request: ObservedRequest) {
    const observing = observeRequest(settings, request);
    if (observing instanceof Promise) {
      this.ready = observing.then((observation) => {
        this.#observation = observation;
      });
    } else {
      this.#observation = observing;
    }
  }

  /** Ends the request's span if `stream` is garbage-collected unfinished. The watch must not hold `stream`. */
  track(stream: object): void {
    abandoned?.register(stream, this, this);
  }

  retry(event: RetryEvent): void {
    this.#observation?.retry(event);
  }

  responded(response: Response): void {
    this.#observation?.responded(response);
  }

  firstChunk(): void {
    this.#observation?.firstChunk();
  }

  completed(completion: ChatCompletion): void {
    abandoned?.unregister(this);
    this.#observation?.succeeded(completion);
  }

  failed(error: unknown): void {
    abandoned?.unregister(this);
    this.#observation?.failed(error);
  }

  abandoned(): void {
    this.#observation?.abandoned();
  }
}

/** The exchange's request with retries reported to `observer` too (before the client's `onRetry`). */
export function reportingRetries(
  request: ExchangeRequest,
  observer: { retry(event: RetryEvent): void },
): ExchangeRequest {
  const onRetry = request.onRetry;
  return {
    ...request,
    onRetry: (event) => {
      observer.retry(event);
      onRetry?.(event);
    },
  };
}
