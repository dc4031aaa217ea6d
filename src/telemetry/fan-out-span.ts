import type { OtelAttributes } from './otel-api.js';
import { errorType, type SpanScope, startScope } from './span-scope.js';

/** The span of a `fanOut()`: `chatwright.fan_out`, parent of every request's `chat` span. */
export function startFanOutSpan(total: number, concurrency: number): SpanScope | Promise<SpanScope> {
  return startScope('chatwright.fan_out', {
    'chatwright.fan_out.total': total,
    'chatwright.fan_out.concurrency': concurrency,
  });
}

/** The event of a retry the fan-out makes itself (its requests are sent with `maxRetries: 0`). */
export function fanOutRetryEvent(retry: number, delayMs: number, cause: Error): OtelAttributes {
  return {
    'chatwright.retry.number': retry,
    'chatwright.retry.delay_ms': Math.round(delayMs),
    'error.type': errorType(cause),
    'http.response.status_code': (cause as { status?: number }).status,
  };
}
