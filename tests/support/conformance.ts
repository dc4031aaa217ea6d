import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { corpusMissing, sharedDir } from './shared-corpus.js';

// ajv-formats is CommonJS; under ESM its default export arrives wrapped.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ??
  addFormatsModule) as unknown as (ajv: Ajv2020) => void;

const compiled = new Map<string, ValidateFunction | undefined>();

/** The official JSON Schema validator for one of the schemas in `shared/spec/schemas/`, if present. */
export function officialSchema(name: string): ValidateFunction | undefined {
  if (compiled.has(name)) return compiled.get(name);
  let validate: ValidateFunction | undefined;
  if (!corpusMissing('official OpenAPI schemas') && sharedDir !== undefined) {
    const ajv = new Ajv2020({ strict: true, allErrors: true });
    addFormats(ajv);
    const schema = JSON.parse(
      readFileSync(join(sharedDir, 'spec', 'schemas', `${name}.schema.json`), 'utf8'),
    );
    validate = ajv.compile(schema);
  }
  compiled.set(name, validate);
  return validate;
}

let checkedBodies = 0;

/**
 * Asserts that a request body validates against OpenAI's official `CreateChatCompletionRequest`
 * schema (skipped, visibly, when the corpus is absent). Every wire body a test builds goes through here.
 */
export function assertOfficialRequest(body: unknown): void {
  const validate = officialSchema('CreateChatCompletionRequest');
  if (validate === undefined) return;
  if (!validate(body)) {
    const errors = (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message}`).join('; ');
    throw new Error(
      `request does not match the official CreateChatCompletionRequest schema: ${errors}\n${JSON.stringify(body)}`,
    );
  }
  checkedBodies++;
}

/** How many bodies were checked against the official schema in this process (for the suite summary). */
export function officialChecksSoFar(): number {
  return checkedBodies;
}
