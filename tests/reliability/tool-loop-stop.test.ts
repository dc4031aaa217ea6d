import type { IncomingMessage } from 'node:http';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import * as v from 'valibot';
import { APIUserAbortError, ToolTimeoutError, tool } from '../../src/index.js';
import { completion, json, rejectionOf, withFaultServer } from './fault-server.js';

const args = v.object({ text: v.string() });

/** A completion calling the named tools, one call each (ids `call_0`, `call_1`...). */
function calling(...names: string[]): Record<string, unknown> {
  const toolCalls = names.map((name, i) => ({
    id: `call_${i}`,
    type: 'function',
    function: { name, arguments: '{"text":"x"}' },
  }));
  return completion('', {
    choices: [
      {
        index: 0,
        message: { role: 'assistant', content: null, tool_calls: toolCalls },
        finish_reason: 'tool_calls',
      },
    ],
  });
}

/** Reads a request's JSON body. */
async function bodyOf(request: IncomingMessage): Promise<{ messages: Array<Record<string, unknown>> }> {
  let text = '';
  for await (const chunk of request) text += chunk;
  return JSON.parse(text);
}

/** The tool messages a request sent back, as `[tool_call_id, content]`. */
function toolMessages(body: { messages: Array<Record<string, unknown>> }): Array<[unknown, unknown]> {
  return body.messages.filter((m) => m.role === 'tool').map((m) => [m.tool_call_id, m.content]);
}

test('tool loop: an abort settles run() at once, even when a tool ignores its signal', async () => {
  let seen: AbortSignal | undefined;
  let started: () => void = () => {};
  const running = new Promise<void>((resolve) => {
    started = resolve;
  });
  const stubborn = tool({
    name: 'stubborn',
    parameters: args,
    run: (_args, { signal }) => {
      seen = signal;
      started();
      return new Promise<string>(() => {});
    },
  });
  await withFaultServer(
    (_request, response) => json(response, calling('stubborn')),
    async (server) => {
      const controller = new AbortController();
      const run = server
        .client()
        .chat()
        .model('gpt-4o')
        .user('Hi')
        .tool(stubborn)
        .run({ signal: controller.signal });
      await running;
      controller.abort('enough');
      const error = await rejectionOf(run);
      assert.instance(error, APIUserAbortError);
      assert.is((error as Error).cause, 'enough');
      assert.ok(seen?.aborted, "the tool's signal is aborted");
      assert.is(server.requests, 1);
    },
  );
});

test('tool loop: a tool past its timeout is reported to the model, its signal aborted, and the loop goes on', async () => {
  let seen: AbortSignal | undefined;
  const slow = tool({
    name: 'slow',
    parameters: args,
    timeout: 20,
    run: (_args, { signal }) => {
      seen = signal;
      return new Promise<string>(() => {});
    },
  });
  let second: Array<[unknown, unknown]> = [];
  await withFaultServer(
    async (request, response, index) => {
      if (index === 0) return json(response, calling('slow'));
      second = toolMessages(await bodyOf(request));
      json(response, completion('done'));
    },
    async (server) => {
      const result = await server.client().chat().model('gpt-4o').user('Hi').tool(slow).run();
      assert.is(result.stopReason, 'done');
      assert.equal(second, [['call_0', 'Error: the tool "slow" took longer than 20 ms and was stopped']]);
      assert.instance(seen?.reason, ToolTimeoutError);
    },
  );
});

test('tool loop: run({ toolTimeout }) bounds every tool that sets none; toolErrors "throw" throws ToolTimeoutError', async () => {
  const hang = tool({ name: 'hang', parameters: args, run: () => new Promise<string>(() => {}) });
  await withFaultServer(
    (_request, response) => json(response, calling('hang')),
    async (server) => {
      const builder = server.client().chat().model('gpt-4o').user('Hi').tool(hang);
      const error = await rejectionOf(builder.run({ toolTimeout: 20, toolErrors: 'throw' }));
      assert.instance(error, ToolTimeoutError);
      assert.is((error as ToolTimeoutError).toolName, 'hang');
      assert.is((error as ToolTimeoutError).timeout, 20);
    },
  );
});

test("tool loop: under toolErrors 'throw', a failing tool aborts its siblings' signals", async () => {
  let sibling: AbortSignal | undefined;
  const waits = tool({
    name: 'waits',
    parameters: args,
    run: (_args, { signal }) => {
      sibling = signal;
      return new Promise<string>(() => {});
    },
  });
  const fails = tool({
    name: 'fails',
    parameters: args,
    run: async () => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      throw new Error('broken');
    },
  });
  await withFaultServer(
    (_request, response) => json(response, calling('waits', 'fails')),
    async (server) => {
      const builder = server.client().chat().model('gpt-4o').user('Hi').tool(waits).tool(fails);
      const error = await rejectionOf(builder.run({ toolErrors: 'throw' }));
      assert.is((error as Error).message, 'broken');
      assert.ok(sibling?.aborted, "the sibling's signal is aborted");
      assert.is(sibling?.reason, error);
    },
  );
});

test('tool loop: a call to a tool that was not added is answered with an error, and the loop goes on', async () => {
  const echo = tool({ name: 'echo', parameters: args, run: ({ text }) => `echo ${text}` });
  let second: Array<[unknown, unknown]> = [];
  await withFaultServer(
    async (request, response, index) => {
      if (index === 0) return json(response, calling('echo', 'ghost'));
      second = toolMessages(await bodyOf(request));
      json(response, completion('done'));
    },
    async (server) => {
      const result = await server.client().chat().model('gpt-4o').user('Hi').tool(echo).run();
      assert.is(result.stopReason, 'done');
      assert.equal(second, [
        ['call_0', 'echo x'],
        ['call_1', 'Error: the model called "ghost", a tool this request does not have (its tools: echo)'],
      ]);
    },
  );
});

test.run();
