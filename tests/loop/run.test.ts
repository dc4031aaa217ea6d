import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import * as v from 'valibot';
import { APIUserAbortError, type ChatMessage, ToolArgumentsError, tool } from '../../src/index.js';
import { replies } from '../../src/testing/index.js';
import { clientOf, expectError, rejection, withServer } from '../client/support.js';
import { fixtureText, jsonFixture } from '../structured/fixtures.js';
import { assertOfficialRequest } from '../support/conformance.js';

const test = suite('tool loop');
const corpus = 'tool-loop fixtures';

// The tools of simonw/llm's recorded "chain of two calls" (three requests against gpt-4o-mini).
const ran: string[] = [];
const lookupPopulation = tool({
  name: 'lookup_population',
  description: 'Returns the current population of the specified fictional country',
  parameters: v.object({ country: v.string() }),
  strict: false,
  run: ({ country }) => {
    ran.push(`lookup_population(${country})`);
    return 123124;
  },
});
const canHaveDragons = tool({
  name: 'can_have_dragons',
  description: 'Returns True if the specified population can have dragons, False otherwise',
  parameters: v.object({ population: v.pipe(v.number(), v.integer()) }),
  strict: false,
  run: ({ population }) => {
    ran.push(`can_have_dragons(${population})`);
    return true;
  },
});

const question = 'Can the country of Crumpet have dragons? Answer with only YES or NO';

test('replays the recorded chain of two calls: the same requests, the final answer, the transcript', async () => {
  const steps = [1, 2, 3].map((i) =>
    jsonFixture(`simonw-llm/test_tool_use_chain_of_two_calls.${i}.json`, corpus),
  );
  const recorded = [1, 2, 3].map((i) =>
    fixtureText(`simonw-llm/test_tool_use_chain_of_two_calls.${i}.request.json`, corpus),
  );
  if (steps.some((s) => s === undefined) || recorded.some((r) => r === undefined)) return;
  ran.length = 0;
  await withServer(async (server) => {
    server.enqueue(...steps.map((s) => s?.reply as NonNullable<typeof s>['reply']));
    const seen: number[] = [];
    const result = await clientOf(server)
      .chat()
      .model('gpt-4o-mini')
      .user(question)
      .tool(lookupPopulation)
      .tool(canHaveDragons)
      .run({ onStep: (step) => void seen.push(step.index) });

    assert.equal(ran, ['lookup_population(Crumpet)', 'can_have_dragons(123124)']);
    assert.equal(seen, [0, 1, 2]);
    assert.is(result.stopReason, 'done');
    assert.is(result.completion.choices[0]?.message.content, 'YES');
    assert.equal(result.pendingToolCalls, []);
    assert.is(server.requests.length, 3);
    // Each request carries the recorded conversation (content: null is how we send "no text").
    for (const [i, request] of server.requests.entries()) {
      const expected = JSON.parse(recorded[i] as string) as { messages: Array<Record<string, unknown>> };
      const messages = expected.messages.map((m) =>
        m.role === 'assistant'
          ? {
              role: 'assistant',
              content: null,
              tool_calls: (
                m.tool_calls as Array<{ id: string; function: { name: string; arguments: string } }>
              ).map((call) => ({
                id: call.id,
                type: 'function',
                function: {
                  name: call.function.name,
                  arguments: JSON.stringify(JSON.parse(call.function.arguments)),
                },
              })),
            }
          : m,
      );
      assert.equal((request.body as { messages: unknown }).messages, messages);
      assertOfficialRequest(request.body);
    }
    assert.is(result.messages.length, 6);
    assert.equal(result.messages[5], { role: 'assistant', content: 'YES' });
    assert.equal(
      result.steps.map((step) => step.toolMessages.map((m) => m.content)),
      [['123124'], ['true'], []],
    );
  });
});

/** A completion whose first choice calls the given tools (name, arguments) with ids call_0, call_1... */
function calls(...list: Array<[string, string]>) {
  return replies.json({
    id: 'c',
    object: 'chat.completion',
    created: 1,
    model: 'gpt-4o',
    choices: [
      {
        index: 0,
        message: {
          role: 'assistant',
          content: null,
          tool_calls: list.map(([name, args], i) => ({
            id: `call_${i}`,
            type: 'function',
            function: { name, arguments: args },
          })),
        },
        finish_reason: 'tool_calls',
      },
    ],
  });
}

test('parallel calls run concurrently and their results keep the order of the calls', async () => {
  const order: string[] = [];
  let release: () => void = () => {};
  const gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  const slow = tool({
    name: 'slow',
    parameters: v.object({}),
    run: async () => {
      order.push('slow started');
      await gate;
      order.push('slow done');
      return 'slow result';
    },
  });
  const fast = tool({
    name: 'fast',
    parameters: v.object({}),
    run: () => {
      order.push('fast ran');
      release();
      return { ok: true };
    },
  });
  await withServer(async (server) => {
    server.enqueue(calls(['slow', '{}'], ['fast', '{}']), replies.completion('Done.'));
    const result = await clientOf(server).chat().model('gpt-4o').user('Go').tool(slow).tool(fast).run();
    assert.equal(order, ['slow started', 'fast ran', 'slow done']);
    assert.equal(result.steps[0]?.toolMessages, [
      { role: 'tool', tool_call_id: 'call_0', content: 'slow result' },
      { role: 'tool', tool_call_id: 'call_1', content: '{"ok":true}' },
    ]);
    assert.is(result.completion.choices[0]?.message.content, 'Done.');
  });
});

const failing = tool({
  name: 'failing',
  parameters: v.object({ n: v.number() }),
  run: (): string => {
    throw new Error('database is down');
  },
});

test('a thrown error becomes a tool result the model sees (default), or a custom text', async () => {
  await withServer(async (server) => {
    server.enqueue(calls(['failing', '{"n":1}']), replies.completion('Sorry.'));
    await clientOf(server).chat().model('gpt-4o').user('Go').tool(failing).run();
    const second = server.requests[1]?.body as { messages: ChatMessage[] };
    assert.equal(second.messages[2], {
      role: 'tool',
      tool_call_id: 'call_0',
      content: 'Error: database is down',
    });

    server.enqueue(calls(['failing', '{"n":1}']), replies.completion('Sorry.'));
    await clientOf(server)
      .chat()
      .model('gpt-4o')
      .user('Go')
      .tool(failing)
      .run({ toolErrors: (error, call) => `${call.function.name} failed: ${(error as Error).message}` });
    const fourth = server.requests[3]?.body as { messages: ChatMessage[] };
    assert.equal(fourth.messages[2], {
      role: 'tool',
      tool_call_id: 'call_0',
      content: 'failing failed: database is down',
    });
  });
});

test("toolErrors: 'throw' stops the loop with the tool's error", async () => {
  await withServer(async (server) => {
    server.enqueue(calls(['failing', '{"n":1}']));
    const error = await rejection(
      clientOf(server).chat().model('gpt-4o').user('Go').tool(failing).run({ toolErrors: 'throw' }),
    );
    assert.is((error as Error).message, 'database is down');
    assert.is(server.requests.length, 1);
  });
});

test('invalid arguments are reported to the model, or thrown as ToolArgumentsError', async () => {
  await withServer(async (server) => {
    server.enqueue(calls(['failing', '{"n":"one"}']), replies.completion('Retrying.'));
    await clientOf(server).chat().model('gpt-4o').user('Go').tool(failing).run();
    const second = server.requests[1]?.body as { messages: ChatMessage[] };
    assert.match(
      String((second.messages[2] as { content: string }).content),
      /^Error: The arguments of the call call_0 to "failing" do not match its schema:\n {2}- n: /,
    );
    server.enqueue(calls(['failing', '{"n":"one"}']));
    expectError(
      await rejection(
        clientOf(server).chat().model('gpt-4o').user('Go').tool(failing).run({ toolErrors: 'throw' }),
      ),
      ToolArgumentsError,
    );
  });
});

test('a tool without run stops the loop and hands the calls back', async () => {
  const confirm = tool({ name: 'confirm_payment', parameters: v.object({ amount: v.number() }) });
  await withServer(async (server) => {
    server.enqueue(calls(['confirm_payment', '{"amount":12.5}']));
    const result = await clientOf(server).chat().model('gpt-4o').user('Pay').tool(confirm).run();
    assert.is(result.stopReason, 'tool_without_run');
    assert.equal(
      result.pendingToolCalls.map((call) => call.function.parsed_arguments),
      [{ amount: 12.5 }],
    );
    assert.is(server.requests.length, 1);
    assert.equal(result.messages.at(-1), {
      role: 'assistant',
      content: null,
      tool_calls: [
        {
          id: 'call_0',
          type: 'function',
          function: { name: 'confirm_payment', arguments: '{"amount":12.5}' },
        },
      ],
    });
  });
});

test('maxSteps bounds the requests; the unanswered calls are returned', async () => {
  const echo = tool({ name: 'echo', parameters: v.object({}), run: () => 'again' });
  await withServer(async (server) => {
    server.setDefault(calls(['echo', '{}']));
    const result = await clientOf(server).chat().model('gpt-4o').user('Loop').tool(echo).run({ maxSteps: 3 });
    assert.is(result.stopReason, 'max_steps');
    assert.is(server.requests.length, 3);
    assert.is(result.steps.length, 3);
    assert.is(result.pendingToolCalls.length, 1);
  });
});

test('abort: a signal aborted while a tool runs stops the loop with APIUserAbortError', async () => {
  const controller = new AbortController();
  const aborting = tool({
    name: 'aborting',
    parameters: v.object({}),
    run: (_args, { signal }) => {
      controller.abort();
      assert.ok(signal.aborted, "the tool's signal follows the caller's");
      return 'late';
    },
  });
  await withServer(async (server) => {
    server.enqueue(calls(['aborting', '{}']));
    const error = await rejection(
      clientOf(server).chat().model('gpt-4o').user('Go').tool(aborting).run({ signal: controller.signal }),
    );
    expectError(error, APIUserAbortError);
    assert.is(server.requests.length, 1);
  });
});

test('streaming: each step is streamed through onStream, and the loop continues', async () => {
  const clock = tool({ name: 'clock', parameters: v.object({}), run: () => '12:00' });
  await withServer(async (server) => {
    const callChunks = [
      {
        id: 's1',
        object: 'chat.completion.chunk',
        created: 1,
        model: 'gpt-4o',
        choices: [
          {
            index: 0,
            delta: {
              role: 'assistant',
              tool_calls: [
                { index: 0, id: 'call_0', type: 'function', function: { name: 'clock', arguments: '' } },
              ],
            },
            finish_reason: null,
          },
        ],
      },
      {
        id: 's1',
        object: 'chat.completion.chunk',
        created: 1,
        model: 'gpt-4o',
        choices: [
          {
            index: 0,
            delta: { tool_calls: [{ index: 0, function: { arguments: '{}' } }] },
            finish_reason: 'tool_calls',
          },
        ],
      },
    ];
    server.enqueue(replies.stream(callChunks), replies.completion('It is noon.'));
    const texts: string[] = [];
    const result = await clientOf(server)
      .chat()
      .model('gpt-4o')
      .user('Time?')
      .tool(clock)
      .stream()
      .run({
        onStream: async (stream, step) => {
          for await (const text of stream.text()) texts.push(`${step}:${text}`);
        },
      });
    assert.equal(texts, ['1:It', '1: is', '1: noon.']);
    assert.is(result.completion.choices[0]?.message.content, 'It is noon.');
    const second = server.requests[1]?.body as { messages: ChatMessage[] };
    assert.equal(second.messages[2], { role: 'tool', tool_call_id: 'call_0', content: '12:00' });
  });
});

test("streaming: a hook awaiting final() gets the step's one parse, so bad arguments are still reported", async () => {
  const chunks = [
    {
      id: 's1',
      object: 'chat.completion.chunk',
      created: 1,
      model: 'gpt-4o',
      choices: [
        {
          index: 0,
          delta: {
            role: 'assistant',
            tool_calls: [
              {
                index: 0,
                id: 'call_0',
                type: 'function',
                function: { name: 'failing', arguments: '{"n":"one"}' },
              },
            ],
          },
          finish_reason: 'tool_calls',
        },
      ],
    },
  ];
  await withServer(async (server) => {
    server.enqueue(replies.stream(chunks), replies.completion('Retrying.'));
    const finals: string[] = [];
    const result = await clientOf(server)
      .chat()
      .model('gpt-4o')
      .user('Go')
      .tool(failing)
      .stream()
      .run({
        onStream: async (stream) => {
          const completion = await stream.final();
          finals.push(completion.choices[0]?.finish_reason ?? '');
        },
      });
    assert.equal(finals, ['tool_calls', 'stop']);
    assert.is(result.completion.choices[0]?.message.content, 'Retrying.');
    const second = server.requests[1]?.body as { messages: ChatMessage[] };
    assert.match(
      String((second.messages[2] as { content: string }).content),
      /^Error: The arguments of the call call_0 to "failing" do not match its schema/,
    );
  });
});

test('a caller idempotency key gets a suffix per step, so the server never replays step 0', async () => {
  const echo = tool({ name: 'echo', parameters: v.object({}), run: () => 'ok' });
  await withServer(async (server) => {
    server.enqueue(calls(['echo', '{}']), replies.completion('Done.'));
    await clientOf(server).chat().model('gpt-4o').user('Go').tool(echo).run({ idempotencyKey: 'order-7' });
    assert.equal(
      server.requests.map((request) => request.headers['idempotency-key']),
      ['order-7-0', 'order-7-1'],
    );
  });
});

test('a forcing tool_choice applies to the first step only; then the model chooses', async () => {
  const clock = tool({ name: 'clock', parameters: v.object({}), run: () => '12:00' });
  await withServer(async (server) => {
    server.enqueue(calls(['clock', '{}']), replies.completion('Noon.'));
    const result = await clientOf(server)
      .chat()
      .model('gpt-4o')
      .user('Time?')
      .tool(clock)
      .toolChoice('clock')
      .run();
    assert.is(result.stopReason, 'done');
    assert.equal(
      server.requests.map((request) => (request.body as { tool_choice: unknown }).tool_choice),
      [{ type: 'function', function: { name: 'clock' } }, 'auto'],
    );
  });
});

test('an allowed_tools choice keeps its tools after the first step; only a required mode relaxes', async () => {
  const clock = tool({ name: 'clock', parameters: v.object({}), run: () => '12:00' });
  const allowed = (mode: 'auto' | 'required') => ({
    type: 'allowed_tools' as const,
    allowed_tools: { mode, tools: [{ type: 'function' as const, function: { name: 'clock' as const } }] },
  });
  for (const mode of ['auto', 'required'] as const) {
    await withServer(async (server) => {
      server.enqueue(calls(['clock', '{}']), replies.completion('Noon.'));
      await clientOf(server).chat().model('gpt-4o').user('Time?').tool(clock).toolChoice(allowed(mode)).run();
      assert.equal(
        server.requests.map((request) => (request.body as { tool_choice: unknown }).tool_choice),
        [allowed(mode), allowed('auto')],
      );
    });
  }
});

test('maxSteps must be a positive integer', async () => {
  await withServer(async (server) => {
    const error = await rejection(clientOf(server).chat().model('gpt-4o').user('Go').run({ maxSteps: 0 }));
    assert.is((error as Error).message, 'run() needs maxSteps to be a positive integer, got 0.');
    assert.is(server.requests.length, 0);
  });
});

test.run();
