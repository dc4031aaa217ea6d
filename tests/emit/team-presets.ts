// A team's preset library, compiled with declaration emit against the BUILT package (`chatwright`
// resolves to dist/ through the package's own exports). If any state type could not be named from
// `chatwright`, tsc would fail here with TS2742/TS4023 "cannot be named".
import { type BuilderState, type ChatBuilder, chat } from 'chatwright';

export const support = chat().model('gpt-4o').system('You answer billing questions.').temperature(0.2);

export const withTools = support
  .tool({ name: 'lookup_invoice', parameters: { type: 'object', properties: { id: { type: 'string' } } } })
  .customTool({ name: 'run_sql' })
  .toolChoice('lookup_invoice')
  .logprobs()
  .stream();

export const careful = <S extends BuilderState>(builder: ChatBuilder<S>) =>
  builder.temperature(0.1).logprobs();

export const audioPreset = chat().model('gpt-4o-audio-preview').modalities(['text', 'audio']);

export const imported = chat.fromJSON('{"model":"gpt-4o"}');

export const ready = withTools.user('Where is invoice 42?');
export const sendReady = ready.send;
export const notReady = chat().user('Hi').send;

// A team's own model, declared for the compiler by augmenting the built package's catalog.
declare module 'chatwright' {
  interface ModelCatalog {
    'acme-reasoner': ModelCatalog['o3'];
  }
}
export const reasoner = chat().model('acme-reasoner').user('Hi').maxCompletionTokens(100);
export const reasonerSend = reasoner.send;
// @ts-expect-error acme-reasoner takes o3's rules: no temperature
reasoner.temperature(0.5).send();

// A catalog entry loosened before the catalog follows: the override replaces it for the compiler, and
// every other rule of the model still holds.
declare module 'chatwright' {
  interface ModelOverrides {
    'o4-mini': Omit<ModelCatalog['o4-mini'], 'stop'> & { readonly stop: true };
  }
}
export const loosened = chat().model('o4-mini').user('Hi').stop('END');
// Callable: without the override, send would be the error "o4-mini does not accept stop".
export const loosenedSend: (...args: never[]) => unknown = loosened.send;
// @ts-expect-error the override changed stop only: o4-mini still takes no temperature
loosened.temperature(0.5).send();
