import { type ChatFactory, createChat } from '../builder/chat.js';
import { type BatchesAPI, batchesAPI } from './batches.js';
import { ClientDispatcher } from './client-dispatcher.js';
import { type ClientOptions, normalizeClientOptions } from './client-options.js';
import { type FilesAPI, filesAPI } from './files.js';

/** A configured connection to an OpenAI-compatible API, whose `chat()` builders send through it. */
export interface ChatwrightClient {
  /**
   * Starts a builder bound to this client.
   * @example const reply = await client.chat().model('gpt-4o').user('Hi').send();
   */
  readonly chat: ChatFactory;
  /**
   * The Files API (upload, download, delete), with this client's key, retries and errors.
   * @example const file = await client.files.upload(blob, { filename: 'batch.jsonl', purpose: 'batch' });
   */
  readonly files: FilesAPI;
  /**
   * The Batches API (create, retrieve, cancel). For the whole workflow, see `submitBatch()`.
   * @example const batch = await client.batches.retrieve('batch_abc123');
   */
  readonly batches: BatchesAPI;
  /**
   * A new client with these options laid over this one's (headers, query, `retryDelay` and `telemetry`
   * merged, the rest replaced).
   * @example const patient = client.withOptions({ timeout: 120_000, maxRetries: 5 });
   */
  withOptions(options: ClientOptions): ChatwrightClient;
}

// Deliberately without the side-effect-free annotation (bundlers honour it even in a comment, so
// its name is not spelled here): it validates its options and throws, and a bundler drops an annotated call whose result is
// unused, error and all (tests/bundle/production-build.test.ts).
/**
 * Creates a client: where requests go, with which key, and how they are retried and timed out.
 * Options are checked here (a bad one throws `ClientOptionsError`); unset `apiKey`, `baseURL`,
 * `organization` and `project` are read from the environment each time a request is sent.
 *
 * @example
 * const client = createClient({ apiKey: process.env.MY_KEY, timeout: 30_000, maxRetries: 3 });
 * const reply = await client.chat().model('gpt-4o').user('Hi').send();
 *
 * @example
 * // Any OpenAI-compatible server, such as a local one that needs no key.
 * const local = createClient({ baseURL: 'http://localhost:11434/v1', apiKey: null });
 */
export function createClient(options: ClientOptions = {}): ChatwrightClient {
  const dispatcher = new ClientDispatcher(normalizeClientOptions(options));
  return {
    chat: createChat(() => dispatcher),
    files: filesAPI(dispatcher),
    batches: batchesAPI(dispatcher),
    withOptions: (overrides) =>
      createClient({
        ...options,
        ...defined(overrides),
        defaultHeaders: { ...options.defaultHeaders, ...overrides.defaultHeaders },
        defaultQuery: { ...options.defaultQuery, ...overrides.defaultQuery },
        retryDelay: { ...defined(options.retryDelay ?? {}), ...defined(overrides.retryDelay ?? {}) },
        telemetry: { ...defined(options.telemetry ?? {}), ...defined(overrides.telemetry ?? {}) },
      }),
  };
}

/** The members that are set: an `undefined` override keeps the base client's value. */
function defined<T extends object>(options: T): Partial<T> {
  return Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined)) as Partial<T>;
}
