import { freeze } from 'immer';
import type { Dispatcher } from '../client/dispatcher.js';
import { ValidationError } from '../errors/validation-error.js';
import { parsePreset } from '../schema/parse-preset.js';
import type { InitialState, LooseState } from '../state/builder-state.js';
import { BodyNode } from './body-node.js';
import type { ChatBuilder } from './chat-builder.js';
import { ChatBuilderImpl } from './chat-builder-impl.js';

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
}

/**
 * Makes the `chat` function of a client. `dispatcher` is called at send time, so a default client can
 * read its environment variables late.
 */
export function createChat(dispatcher: () => Dispatcher): ChatFactory {
  const empty = new ChatBuilderImpl(dispatcher, BodyNode.of(Object.freeze({})));
  const factory = () => empty as unknown as ChatBuilder<InitialState>;
  factory.fromJSON = ((json: unknown, options?: FromJSONOptions) => {
    const { body, extra } = parsePreset(json, options);
    const streams = options?.stream === true;
    if (body.stream === true && !streams) {
      throw new ValidationError(
        [
          {
            path: 'stream',
            message:
              'the preset streams: import it with chat.fromJSON(json, { stream: true }), so that send() is typed as a stream',
            input: true,
          },
        ],
        'Invalid preset',
      );
    }
    if (streams) body.stream = true;
    // parsePreset returns fresh copies that nobody else holds: freezing them in place is safe.
    return new ChatBuilderImpl(
      dispatcher,
      BodyNode.of(freeze(body, true)),
      freeze(extra, true),
    ) as unknown as ChatBuilder<LooseState<boolean>>;
  }) as ChatFactory['fromJSON'];
  return factory;
}
