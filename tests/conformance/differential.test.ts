import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { toValidationError } from '../../src/schema/to-validation-error.js';
import { validateRequest } from '../../src/schema/validate-request.js';
import { officialSchema } from '../support/conformance.js';
import { corpusMissing, sharedDir } from '../support/shared-corpus.js';
import { mutate, mutationArbitrary, schemaArbitrary } from './schema-arbitrary.js';
import { stricterRules } from './stricter-rules.js';

/*
 * A differential test of validateRequest() against OpenAI's official request schema (ajv): bodies are
 * generated from the schema's structure, half of them then broken at one random place (another type,
 * null, NaN, out of range, an unknown key, a missing field, an empty array...). chatwright must never
 * accept a body the schema refuses, and may refuse one the schema accepts only by a rule of
 * stricter-rules.ts (each the API's, listed with its source in docs/reference-differences.md).
 *
 * Seeded, so a run is reproducible: CHATWRIGHT_FC_SEED=<n> replays a reported failure, and
 * CHATWRIGHT_FC_RUNS=<n> explores further than the suite's default.
 */

const seed = Number(process.env.CHATWRIGHT_FC_SEED ?? 20261204);
const numRuns = Number(process.env.CHATWRIGHT_FC_RUNS ?? 3000);

const docs = readFileSync(new URL('../../docs/reference-differences.md', import.meta.url), 'utf8');

test('validateRequest() never accepts what the official schema refuses, and refuses only by listed rules', () => {
  if (corpusMissing('differential test against the official schema')) return;
  const schema = officialSchema('CreateChatCompletionRequest');
  if (schema === undefined || sharedDir === undefined) return;
  const root = JSON.parse(
    readFileSync(join(sharedDir, 'spec', 'schemas', 'CreateChatCompletionRequest.schema.json'), 'utf8'),
  );
  const bodies = fc.oneof(
    schemaArbitrary(root),
    fc.tuple(schemaArbitrary(root), mutationArbitrary).map(([body, mutation]) => mutate(body, mutation)),
  );
  const counts = { schemaValid: 0, bothAccept: 0, refusedByRule: 0, bothRefuse: 0 };
  const used = new Set<string>();
  try {
    fc.assert(
      fc.property(bodies, (body) => {
        const schemaAccepts = schema(body);
        const result = validateRequest(body);
        if (result.success) {
          const errors = (schema.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message}`).join('; ');
          assert.ok(schemaAccepts, `chatwright accepts a body the official schema refuses: ${errors}`);
          counts.schemaValid++;
          counts.bothAccept++;
          return;
        }
        if (!schemaAccepts) {
          counts.bothRefuse++;
          return;
        }
        counts.schemaValid++;
        counts.refusedByRule++;
        for (const issue of toValidationError(result.issues).issues) {
          const rule = stricterRules.find((candidate) =>
            candidate.explains(issue, body as Record<string, unknown>),
          );
          assert.ok(rule, `refused a schema-valid body by no listed rule: ${issue.path}: ${issue.message}`);
          used.add(rule.name);
        }
      }),
      { seed, numRuns, endOnFailure: true },
    );
  } catch (error) {
    console.log(`differential test failed with seed ${seed} (replay: CHATWRIGHT_FC_SEED=${seed})`);
    throw error;
  }
  console.log(
    `differential test (seed ${seed}): ${numRuns} bodies, ${counts.bothAccept} accepted by both, ${counts.refusedByRule} refused by listed rules only, ${counts.bothRefuse} refused by both`,
  );
  // The generator must really produce bodies both sides accept, or the test proves little.
  assert.ok(counts.bothAccept >= numRuns / 10, `too few accepted bodies: ${JSON.stringify(counts)}`);
  assert.ok(counts.bothRefuse >= numRuns / 10, `too few refused bodies: ${JSON.stringify(counts)}`);
  for (const name of used)
    assert.ok(docs.includes(name), `docs/reference-differences.md does not list "${name}"`);
});

test('every stricter rule is listed in docs/reference-differences.md', () => {
  for (const { name } of stricterRules) {
    assert.ok(docs.includes(`| ${name} |`), `docs/reference-differences.md does not list "${name}"`);
  }
});

test.run();
