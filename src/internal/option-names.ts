import type { ResumeBatchOptions } from '../batch/resume-batch.js';
import type { SubmitBatchOptions } from '../batch/submit-batch.js';
import type { WriteBatchFilesOptions } from '../batch/write-batch-files.js';
import type { ClientOptions } from '../client/client-options.js';
import { ClientOptionsError } from '../errors/client-options-error.js';
import type { FanOutOptions } from '../fan-out/fan-out.js';
import type { RunOptions } from '../loop/run-types.js';
import type { RetryDelayOptions } from '../transport/retry-options.js';
import type { SendOptions } from '../transport/send-options.js';
import { closestName } from './closest-name.js';
import { cutText } from './cut-text.js';

/** Every name of an options type, each `true`: an option added to the type but not here fails to compile. */
type Names<TOptions> = Readonly<Record<keyof TOptions, true>>;

/*
 * The option names each entry point accepts, in one place: a JavaScript caller's misspelled option
 * (`baseUrl`, `tiemout`) is refused with a suggestion rather than silently ignored. Adding an option
 * to one of these types means adding its name here (the compiler insists).
 */

export const clientOptionNames: Names<ClientOptions> = {
  apiKey: true,
  baseURL: true,
  organization: true,
  project: true,
  defaultHeaders: true,
  defaultQuery: true,
  fetch: true,
  timeout: true,
  maxRetries: true,
  retryDelay: true,
  onRetry: true,
  dangerouslyAllowBrowser: true,
  tokens: true,
  telemetry: true,
  onRequest: true,
  onResponse: true,
  logLevel: true,
  logger: true,
};

export const retryDelayNames: Names<RetryDelayOptions> = { initial: true, max: true, maxRetryAfter: true };

export const sendOptionNames: Names<SendOptions> = {
  signal: true,
  timeout: true,
  maxRetries: true,
  headers: true,
  query: true,
  idempotencyKey: true,
};

export const runOptionNames: Names<RunOptions> = {
  ...sendOptionNames,
  maxSteps: true,
  toolErrors: true,
  toolTimeout: true,
  onStep: true,
  onStream: true,
};

export const fanOutOptionNames: Names<FanOutOptions> = {
  concurrency: true,
  maxRetries: true,
  retryDelay: true,
  signal: true,
  onProgress: true,
  sendOptions: true,
  tokenPacing: true,
};

export const writeBatchFilesOptionNames: Names<WriteBatchFilesOptions> = {
  directory: true,
  prefix: true,
  signal: true,
  maxRequestsPerFile: true,
  maxBytesPerFile: true,
};

export const submitBatchOptionNames: Names<SubmitBatchOptions> = {
  directory: true,
  metadata: true,
  signal: true,
  onBatchCreated: true,
  maxCostUSD: true,
  onEstimate: true,
  maxRequestsPerFile: true,
  maxBytesPerFile: true,
};

export const resumeBatchOptionNames: Names<ResumeBatchOptions> = { parseWith: true, signal: true };

/**
 * Refuses an option `owner` does not have, with the name it most likely misspells. Own enumerable keys
 * only, as given (an option set to `undefined` is still a name to check).
 *
 * @example
 * checkOptionNames({ tiemout: 5 }, sendOptionNames, 'send()'); // ClientOptionsError: send() has no option "tiemout" (did you mean "timeout"?)
 */
export function checkOptionNames(
  options: unknown,
  known: Readonly<Record<string, true>>,
  owner: string,
): void {
  if (typeof options !== 'object' || options === null) return;
  for (const key of Object.keys(options)) {
    if (Object.hasOwn(known, key)) continue;
    const near = closestName(key, Object.keys(known), 3);
    const hint = near === undefined ? '' : ` (did you mean "${near}"?)`;
    throw new ClientOptionsError(key, `${owner} has no option ${JSON.stringify(cutText(key, 60))}${hint}`);
  }
}
