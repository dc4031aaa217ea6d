import * as assert from 'uvu/assert';
import type { ClientOptions } from '../../src/client/client-options.js';
import { type ChatwrightClient, createClient } from '../../src/index.js';
import { createFakeServer, type FakeServer, type FakeServerOptions } from '../../src/testing/index.js';

/** The key every client test sends: long and distinctive, so a leak anywhere is found by search. */
export const KEY = 'sk-test-LEAKCANARY-7d1f0c9a4b2e';

/** A started fake server for one test; closes it afterwards whatever happens. */
export async function withServer(
  run: (server: FakeServer) => Promise<void>,
  options: FakeServerOptions = {},
): Promise<void> {
  const server = await createFakeServer(options).start();
  try {
    await run(server);
  } finally {
    await server.close();
  }
}

/** A client of the fake server with backoff shrunk to milliseconds, so retry tests stay fast. */
export function clientOf(server: FakeServer, options: ClientOptions = {}): ChatwrightClient {
  return createClient({ baseURL: server.url, apiKey: KEY, retryDelay: { initial: 2, max: 8 }, ...options });
}

/** The simplest valid request of a client. */
export function hello(client: ChatwrightClient) {
  return client.chat().model('gpt-4o').user('Hi');
}

/** The error a promise rejects with; fails the test if it resolves. */
export async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  assert.unreachable('expected the promise to reject');
  return undefined;
}

/** The error a call throws; fails the test if it returns. */
export function thrown(call: () => unknown): unknown {
  try {
    call();
  } catch (error) {
    return error;
  }
  assert.unreachable('expected the call to throw');
  return undefined;
}

/** Asserts an error's class (by constructor, so a subclass does not pass for its parent) and returns it. */
export function expectError<T extends Error>(
  error: unknown,
  type: new (...args: never[]) => T,
  name?: string,
): T {
  assert.instance(error, type);
  assert.is(
    (error as object).constructor,
    type,
    `expected exactly ${type.name}, got ${(error as Error).name}`,
  );
  if (name !== undefined) assert.is((error as Error).name, name);
  return error as T;
}

/** How many timers are pending in this process now. */
export function pendingTimers(): number {
  return process.getActiveResourcesInfo().filter((resource) => resource === 'Timeout').length;
}

/** Waits (a bounded number of event-loop turns, not a wall time) until `condition` holds. */
export async function until(condition: () => boolean, what: string): Promise<void> {
  for (let turn = 0; turn < 2000; turn++) {
    if (condition()) return;
    await new Promise((resolve) => setImmediate(resolve));
  }
  assert.unreachable(`never happened: ${what}`);
}
