// The reliability options of issue 16: tool timeouts, the tool's signal, onBatchCreated, the error body.
import { expectTypeOf } from 'expect-type';
import * as v from 'valibot';
import { type BatchCreatedEvent, submitBatch } from '../../src/batch/index.js';
import {
  type APIError,
  type Batch,
  type ChatwrightClient,
  chat,
  type FileObject,
  type ToolRunContext,
  ToolTimeoutError,
  tool,
} from '../../src/index.js';

// ---- tool({ timeout }) and run({ toolTimeout }) -------------------------------------------------------
const slow = tool({
  name: 'slow',
  parameters: v.object({ q: v.string() }),
  timeout: 5_000,
  run: async (_args, context) => {
    // Every tool gets a signal now: no `?.` needed.
    expectTypeOf(context.signal).toEqualTypeOf<AbortSignal>();
    return 'ok';
  },
});
expectTypeOf(slow.timeout).toEqualTypeOf<number | undefined>();
expectTypeOf<ToolRunContext['signal']>().toEqualTypeOf<AbortSignal>();
void chat().model('gpt-4o').tool(slow).user('Hi').run({ toolTimeout: 10_000 });
// @ts-expect-error toolTimeout is a number of milliseconds
void chat().model('gpt-4o').tool(slow).user('Hi').run({ toolTimeout: '10s' });
// @ts-expect-error tool() has no option `timeOut` (the option is `timeout`)
tool({ name: 'x', parameters: v.object({}), timeOut: 5 });

const timeoutError = new ToolTimeoutError({ toolName: 'slow', toolCallId: 'call_1', timeout: 5 });
expectTypeOf(timeoutError.toolName).toEqualTypeOf<string>();
expectTypeOf(timeoutError.timeout).toEqualTypeOf<number>();

// ---- onBatchCreated ------------------------------------------------------------------------------------
declare const client: ChatwrightClient;
void submitBatch(client, [], {
  onBatchCreated: (event) => {
    expectTypeOf(event).toEqualTypeOf<BatchCreatedEvent>();
    expectTypeOf(event.batch).toEqualTypeOf<Batch>();
    expectTypeOf(event.file).toEqualTypeOf<FileObject>();
    expectTypeOf(event.index).toEqualTypeOf<number>();
  },
});
// @ts-expect-error onBatchCreated receives one event object, not the batch id
void submitBatch(client, [], { onBatchCreated: (id: string) => id.length });

// ---- APIError.body ------------------------------------------------------------------------------------
expectTypeOf<APIError['body']>().toEqualTypeOf<string | undefined>();
