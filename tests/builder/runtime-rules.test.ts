// Every type-level rule also holds at runtime, for JavaScript callers and imported presets: send()
// throws a ValidationError listing every issue with its path, and no request leaves.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { chat, createClient, ValidationError } from '../../src/index.js';

let fetchCalls = 0;
const client = createClient({
  apiKey: 'sk-test-never-sent',
  baseURL: 'http://127.0.0.1:9/v1',
  maxRetries: 0,
  fetch: async () => {
    fetchCalls++;
    throw new Error('no request may leave for an invalid body');
  },
});

/** A builder with no compile-time checks, as a JavaScript caller has. */
type Unchecked = any;
const js = (): Unchecked => client.chat();
const ok = () => js().model('gpt-4o').user('Hi');

async function rejects(builder: Unchecked, expected: Array<{ path: string; message: string }>) {
  const before = fetchCalls;
  try {
    // Streams throw synchronously; completions reject: both before any request.
    await builder.send();
    assert.unreachable('an invalid request was sent');
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    assert.equal(
      error.issues.map(({ path, message }) => ({ path, message })),
      expected,
    );
    for (const { path, message } of expected)
      assert.ok(error.message.includes(`${path || '(body)'}: ${message}`));
  }
  assert.is(fetchCalls, before, 'fetch was called');
  const result = builder.validate();
  assert.is(result.success, false);
}

test('send() before a model and a message', async () => {
  await rejects(js().user('Hi'), [{ path: 'model', message: 'model is required (call .model() first)' }]);
  await rejects(js().model('gpt-4o'), [
    {
      path: 'messages',
      message: 'messages needs at least one message (add one with .user(), .system() or .messages())',
    },
  ]);
});

test('top_logprobs without logprobs', async () => {
  await rejects(ok().topLogprobs(3), [
    { path: 'top_logprobs', message: 'top_logprobs needs logprobs: true (call .logprobs() first)' },
  ]);
  await rejects(ok().logprobs(false).topLogprobs(3), [
    { path: 'top_logprobs', message: 'top_logprobs needs logprobs: true (call .logprobs() first)' },
  ]);
});

test('stream_options without stream', async () => {
  await rejects(ok().streamOptions({ include_usage: true }), [
    { path: 'stream_options', message: 'stream_options needs stream: true (call .stream() first)' },
  ]);
});

test('tool_choice and parallel_tool_calls without tools, or naming a tool never added', async () => {
  await rejects(ok().toolChoice('auto'), [
    { path: 'tool_choice', message: 'tool_choice needs at least one tool (add one with .tool() first)' },
  ]);
  await rejects(ok().parallelToolCalls(), [
    {
      path: 'parallel_tool_calls',
      message: 'parallel_tool_calls needs at least one tool (add one with .tool() first)',
    },
  ]);
  await rejects(ok().tool({ name: 'get_weather' }).toolChoice('get_time'), [
    {
      path: 'tool_choice.function.name',
      message:
        'tool_choice names "get_time" but no function tool of that name was added (add it with .tool())',
    },
  ]);
});

test('function_call without functions or naming one never added; functions mixed with tools', async () => {
  await rejects(ok().functionCall('auto'), [
    { path: 'function_call', message: 'function_call needs functions (add them with .functions() first)' },
  ]);
  const fns = ok().functions([{ name: 'lookup' }]);
  const named = await captureIssues(fns.functionCall('refund'));
  assert.equal(named[0]?.path, 'function_call.name');
  const mixed = await captureIssues(fns.tool({ name: 'get_weather' }));
  assert.is(mixed.length, 1);
  assert.match(mixed[0]!.message, /functions/);
  assert.match(mixed[0]!.message, /tools/);
});

test('audio and modalities go together', async () => {
  const audio = js().model('gpt-4o-audio-preview').user('Say hi');
  const noAudio = await captureIssues(audio.modalities(['text', 'audio']));
  assert.equal(
    noAudio.map((i) => i.path),
    ['modalities'],
  );
  const noModality = await captureIssues(audio.audio({ voice: 'alloy', format: 'wav' }));
  assert.equal(
    noModality.map((i) => i.path),
    ['audio'],
  );
});

test('max_tokens and max_completion_tokens together', async () => {
  const issues = await captureIssues(ok().maxTokens(10).maxCompletionTokens(10));
  assert.is(issues.length, 1);
  assert.match(issues[0]!.message, /maxCompletionTokens\(\)/);
});

test('ranges the types do not carry', async () => {
  const cases: Array<[Unchecked, string]> = [
    [ok().temperature(2.1), 'temperature'],
    [ok().temperature(-0.1), 'temperature'],
    [ok().topP(1.5), 'top_p'],
    [ok().frequencyPenalty(-2.5), 'frequency_penalty'],
    [ok().presencePenalty(3), 'presence_penalty'],
    [ok().logprobs().topLogprobs(21), 'top_logprobs'],
    [ok().logitBias({ '50256': 101 }), 'logit_bias.50256'],
    [ok().metadata(Object.fromEntries(Array.from({ length: 17 }, (_, i) => [`k${i}`, 'v']))), 'metadata'],
    [ok().metadata({ ['k'.repeat(65)]: 'v' }), 'metadata'],
    [ok().metadata({ k: 'v'.repeat(513) }), 'metadata.k'],
    [ok().stop(['a', 'b', 'c', 'd', 'e']), 'stop'],
    [ok().tool({ name: 'has space' }), 'tools.0.function.name'],
    [ok().tool({ name: 'x'.repeat(65) }), 'tools.0.function.name'],
    [ok().safetyIdentifier('x'.repeat(65)), 'safety_identifier'],
    [ok().n(0), 'n'],
    [ok().n(1.5), 'n'],
    [ok().maxCompletionTokens(0), 'max_completion_tokens'],
    [ok().maxTokens(-1), 'max_tokens'],
  ];
  for (const [builder, path] of cases) {
    const issues = await captureIssues(builder);
    assert.ok(
      issues.some((issue) => issue.path === path || issue.path.startsWith(`${path}.`)),
      `expected an issue at ${path}, got ${JSON.stringify(issues)}`,
    );
  }
});

test('every problem is reported at once', async () => {
  const issues = await captureIssues(js().temperature(5).topP(-1).topLogprobs(2));
  assert.equal(issues.map((i) => i.path).sort(), [
    'messages',
    'model',
    'temperature',
    'top_logprobs',
    'top_p',
  ]);
});

test('JavaScript callers passing wrong types get issues with paths, not crashes', async () => {
  const anyBuilder: Record<string, (...args: unknown[]) => Unchecked> = ok();
  const cases: Array<[string, unknown[], string]> = [
    ['temperature', ['hot'], 'temperature'],
    ['seed', [new Date()], 'seed'],
    ['stop', [42], 'stop'],
    ['user', [{ not: 'content' }], 'messages.1.content'],
    ['metadata', [{ team: 7 }], 'metadata.team'],
    ['reasoningEffort', ['extreme'], 'reasoning_effort'],
    ['serviceTier', ['gold'], 'service_tier'],
    ['tool', [{ name: 'f', parameters: 'not a schema' }], 'tools.0.function.parameters'],
  ];
  for (const [method, args, path] of cases) {
    const builder = anyBuilder[method]!(...args);
    const issues = await captureIssues(builder);
    assert.ok(
      issues.some((issue) => issue.path === path),
      `${method}(${JSON.stringify(args)}): expected an issue at ${path}, got ${JSON.stringify(issues)}`,
    );
  }
});

test('extra() refuses known fields at once, so they can never shadow each other', () => {
  try {
    ok().extra({ temperature: 0.2, keep_alive: '5m' });
    assert.unreachable('extra() accepted a known field');
  } catch (error) {
    assert.instance(error, ValidationError);
    assert.equal((error as ValidationError).issues, [
      {
        path: 'temperature',
        message: 'extra() cannot set the known field "temperature": use its own builder method',
        input: 0.2,
      },
    ]);
  }
});

test('a streaming request that is invalid sends nothing and fails when read, as every stream failure does', async () => {
  const before = fetchCalls;
  const stream = js().user('Hi').stream().send();
  for (const read of [
    async () => {
      for await (const _ of stream.text()) assert.unreachable('no text from an invalid request');
    },
    () => stream.final(),
    () => stream.response,
  ]) {
    try {
      await read();
      assert.unreachable('expected a ValidationError');
    } catch (error) {
      assert.instance(error, ValidationError);
    }
  }
  assert.is(fetchCalls, before);
});

test('the top-level chat() validates before it reads the environment', async () => {
  const saved = process.env.OPENAI_API_KEY;
  delete process.env.OPENAI_API_KEY;
  try {
    await (chat() as Unchecked).user('Hi').send();
    assert.unreachable();
  } catch (error) {
    assert.instance(error, ValidationError);
  } finally {
    if (saved !== undefined) process.env.OPENAI_API_KEY = saved;
  }
});

async function captureIssues(builder: Unchecked) {
  const before = fetchCalls;
  try {
    await builder.send();
  } catch (error) {
    assert.is(fetchCalls, before, 'fetch was called');
    if (error instanceof ValidationError) return error.issues;
    throw error;
  }
  assert.unreachable('an invalid request was sent');
  return [];
}

test('the validation result cannot be tampered with to send an invalid request', async () => {
  const builder = ok().temperature(3);
  const result = builder.validate();
  assert.throws(() => {
    result.success = true;
  }, TypeError);
  assert.ok(Object.isFrozen(result.issues));
  await rejects(builder, [{ path: 'temperature', message: 'temperature must be between 0 and 2' }]);
});

test('extra() takes JSON data only, and never freezes what the caller passed', () => {
  const set = new Set([1]);
  const issues = (run: () => unknown) => {
    try {
      run();
    } catch (error) {
      assert.instance(error, ValidationError);
      return (error as ValidationError).issues.map((issue) => issue.path);
    }
    return assert.unreachable('extra() accepted data that is not JSON');
  };
  assert.equal(
    issues(() => ok().extra({ s: set })),
    ['s'],
  );
  set.add(2);
  assert.equal(
    issues(() => ok().extra(JSON.parse('{"__proto__":{"x":1}}'))),
    ['__proto__'],
  );
  assert.equal(
    issues(() => ok().extra({ when: new Date(0) })),
    ['when'],
  );
  const options = { num_ctx: 4096 };
  ok().extra({ options });
  assert.not.ok(Object.isFrozen(options));
});

test.run();
