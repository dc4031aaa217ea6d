import type { ServerResponse } from 'node:http';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { resumeBatch } from '../../src/batch/index.js';
import { APITimeoutError, type FanOutProgress, fanOut } from '../../src/index.js';
import { completion, json, rejectionOf, withFaultServer } from './fault-server.js';

/** Sends the headers and a first line of a file, then nothing more. */
function stallAfterOneLine(response: ServerResponse): void {
  response.writeHead(200, { 'content-type': 'application/octet-stream' });
  response.write('{"custom_id":"a"}\n');
}

test('waits: a file download that goes silent fails with APITimeoutError after the client timeout', async () => {
  await withFaultServer(
    (_request, response) => stallAfterOneLine(response),
    async (server) => {
      const file = await server.client({ timeout: 100 }).files.content('file-1');
      const error = await rejectionOf(file.text());
      assert.instance(error, APITimeoutError);
      assert.is((error as Error).message, 'The download sent nothing for 100 ms.');
    },
  );
});

test('waits: resumeBatch() reading an input file that goes silent fails with APITimeoutError', async () => {
  await withFaultServer(
    (request, response) => {
      if (request.url === '/v1/batches/batch_1') {
        json(response, {
          id: 'batch_1',
          object: 'batch',
          endpoint: '/v1/chat/completions',
          input_file_id: 'file-1',
          completion_window: '24h',
          status: 'in_progress',
          created_at: 0,
        });
      } else if (request.url === '/v1/files/file-1') {
        json(response, {
          id: 'file-1',
          object: 'file',
          bytes: 10,
          created_at: 0,
          filename: 'x',
          purpose: 'batch',
        });
      } else stallAfterOneLine(response);
    },
    async (server) => {
      const error = await rejectionOf(resumeBatch(server.client({ timeout: 100 }), ['batch_1']));
      assert.instance(error, APITimeoutError);
    },
  );
});

test('waits: a stream created and never read is closed once silent for its timeout after the headers', async () => {
  let closed = false;
  await withFaultServer(
    (_request, response) => {
      response.on('close', () => {
        closed = true;
      });
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      response.flushHeaders();
    },
    async (server) => {
      const stream = server.client({ timeout: 80 }).chat().model('gpt-4o').user('Hi').stream().send();
      await stream.response;
      for (let turn = 0; turn < 400 && !closed; turn++)
        await new Promise((resolve) => setTimeout(resolve, 5));
      assert.ok(closed, 'the server saw the connection closed');
      assert.instance(await rejectionOf(stream.final()), APITimeoutError);
    },
  );
});

/** Answers a completion whose rate-limit headers say the budget is spent until `reset`. */
function spent(reset: string) {
  return (_request: unknown, response: ServerResponse) =>
    json(response, completion('ok'), 200, {
      'x-ratelimit-remaining-requests': '0',
      'x-ratelimit-reset-requests': reset,
    });
}

for (const reset of ['2h', '600000h']) {
  test(`waits: fanOut clamps a rate-limit pause of ${reset} to maxRetryAfter`, async () => {
    await withFaultServer(spent(reset), async (server) => {
      const client = server.client();
      const builders = [1, 2, 3].map(() => client.chat().model('gpt-4o').user('Hi'));
      const pauses: number[] = [];
      const onProgress = (progress: FanOutProgress): void => {
        if (progress.pausedUntil !== undefined) pauses.push(progress.pausedUntil - Date.now());
      };
      const results = await fanOut(builders, {
        concurrency: 1,
        retryDelay: { maxRetryAfter: 30 },
        onProgress,
      });
      assert.ok(results.every((result) => result.ok));
      assert.is(server.requests, 3);
      assert.ok(pauses.length > 0, 'the fan-out paused');
      assert.ok(Math.max(...pauses) <= 30, `paused for ${Math.max(...pauses)} ms`);
    });
  });
}

test.run();
