import { freeze } from 'immer';
import type { Dispatcher } from '../client/dispatcher.js';
import { parsePreset } from '../schema/parse-preset.js';
import type { InitialState, LooseState } from '../state/builder-state.js';
import { BodyNode } from './body-node.js';
import type { ChatBuilder } from './chat-builder.js';
import { ChatBuilderImpl } from './chat-builder-impl.js';

/** Options of {@link ChatFactory.fromJSON}. */
export interface FromJSONOptions {
  /** Fields outside the reference list to accept as provider-specific `extra()` fields. */
  readonly extra?: readonly string[];
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
   * compile time and `send()` validates the complete request.
   * @example const support = chat.fromJSON(await readFile('support-preset.json', 'utf8'));
   */
  fromJSON(json: unknown, options?: FromJSONOptions): ChatBuilder<LooseState>;
}

/**
 * Makes the `chat` function of a client. `dispatcher` is called at send time, so a default client can
 * read its environment variables late.
 */
export function createChat(dispatcher: () => Dispatcher): ChatFactory {
  const empty = new ChatBuilderImpl(dispatcher, BodyNode.of(Object.freeze({})));
  const factory = () => empty as unknown as ChatBuilder<InitialState>;
  factory.fromJSON = (json: unknown, options?: FromJSONOptions) => {
    const { body, extra } = parsePreset(json, options);
    // parsePreset returns fresh copies that nobody else holds: freezing them in place is safe.
    return new ChatBuilderImpl(
      dispatcher,
      BodyNode.of(freeze(body, true)),
      freeze(extra, true),
    ) as unknown as ChatBuilder<LooseState>;
  };
  return factory;
}
