import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import * as v from 'valibot';
import { ClientOptionsError, chat, defineModels, tool, ValidationError } from '../../src/index.js';
import { forgetDeclaredModels } from '../../src/models/declared-models.js';
import { replies } from '../../src/testing/index.js';
import { checkContextWindow, countTokens, limitsOf, modelLimits } from '../../src/tokens/index.js';
import { clientOf, rejection, withServer } from '../client/support.js';
import { withoutTokenHooks } from '../support/token-hooks.js';

const test = suite('context window');

test.after.each(() => forgetDeclaredModels(['tiny', 'tiny-4o']));

test('the catalog gives each model its window and output limit, with a source', () => {
  assert.equal(limitsOf('gpt-4o'), modelLimits['gpt-4o']);
  assert.is(modelLimits['gpt-4o']?.contextWindow, 128_000);
  assert.is(modelLimits['gpt-4o']?.maxOutputTokens, 16_384);
  assert.match(modelLimits['gpt-4o']?.source ?? '', "OpenAI's model pages");
  assert.is(limitsOf('gpt-4').contextWindow, 8_192);
  assert.is(limitsOf('gpt-4-turbo').contextWindow, 128_000);
  assert.equal(limitsOf('acme-large'), {});
});

test('defineModels() takes a window; an extension inherits its base model limits', () => {
  defineModels({
    tiny: { extends: 'gpt-4o', contextWindow: 50, maxOutputTokens: 20 },
    'tiny-4o': { extends: 'gpt-4o' },
  });
  assert.equal(limitsOf('tiny'), { contextWindow: 50, maxOutputTokens: 20 });
  assert.equal(limitsOf('tiny-4o'), { contextWindow: 128_000, maxOutputTokens: 16_384 });
  assert.throws(() => defineModels({ tiny: { extends: 'gpt-4o', contextWindow: -1 } }));
});

test('checkContextWindow() throws a ValidationError with both numbers and the window', () => {
  defineModels({ tiny: { extends: 'gpt-4o', contextWindow: 50 } });
  const fits = chat().model('tiny').user('Hi').maxCompletionTokens(10);
  const fit = checkContextWindow(fits);
  assert.is(fit.contextWindow, 50);
  assert.is(fit.outputTokens, 10);
  assert.is(fit.promptTokens, countTokens(fits).total);
  const over = chat().model('tiny').user('Hi').maxCompletionTokens(45);
  const prompt = countTokens(over).total;
  try {
    checkContextWindow(over);
    assert.unreachable('expected a ValidationError');
  } catch (error) {
    assert.instance(error, ValidationError);
    const [issue] = (error as ValidationError).issues;
    assert.is(
      issue?.message,
      `the prompt is ${prompt} tokens and max_completion_tokens is 45: ${prompt + 45} tokens, over tiny's context window of 50 tokens`,
    );
    assert.equal(issue?.input, { promptTokens: prompt, max_completion_tokens: 45, contextWindow: 50 });
  }
  // A model without a known window is not checked.
  assert.is(checkContextWindow(chat().model('acme-large').user('Hi')).contextWindow, undefined);
});

test('createClient({ tokens: { checkContextWindow: true } }) refuses before sending; off by default', async () => {
  defineModels({ tiny: { extends: 'gpt-4o', contextWindow: 50 } });
  await withServer(async (server) => {
    const checking = clientOf(server, { tokens: { checkContextWindow: true } });
    const over = checking.chat().model('tiny').user('Hi').maxCompletionTokens(45);
    const error = await rejection(over.send());
    assert.instance(error, ValidationError);
    // The same words as checkContextWindow(): both numbers and the window.
    let direct: unknown;
    try {
      checkContextWindow(over);
    } catch (thrown) {
      direct = thrown;
    }
    assert.is((error as ValidationError).message, (direct as ValidationError).message);
    assert.equal((error as ValidationError).issues, (direct as ValidationError).issues);
    const streamError = await rejection(
      checking.chat().model('tiny').user('Hi').maxCompletionTokens(45).stream().send().final(),
    );
    assert.instance(streamError, ValidationError);
    assert.is(server.requests.length, 0);
    await clientOf(server).chat().model('tiny').user('Hi').maxCompletionTokens(45).send();
    assert.is(server.requests.length, 1);
  });
});

test('without chatwright/tokens loaded the option fails clearly, sending nothing', async () => {
  await withoutTokenHooks(() =>
    withServer(async (server) => {
      const client = clientOf(server, { tokens: { checkContextWindow: true } });
      const error = await rejection(client.chat().model('gpt-4o').user('Hi').send());
      assert.instance(error, ClientOptionsError);
      assert.match((error as Error).message, "import 'chatwright/tokens'");
      assert.is(server.requests.length, 0);
    }),
  );
});

test('run() checks before each step: a tool loop that outgrows the window stops with the error', async () => {
  defineModels({ tiny: { extends: 'gpt-4o', contextWindow: 120 } });
  const lookup = tool({
    name: 'lookup',
    parameters: v.object({ q: v.string() }),
    run: () => 'word '.repeat(200),
  });
  await withServer(async (server) => {
    server.enqueue(
      replies.json({
        id: 'chatcmpl-1',
        object: 'chat.completion',
        created: 0,
        model: 'tiny',
        choices: [
          {
            index: 0,
            finish_reason: 'tool_calls',
            logprobs: null,
            message: {
              role: 'assistant',
              content: null,
              refusal: null,
              tool_calls: [
                { id: 'call_1', type: 'function', function: { name: 'lookup', arguments: '{"q":"x"}' } },
              ],
            },
          },
        ],
      }),
    );
    const client = clientOf(server, { tokens: { checkContextWindow: true } });
    const error = await rejection(client.chat().model('tiny').user('Find x').tool(lookup).run());
    assert.instance(error, ValidationError);
    assert.is(server.requests.length, 1);
  });
});

test.run();
