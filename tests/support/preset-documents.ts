import { readFileSync } from 'node:fs';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import * as assert from 'uvu/assert';
import type { PresetDocument } from '../../src/index.js';

let compiled: ValidateFunction | undefined;

/** The shipped JSON Schema of preset documents (the package's `preset.schema.json`), compiled strictly. */
export function presetSchemaValidator(): ValidateFunction {
  compiled ??= new Ajv2020({ strict: true, allErrors: true }).compile(
    JSON.parse(readFileSync(new URL('../../preset.schema.json', import.meta.url), 'utf8')),
  );
  return compiled;
}

/** The schema's complaints about `document` (`[]`: it passes). */
export function schemaErrors(document: unknown): string[] {
  const validate = presetSchemaValidator();
  return validate(document)
    ? []
    : (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message}`);
}

/**
 * A builder's `toPreset()`, asserted to pass the shipped JSON Schema and to survive JSON text. Every
 * document a test makes goes through here.
 */
export function presetOf<TVars extends string>(builder: {
  toPreset(): PresetDocument<TVars>;
}): PresetDocument<TVars> {
  const document = builder.toPreset();
  const errors = schemaErrors(JSON.parse(JSON.stringify(document)));
  assert.equal(
    errors,
    [],
    `preset.schema.json refused a document toPreset() made: ${JSON.stringify(document)}`,
  );
  assert.ok(Object.isFrozen(document), 'toPreset() is frozen');
  return document;
}
