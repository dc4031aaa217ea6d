// The helpers that compute a builder's state, which no printed type may show (hover, error,
// declaration file): every type src/state/builder-state.ts exports but the state's public names,
// read from the source so that a new update cannot be missed, and the call rules that return a state.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const publicNames = new Set([
  'BuilderState',
  'InitialState',
  'LooseState',
  'PresetState',
  'NoToolInputs',
  'RecordedParam',
]);
const source = readFileSync(join(import.meta.dirname, '..', 'src', 'state', 'builder-state.ts'), 'utf8');
const updates = [...source.matchAll(/^export (?:type|interface) (\w+)/gm)]
  .map((match) => match[1])
  .filter((name) => !publicNames.has(name));

/** The helper names, each followed by `<` as a printed type would show it. */
export const stateHelpers = new RegExp(`\\b(${[...updates, 'SampledAt', 'RecordedIf'].join('|')})<`);
