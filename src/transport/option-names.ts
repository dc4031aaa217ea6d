import { ClientOptionsError } from '../errors/client-options-error.js';
import { closestName } from '../internal/closest-name.js';
import { cutText } from '../internal/cut-text.js';
import type { RetryDelayOptions } from './retry-options.js';
import type { SendOptions } from './send-options.js';

/**
 * Every name of an options type, each `true`: an option added to the type but not to its list fails to
 * compile. Each options type has its list beside it (here those of transport; `clientOptionNames`,
 * `runOptionNames`, `fanOutOptionNames` and the batch functions' lists in their own folders), so that
 * a JavaScript caller's misspelled option (`baseUrl`, `tiemout`) is refused with a suggestion rather
 * than silently ignored, wherever it is passed.
 */
export type OptionNames<TOptions> = Readonly<Record<keyof TOptions, true>>;

/** The names of `RetryDelayOptions`, for `checkOptionNames()`. */
export const retryDelayNames: OptionNames<RetryDelayOptions> = {
  initial: true,
  max: true,
  maxRetryAfter: true,
};

/** The names of `SendOptions`, for `checkOptionNames()`. */
export const sendOptionNames: OptionNames<SendOptions> = {
  signal: true,
  timeout: true,
  maxRetries: true,
  headers: true,
  query: true,
  idempotencyKey: true,
};

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
