// A long chain (30+ calls, 20 tools): must not hit "excessively deep"; its check cost is budgeted
// by scripts/type-budget.ts (tsc --extendedDiagnostics against tests/types/type-budget.json).
import { expectTypeOf } from 'expect-type';
import { chat } from '../../../src/index.js';

const long = chat()
  .model('gpt-4o')
  .system('You are a meticulous assistant.')
  .temperature(0.3)
  .topP(0.9)
  .logprobs()
  .topLogprobs(3)
  .maxCompletionTokens(2048)
  .seed(7)
  .n(1)
  .stop(['END'])
  .tool({ name: 'tool_00', description: 'Tool tool_00', parameters: { type: 'object', properties: {} } })
  .tool({ name: 'tool_01', description: 'Tool tool_01', parameters: { type: 'object', properties: {} } })
  .tool({ name: 'tool_02', description: 'Tool tool_02', parameters: { type: 'object', properties: {} } })
  .tool({ name: 'tool_03', description: 'Tool tool_03', parameters: { type: 'object', properties: {} } })
  .tool({ name: 'tool_04', description: 'Tool tool_04', parameters: { type: 'object', properties: {} } })
  .tool({ name: 'tool_05', description: 'Tool tool_05', parameters: { type: 'object', properties: {} } })
  .tool({ name: 'tool_06', description: 'Tool tool_06', parameters: { type: 'object', properties: {} } })
  .tool({ name: 'tool_07', description: 'Tool tool_07', parameters: { type: 'object', properties: {} } })
  .tool({ name: 'tool_08', description: 'Tool tool_08', parameters: { type: 'object', properties: {} } })
  .tool({ name: 'tool_09', description: 'Tool tool_09', parameters: { type: 'object', properties: {} } })
  .tool({ name: 'tool_10', description: 'Tool tool_10', parameters: { type: 'object', properties: {} } })
  .tool({ name: 'tool_11', description: 'Tool tool_11', parameters: { type: 'object', properties: {} } })
  .tool({ name: 'tool_12', description: 'Tool tool_12', parameters: { type: 'object', properties: {} } })
  .tool({ name: 'tool_13', description: 'Tool tool_13', parameters: { type: 'object', properties: {} } })
  .tool({ name: 'tool_14', description: 'Tool tool_14', parameters: { type: 'object', properties: {} } })
  .tool({ name: 'tool_15', description: 'Tool tool_15', parameters: { type: 'object', properties: {} } })
  .tool({ name: 'tool_16', description: 'Tool tool_16', parameters: { type: 'object', properties: {} } })
  .tool({ name: 'tool_17', description: 'Tool tool_17', parameters: { type: 'object', properties: {} } })
  .tool({ name: 'tool_18', description: 'Tool tool_18', parameters: { type: 'object', properties: {} } })
  .tool({ name: 'tool_19', description: 'Tool tool_19', parameters: { type: 'object', properties: {} } })
  .parallelToolCalls(false)
  .toolChoice('tool_19')
  .stream()
  .streamOptions({ include_usage: true })
  .metadata({ team: 'core' })
  .user('Go');

expectTypeOf(long.toolChoice)
  .parameter(0)
  .extract<string>()
  .toEqualTypeOf<
    | 'none'
    | 'auto'
    | 'required'
    | 'tool_00'
    | 'tool_01'
    | 'tool_02'
    | 'tool_03'
    | 'tool_04'
    | 'tool_05'
    | 'tool_06'
    | 'tool_07'
    | 'tool_08'
    | 'tool_09'
    | 'tool_10'
    | 'tool_11'
    | 'tool_12'
    | 'tool_13'
    | 'tool_14'
    | 'tool_15'
    | 'tool_16'
    | 'tool_17'
    | 'tool_18'
    | 'tool_19'
  >();
long.send();
