import type { ServerResponse } from 'node:http';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { type APIError, InternalServerError } from '../../src/index.js';
import { errorBodyLimit } from '../../src/transport/read-error-body.js';
import { rejectionOf, withFaultServer } from './fault-server.js';

test('error bodies: an 8 KB HTML error page gives a short message; the whole page is on error.body', async () => {
  const page = `<html><body>${'<p>Bad gateway</p>'.repeat(450)}</body></html>`;
  await withFaultServer(
    (_request, response) => {
      response.writeHead(502, { 'content-type': 'text/html' });
      response.end(page);
    },
    async (server) => {
      const error = await rejectionOf(server.client().chat().model('gpt-4o').user('Hi').send());
      assert.instance(error, InternalServerError);
      const apiError = error as APIError;
      assert.ok(page.length > 8_000);
      assert.ok(apiError.message.length < 600, `message of ${apiError.message.length} characters`);
      assert.ok(apiError.message.startsWith('502: <html><body><p>Bad gateway</p>'), apiError.message);
      assert.is(apiError.body, page);
    },
  );
});

/** Writes `total` bytes of an error body, as fast as the client takes them, until it goes away. */
function hugeError(response: ServerResponse, total: number, written: number[]): void {
  response.writeHead(500, { 'content-type': 'text/plain' });
  const chunk = Buffer.alloc(64 * 1024, 'x');
  let sent = 0;
  const index = written.push(0) - 1;
  const pump = (): void => {
    while (sent < total && !response.destroyed) {
      sent += chunk.length;
      written[index] = sent;
      if (!response.write(chunk)) {
        response.once('drain', pump);
        return;
      }
    }
    if (!response.destroyed) response.end();
  };
  pump();
}

test('error bodies: a 64 MB error body is read up to the limit on each attempt, then let go', async () => {
  const written: number[] = [];
  const total = 64 * 1024 * 1024;
  await withFaultServer(
    (_request, response) => hugeError(response, total, written),
    async (server) => {
      const client = server.client({ maxRetries: 2 });
      const error = await rejectionOf(client.chat().model('gpt-4o').user('Hi').send());
      assert.instance(error, InternalServerError);
      const apiError = error as APIError;
      assert.is(server.requests, 3);
      assert.is(apiError.body?.length, errorBodyLimit);
      assert.ok(apiError.message.length < 600, `message of ${apiError.message.length} characters`);
      for (const bytes of written) assert.ok(bytes < total / 4, `the server wrote ${bytes} bytes`);
    },
  );
});

test.run();
