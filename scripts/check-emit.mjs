// After `tsc` (TypeScript 6) and `tsgo` (TypeScript 7) emitted the declarations of tests/emit's preset
// library against the built package: what they print for a builder is the state's fields, never the
// helpers that computed it (`With<...>`, `WithParam<...>`), which would make a team's published types
// depend on chatwright's internals.
import { readFileSync } from 'node:fs';
import { stateHelpers as helpers } from './state-helper-names.mjs';

const outputs = ['.emit-out/team-presets.d.ts', '.emit-out-7/team-presets.d.ts'];
let failed = false;
for (const path of outputs) {
  const text = readFileSync(path, 'utf8');
  const helper = text.match(helpers);
  if (helper !== null) {
    const line = text.slice(0, helper.index).split('\n').length;
    console.error(`${path}:${line}: the declarations print the state helper ${helper[1]}<...>`);
    failed = true;
  } else if (!text.includes('export declare const support: ChatBuilder<{\n    model: "gpt-4o";')) {
    console.error(`${path}: the declarations do not print the state's fields:\n${text.slice(0, 400)}`);
    failed = true;
  }
}
if (failed) process.exit(1);
console.log(`declarations print builder states as their fields (${outputs.join(', ')})`);
