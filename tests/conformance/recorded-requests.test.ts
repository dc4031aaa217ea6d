import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { chat } from '../../src/client/default-chat.js';
import { ValidationError } from '../../src/errors/validation-error.js';
import { toValidationError } from '../../src/schema/to-validation-error.js';
import { officialSchema } from '../support/conformance.js';
import { corpusMissing, sharedDir } from '../support/shared-corpus.js';

/*
 * The real request bodies recorded in ../shared/fixtures (cassettes of the official SDKs, observability
 * agents, other clients, and the spec's own examples): each is imported with chat.fromJSON() and
 * validated as send() would. Every refusal must be one listed in docs/reference-differences.md, with
 * the reason the API gives; every other body must be accepted and kept exactly as recorded.
 */

interface FixtureEntry {
  readonly request_file?: string | null;
}

/** The refusals we expect, by file: the first issue's message, and why (the docs say the same). */
const expectedRefusals: ReadonlyMap<string, string> = new Map([
  [
    'dd-trace-py/llmobs_azure_openai_openai_deployments_gpt-4.1-mini_chat_completions_api-version_2024-12-01-preview_post_696c0585.request.json',
    'model: model must be a string',
  ],
  [
    'dd-trace-py/chat_completion_image_input.request.json',
    'messages.0.content.1.image_url: image_url must be an object',
  ],
  ['dd-trace-py/completion_stream_wrong_api_key.error-401.request.json', 'prompt: unknown field "prompt"'],
  [
    'spec-examples/chat-completions-image-input.request.json',
    'max_tokens: gpt-5.4 does not accept max_tokens',
  ],
]);

const docs = readFileSync(new URL('../../docs/reference-differences.md', import.meta.url), 'utf8');

/** The refusal of `body` as "path: message" of its first issue, or `undefined` when accepted. */
function refusal(body: unknown): string | undefined {
  try {
    // A recorded streaming request is imported as one (its send() is typed as a stream).
    const builder = chat.fromJSON(body, { stream: (body as { stream?: unknown }).stream === true });
    assert.equal(builder.toJSON(), body, 'an imported request is kept exactly as recorded (nulls too)');
    const result = builder.validate();
    if (result.success) return undefined;
    return toValidationError(result.issues).issues.map(({ path, message }) => `${path}: ${message}`)[0];
  } catch (error) {
    assert.instance(error, ValidationError);
    const [first] = (error as ValidationError).issues;
    return first === undefined ? 'refused without an issue' : `${first.path}: ${first.message}`;
  }
}

test('every recorded request is accepted, or refused for a listed reason', () => {
  if (corpusMissing('recorded requests') || sharedDir === undefined) return;
  const fixtures = join(sharedDir, 'fixtures');
  const entries = JSON.parse(readFileSync(join(fixtures, 'index.json'), 'utf8')) as FixtureEntry[];
  const files = entries.flatMap((entry) =>
    typeof entry.request_file === 'string' ? [entry.request_file] : [],
  );
  assert.ok(files.length >= 96, `only ${files.length} recorded requests`);
  const refused = new Map<string, string>();
  let acceptedBySchemaToo = 0;
  const schema = officialSchema('CreateChatCompletionRequest');
  for (const file of files) {
    const body: unknown = JSON.parse(readFileSync(join(fixtures, file), 'utf8'));
    const reason = refusal(body);
    if (reason !== undefined) refused.set(file, reason);
    else if (schema === undefined || schema(body)) acceptedBySchemaToo++;
  }
  for (const [file, reason] of refused) {
    const expected = expectedRefusals.get(file);
    assert.ok(expected !== undefined, `${file} is refused, and not a listed difference: ${reason}`);
    assert.ok(reason.startsWith(expected), `${file}: expected "${expected}...", got "${reason}"`);
    assert.ok(docs.includes(file), `docs/reference-differences.md does not list ${file}`);
  }
  assert.equal(
    [...expectedRefusals.keys()].filter((file) => !refused.has(file)),
    [],
    'listed but accepted',
  );
  assert.is(acceptedBySchemaToo, files.length - refused.size, 'what chatwright accepts, the schema accepts');
});

test.run();
