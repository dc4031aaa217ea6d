// Batch lines and fan-outs are requests sent later: a builder that send() refuses does not compile there.
import { expectTypeOf } from 'expect-type';
import { writeBatchFiles } from '../../src/batch/index.js';
import {
  type BuilderState,
  type ChatBuilder,
  type ChatwrightTypeError,
  chat,
  fanOut,
} from '../../src/index.js';

const ready = chat().model('gpt-4o-mini').user('Hi');
expectTypeOf(ready.toBatchLine).toEqualTypeOf<(customId: string) => string>();
ready.toBatchLine('greeting-1');
void writeBatchFiles([{ customId: 'greeting-1', builder: ready }], { directory: 'batches' });
void fanOut([ready, ready.stream()]);

const noModel = chat().user('Hi');
expectTypeOf(noModel.toBatchLine).toEqualTypeOf<
  ChatwrightTypeError<'send() needs a model: call .model() first'>
>();
// @ts-expect-error send() needs a model: call .model() first
noModel.toBatchLine('a');
// @ts-expect-error send() needs a model: the builder is not a batch source
void writeBatchFiles([{ customId: 'a', builder: noModel }], { directory: 'batches' });
// @ts-expect-error send() needs a model: the builder is not Sendable
void fanOut([noModel]);

// A preset applied after the model: caught by the send() rules, which batch lines share.
const cold = <S extends BuilderState>(builder: ChatBuilder<S>) => builder.temperature(0.5);
const o3 = chat().model('o3').user('Hi').use(cold);
// @ts-expect-error o3 does not accept temperature (only its default 1): remove .temperature()
o3.toBatchLine('a');
const items = [{ customId: 'a', builder: o3 }];
// @ts-expect-error o3 does not accept temperature: the item's builder cannot be written
void writeBatchFiles(items, { directory: 'batches' });
