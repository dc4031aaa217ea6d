import { freeze } from 'immer';
import { ValidationError } from '../errors/validation-error.js';
import type { inferPresetVars } from '../preset/preset-document.js';
import { type ReadPresetDocument, readPresetDocument } from '../preset/read-preset-document.js';
import { parsePresetFrozen } from '../schema/parse-preset.js';
import type { InitialState, LooseState, PresetState } from '../state/builder-state.js';
import { TemplateSlots } from '../template/template-slots.js';
import type { ChatMessage } from '../wire/request.js';
import { BodyNode } from './body-node.js';
import type { ChatBuilder } from './chat-builder.js';
import { ChatBuilderImpl } from './chat-builder-impl.js';
import type { Dispatcher } from './dispatcher.js';

/** Options of {@link ChatFactory.fromJSON}. */
export interface FromJSONOptions {
  /** Fields outside the reference list to accept as provider-specific `extra()` fields. */
  readonly extra?: readonly string[];
  /**
   * Whether the imported builder streams, which the compiler cannot read from the JSON: `send()` is
   * typed as a `ChatStream` with `true`, as a completion without. With `true` the builder streams
   * (as after `.stream()`) whether or not the JSON says so; without it, a JSON body with
   * `"stream": true` is refused (a `ValidationError` at `stream`), so the type never lies.
   * Default `false`.
   */
  readonly stream?: boolean;
}

/** Starts builders bound to one client. `chat` itself uses the default client. */
export interface ChatFactory {
  /**
   * A new, empty builder.
   * @example const reply = await chat().model('gpt-4o').user('Hi').send();
   */
  (): ChatBuilder<InitialState>;

  /**
   * A builder from a wire JSON body, such as a preset another team exported with `JSON.stringify`.
   * The input is validated as a preset (fields may be missing, but what is there must be right);
   * unknown fields, malformed values and prototype-polluting keys are refused with a
   * `ValidationError`. The result's contents are known only at runtime, so every method is allowed at
   * compile time and `send()` validates the complete request. Whether it streams is the one thing the
   * types must know: say `{ stream: true }` for a streaming preset.
   * @example const support = chat.fromJSON(await readFile('support-preset.json', 'utf8'));
   * @example const live = chat.fromJSON(exported, { stream: true }); // send() returns a ChatStream
   */
  fromJSON<const $Stream extends boolean = false>(
    json: unknown,
    options?: FromJSONOptions & { readonly stream?: $Stream },
  ): ChatBuilder<LooseState<$Stream>>;

  /**
   * A builder from a preset document (`builder.toPreset()`, or a file of one), with the same templates
   * and unfilled variables. Validated as `fromJSON()` validates a body, and more: unknown fields are
   * refused with a suggestion, every problem is listed with its path, and a document of a newer format
   * version is refused with a message saying so (`ValidationError`). From a `toPreset()` value the
   * variable names stay typed; from parsed JSON they are known at runtime only (`vars()` takes any name,
   * `send()` checks). As with `fromJSON()`, a streaming preset is imported with `{ stream: true }`.
   * @example const support = chat.fromPreset(await readFile('support.preset.json', 'utf8')).vars({ customer: 'Acme' });
   * @see docs/presets.md
   */
  fromPreset<const $Document, const $Stream extends boolean = false>(
    document: $Document,
    options?: { readonly stream?: $Stream },
  ): ChatBuilder<PresetState<inferPresetVars<$Document>, $Stream>>;
}

/**
 * Makes the `chat` function of a client. `dispatcher` is called at send time, so a default client can
 * read its environment variables late.
 */
export function createChat(dispatcher: () => Dispatcher): ChatFactory {
  const empty = new ChatBuilderImpl(dispatcher, BodyNode.of(Object.freeze({})));
  const factory = () => empty as unknown as ChatBuilder<InitialState>;
  factory.fromJSON = ((json: unknown, options?: FromJSONOptions) => {
    const { body, extra } = parsePresetFrozen(json, options);
    checkStream(
      body,
      options?.stream === true,
      'stream',
      'chat.fromJSON(json, { stream: true })',
      'Invalid preset',
    );
    // parsePreset returns fresh objects that nobody else holds: freezing them in place is safe. From a
    // JSON text, everything below the top level is frozen already (immer's freeze stops at frozen values).
    return new ChatBuilderImpl(
      dispatcher,
      BodyNode.of(freeze(body, true)),
      freeze(extra, true),
    ) as unknown as ChatBuilder<LooseState<boolean>>;
  }) as ChatFactory['fromJSON'];
  factory.fromPreset = ((document: unknown, options?: { readonly stream?: boolean }) => {
    const read = readPresetDocument(document);
    checkStream(
      read.body,
      options?.stream === true,
      'request.stream',
      'chat.fromPreset(document, { stream: true })',
      'Invalid preset document',
    );
    return presetBuilder(dispatcher, read) as unknown as ChatBuilder<PresetState<string, boolean>>;
  }) as ChatFactory['fromPreset'];
  return factory as ChatFactory;
}

/**
 * The builder of a read preset document: its body frozen (fresh copies nobody else holds), its
 * templates pointed at the body's own message objects. A document whose every variable is filled
 * gives a request, its messages rendered into the body, as `vars()` does.
 */
function presetBuilder(dispatcher: () => Dispatcher, read: ReadPresetDocument): ChatBuilderImpl {
  const body = freeze(read.body, true);
  const messages = (body.messages ?? []) as readonly ChatMessage[];
  const slots = new TemplateSlots(
    read.templates.map(({ messageIndex, part, template, values }) => ({
      message: messages[messageIndex] as ChatMessage,
      part,
      template,
      values: Object.freeze(values),
    })),
    false,
  );
  return new ChatBuilderImpl(dispatcher, BodyNode.of(body), freeze(read.extra, true)).withTemplates(slots);
}

/**
 * Holds an imported body to the stream flag the caller's types were given: a body that streams must be
 * imported with `{ stream: true }` (so `send()` is typed as a stream), and with it the body streams.
 */
function checkStream(
  body: { stream?: boolean | null },
  streams: boolean,
  path: string,
  fix: string,
  context: string,
): void {
  if (body.stream === true && !streams) {
    throw new ValidationError(
      [
        {
          path,
          message: `the preset streams: import it with ${fix}, so that send() is typed as a stream`,
          input: true,
        },
      ],
      context,
    );
  }
  if (streams) body.stream = true;
}
