import { test } from 'uvu';
import * as assert from 'uvu/assert';
import * as v from 'valibot';
import { submitBatch } from '../../src/batch/index.js';
import {
  APIUserAbortError,
  BatchItemError,
  type BatchResult,
  type ChatwrightClient,
  NotFoundError,
  ParsedOutputError,
} from '../../src/index.js';
import { completionBody, type FakeServer } from '../../src/testing/index.js';
import { clientOf, expectError, rejection, withServer } from '../client/support.js';
import { collect } from '../stream/support.js';

// "Every custom id ends as a result or an error" under faults: one bad line, one missing file or one
// broken download answers only the ids it would have answered, and iteration goes on.

function summary(results: readonly BatchResult<unknown>[]): Array<[string, string]> {
  return results
    .map((result): [string, string] => [
      result.customId,
      result.ok
        ? 'ok'
        : `${result.error.name}${result.error instanceof BatchItemError ? `:${result.error.code}` : ''}`,
    ])
    .sort(([a], [b]) => a.localeCompare(b));
}

/** A client whose file downloads pass through `mangle` (by file id), so a test can break one of them. */
function clientWithDownloads(
  server: FakeServer,
  mangle: (fileId: string, response: Response) => Response | Promise<Response>,
): ChatwrightClient {
  return clientOf(server, {
    maxRetries: 0,
    fetch: async (input, init) => {
      const response = await fetch(input, init);
      const url = String(input instanceof Request ? input.url : input);
      const match = /\/files\/([^/]+)\/content$/.exec(new URL(url).pathname);
      return match?.[1] === undefined ? response : mangle(decodeURIComponent(match[1]), response);
    },
  });
}

const answer = v.object({ word: v.string() });

test('a 200 body of the wrong shape under a schema preset is that id error, and every later id still arrives', async () => {
  await withServer(async (server) => {
    const client = clientOf(server);
    const preset = client
      .chat()
      .model('gpt-4o-mini')
      .user('One word.')
      .jsonSchema(answer, { name: 'answer' });
    const shapes: unknown[] = [{}, { choices: 'x' }, { choices: [null] }, { choices: [{ index: 0 }] }];
    server.enqueueBatch({
      answer: (_line, index) =>
        index < shapes.length
          ? { body: shapes[index] }
          : index === shapes.length
            ? { body: completionBody('not json') }
            : { body: completionBody(JSON.stringify({ word: `w${index}` })) },
    });
    const ids = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];
    const job = await submitBatch(
      client,
      ids.map((customId) => ({ customId, builder: preset })),
    );
    await job.wait({ pollIntervalMs: 1 });
    const results = await collect(job.results());
    assert.equal(summary(results), [
      ['a', 'BatchItemError:invalid_response'],
      ['b', 'BatchItemError:invalid_response'],
      ['c', 'BatchItemError:invalid_response'],
      ['d', 'BatchItemError:invalid_response'],
      ['e', 'ParsedOutputError'],
      ['f', 'ok'],
      ['g', 'ok'],
    ]);
    const a = results.find((result) => result.customId === 'a');
    assert.ok(a !== undefined && !a.ok);
    assert.match(a.error.message, "a: invalid_response: the line's response is not a chat completion");
    assert.instance(a.error.cause, TypeError);
    const e = results.find((result) => result.customId === 'e');
    assert.ok(e !== undefined && !e.ok);
    expectError(e.error, ParsedOutputError);
    const g = results.find((result) => result.customId === 'g');
    assert.ok(g?.ok);
    assert.equal(g.value.choices[0]?.message.parsed, { word: 'w6' });
  });
});

test("a 404 on one part's output file: that part's ids are errors, the other parts' results all arrive", async () => {
  await withServer(async (server) => {
    let missing: string | undefined;
    const client = clientWithDownloads(server, (fileId, response) => {
      if (fileId !== missing) return response;
      return new Response(JSON.stringify({ error: { message: `No such File object: ${fileId}` } }), {
        status: 404,
        headers: { 'content-type': 'application/json' },
      });
    });
    const preset = client.chat().model('gpt-4o-mini').system('One word.');
    server.enqueueBatch({}, {}, {});
    const ids = ['p1', 'p2', 'q1', 'q2', 'r1'];
    const job = await submitBatch(
      client,
      ids.map((customId) => ({ customId, builder: preset.user(customId) })),
      { maxRequestsPerFile: 2 },
    );
    const batches = await job.wait({ pollIntervalMs: 1 });
    missing = batches[0]?.output_file_id ?? undefined;
    assert.ok(missing !== undefined);
    const results = await collect(job.results());
    assert.equal(summary(results), [
      ['p1', 'BatchItemError:result_file_unreadable'],
      ['p2', 'BatchItemError:result_file_unreadable'],
      ['q1', 'ok'],
      ['q2', 'ok'],
      ['r1', 'ok'],
    ]);
    const p1 = results.find((result) => result.customId === 'p1');
    assert.ok(p1 !== undefined && !p1.ok);
    const error = expectError(p1.error, BatchItemError);
    assert.is(error.batchId, batches[0]?.id);
    assert.match(error.message, `the result file ${missing} of batch ${batches[0]?.id} could not be read`);
    expectError(error.cause, NotFoundError);
  });
});

test('a download cut mid-file: the lines read before the cut are results, the rest of that part errors', async () => {
  await withServer(async (server) => {
    let cut: string | undefined;
    const client = clientWithDownloads(server, async (fileId, response) => {
      if (fileId !== cut) return response;
      const text = await response.text();
      const firstLine = `${text.slice(0, text.indexOf('\n'))}\n`;
      // The first read gets the first line; the next one fails, as undici's does when a socket is cut.
      let reads = 0;
      const body = new ReadableStream<Uint8Array>({
        pull(controller) {
          if (reads++ === 0) controller.enqueue(new TextEncoder().encode(firstLine));
          else controller.error(new TypeError('terminated'));
        },
      });
      return new Response(body, { status: 200, headers: response.headers });
    });
    const preset = client.chat().model('gpt-4o-mini').system('One word.');
    server.enqueueBatch({}, {});
    const job = await submitBatch(
      client,
      ['a1', 'a2', 'a3', 'b1'].map((customId) => ({ customId, builder: preset.user(customId) })),
      { maxRequestsPerFile: 3 },
    );
    const batches = await job.wait({ pollIntervalMs: 1 });
    cut = batches[0]?.output_file_id ?? undefined;
    const results = await collect(job.results());
    assert.equal(summary(results), [
      ['a1', 'ok'],
      ['a2', 'BatchItemError:result_file_unreadable'],
      ['a3', 'BatchItemError:result_file_unreadable'],
      ['b1', 'ok'],
    ]);
  });
});

test('lines that are not JSON or carry no usable response answer only their own id', async () => {
  await withServer(async (server) => {
    let mangled: string | undefined;
    const client = clientWithDownloads(server, async (fileId, response) => {
      if (fileId !== mangled) return response;
      const lines = (await response.text()).split('\n').filter((line) => line !== '');
      const broken = [
        '{not json',
        JSON.stringify({ custom_id: 'y', response: 'x' }),
        JSON.stringify({ custom_id: 'z', response: { status_code: 200, body: [1] } }),
        ...lines.filter((line) => !/"custom_id":"[yz]"/.test(line)),
      ];
      return new Response(`${broken.join('\n')}\n`, { status: 200 });
    });
    const preset = client.chat().model('gpt-4o-mini').system('One word.');
    server.enqueueBatch({});
    const job = await submitBatch(
      client,
      ['x', 'y', 'z'].map((customId) => ({ customId, builder: preset.user(customId) })),
    );
    const batches = await job.wait({ pollIntervalMs: 1 });
    mangled = batches[0]?.output_file_id ?? undefined;
    const results = await collect(job.results());
    assert.equal(summary(results), [
      ['x', 'ok'],
      ['y', 'APIError'],
      ['z', 'APIError'],
    ]);
  });
});

test('an abort by the caller still ends the iteration', async () => {
  await withServer(async (server) => {
    const controller = new AbortController();
    const client = clientWithDownloads(server, (_fileId, response) => {
      controller.abort(new Error('stop'));
      return response;
    });
    const preset = client.chat().model('gpt-4o-mini').system('One word.');
    server.enqueueBatch({});
    const job = await submitBatch(client, [{ customId: 'a', builder: preset.user('a') }]);
    await job.wait({ pollIntervalMs: 1 });
    expectError(await rejection(collect(job.results({ signal: controller.signal }))), APIUserAbortError);
  });
});

test.run();
