import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { submitBatch } from '../../src/batch/index.js';
import { BatchCostError, ClientOptionsError, chat } from '../../src/index.js';
import { countTokens, estimateBatchCost, estimateCost, modelPrices } from '../../src/tokens/index.js';
import { clientOf, rejection, withServer } from '../client/support.js';
import { withoutTokenHooks } from '../support/token-hooks.js';

const test = suite('cost estimates');

test('estimateCost(): input at the input price, output as a range up to the limit, cached input', () => {
  const request = chat()
    .model('gpt-4o')
    .system('Be brief.')
    .user('Summarize the news.')
    .maxCompletionTokens(500);
  const tokens = countTokens(request).total;
  const cost = estimateCost(request);
  assert.ok(cost !== undefined);
  assert.is(cost.inputTokens, tokens);
  assert.is(cost.inputUSD, (tokens * 2.5) / 1e6);
  assert.is(cost.cachedInputUSD, (tokens * 1.25) / 1e6);
  assert.equal(cost.outputUSD, { min: 0, max: (500 * 10) / 1e6 });
  assert.is(cost.price, modelPrices['gpt-4o']);
  assert.match(cost.price.source, 'platform.openai.com/docs/pricing');
  assert.match(cost.price.asOf, /^\d{4}-\d{2}-\d{2}$/);
});

test("without an output limit the model's own is used; n multiplies it; batch halves everything", () => {
  const cost = estimateCost(chat().model('gpt-4o-mini').user('Hi'));
  assert.is(cost?.maxOutputTokens, 16_384);
  assert.is(
    estimateCost(chat().model('gpt-4o-mini').user('Hi').n(3).maxCompletionTokens(10))?.maxOutputTokens,
    30,
  );
  const batch = estimateCost(chat().model('gpt-4o-mini').user('Hi'), { batch: true });
  assert.is(batch?.inputUSD, (cost?.inputUSD ?? 0) / 2);
  assert.is(batch?.batch, true);
});

test('an unknown price gives undefined, never zero', () => {
  assert.is(estimateCost(chat().model('acme-large').user('Hi')), undefined);
  assert.is(estimateCost(chat().model('gpt-5.6-sol').user('Hi')), undefined);
  const mixed = estimateBatchCost([chat().model('gpt-4o').user('Hi'), chat().model('acme-large').user('Hi')]);
  assert.is(mixed.inputUSD, undefined);
  assert.is(mixed.outputUSD, undefined);
  assert.equal(mixed.unpricedModels, ['acme-large']);
});

test('estimateBatchCost() adds up the requests at half price', () => {
  const preset = chat().model('gpt-4o').system('Classify the ticket.');
  const requests = ['a', 'b', 'c'].map((text) => preset.user(text).maxCompletionTokens(5));
  const batch = estimateBatchCost(requests);
  const one = requests.map((request) => estimateCost(request)?.inputUSD ?? Number.NaN);
  assert.is(batch.requests, 3);
  assert.ok(Math.abs((batch.inputUSD ?? 0) - one.reduce((a, b) => a + b) / 2) < 1e-12);
  assert.ok(Math.abs((batch.outputUSD?.max ?? 0) - (3 * 5 * 10) / 1e6 / 2) < 1e-12);
});

test('submitBatch() reports the estimate before uploading and refuses over maxCostUSD, uploading nothing', async () => {
  await withServer(async (server) => {
    const client = clientOf(server);
    const preset = client.chat().model('gpt-4o').system('Answer in one word.');
    const items = ['a', 'b'].map((text, index) => ({ customId: `q-${index}`, builder: preset.user(text) }));
    const seen: unknown[] = [];
    const error = await rejection(
      submitBatch(client, items, { maxCostUSD: 0.01, onEstimate: (estimate) => seen.push(estimate) }),
    );
    assert.instance(error, BatchCostError);
    const estimate = estimateBatchCost(items.map((item) => item.builder));
    assert.equal((error as BatchCostError).estimate, estimate);
    assert.equal(seen, [estimate]);
    assert.match(
      (error as Error).message,
      /2 requests estimated at \$0\.00 input \(\d+ tokens\) plus up to \$0\.16 output/,
    );
    assert.is(server.requests.length, 0);
    const unknown = await rejection(
      submitBatch(client, [{ customId: 'x', builder: client.chat().model('acme-large').user('Hi') }], {
        maxCostUSD: 100,
      }),
    );
    assert.instance(unknown, BatchCostError);
    assert.match((unknown as Error).message, 'no known price for acme-large');
    assert.is(server.requests.length, 0);
  });
});

test('submitBatch() with maxCostUSD but without chatwright/tokens says what to import', async () => {
  await withoutTokenHooks(() =>
    withServer(async (server) => {
      const client = clientOf(server);
      const error = await rejection(
        submitBatch(client, [{ customId: 'x', builder: client.chat().model('gpt-4o').user('Hi') }], {
          maxCostUSD: 1,
        }),
      );
      assert.instance(error, ClientOptionsError);
      assert.match((error as Error).message, "import 'chatwright/tokens'");
      assert.is(server.requests.length, 0);
    }),
  );
});

test.run();
