import type { TokenEncoding } from '../models/model-capabilities.js';
import { type BodyCount, type CountCache, countBody, type NotCounted, newCountCache } from './count-body.js';
import { encodingOf } from './encodings.js';
import type { ImageSize } from './image-size.js';

/** A request to count: a builder (anything with `toJSON()`), or a wire body. */
export type Countable = { toJSON(): unknown } | { readonly [field: string]: unknown };

/** Options of {@link countTokens}. */
export interface CountTokensOptions {
  /** Count for this model rather than the request's (the model a deployment really serves). */
  readonly model?: string;
  /**
   * The size of a remote image (`image_url` with an `http(s)` URL), when you know it. Data URLs are
   * read; an image of unknown size is counted at the most it can cost, and `upperBound` says so.
   */
  readonly imageSize?: (url: string) => ImageSize | undefined;
}

/** The prompt tokens of a request, as the API reports them in `usage.prompt_tokens`, by part. */
export interface TokenCount {
  /** The prompt tokens: every part added up. */
  readonly total: number;
  readonly parts: {
    /** Message texts, names, tool calls and the per-message and reply-priming overhead. */
    readonly messages: number;
    /** Tool and function definitions as the API formats them, and the tool choice. */
    readonly tools: number;
    /** A `json_schema` response format. */
    readonly responseFormat: number;
    /** Image parts, by the tile formula for their `detail`. */
    readonly images: number;
  };
  /** The tokenizer used. */
  readonly encoding: TokenEncoding;
  readonly model: string | undefined;
  /** False when the model is not in the catalog (nor declared): o200k_base was assumed. */
  readonly knownModel: boolean;
  /** True when an image of unknown size was counted at its maximum: the total is an upper bound. */
  readonly upperBound: boolean;
  /** Parts sent but not counted (audio, files): the API's figure is higher by their tokens. */
  readonly notCounted: readonly NotCounted[];
}

/** Caches by encoding and model; with an `imageSize` callback, per callback (they may size differently). */
const caches = new Map<string, CountCache>();
const sizedCaches = new WeakMap<object, Map<string, CountCache>>();

function cacheFor(key: string, imageSize: object | undefined): CountCache {
  let byKey = caches;
  if (imageSize !== undefined) {
    byKey = sizedCaches.get(imageSize) ?? new Map();
    sizedCaches.set(imageSize, byKey);
  }
  let cache = byKey.get(key);
  if (cache === undefined) {
    cache = newCountCache();
    byKey.set(key, cache);
  }
  return cache;
}

/** The wire body of a countable request: a builder's `toJSON()`, or the body itself. */
export function bodyOf(request: Countable): { readonly [field: string]: unknown } {
  const json = typeof request.toJSON === 'function' ? (request as { toJSON(): unknown }).toJSON() : request;
  return typeof json === 'object' && json !== null ? (json as { readonly [field: string]: unknown }) : {};
}

/**
 * The prompt tokens a request will be billed for, counted before sending with the tokenizer of the
 * model's family (o200k_base for a model outside the catalog, and `knownModel: false` says so).
 * Messages a preset shares with the builders derived from it are counted once.
 *
 * @example
 * import { countTokens } from 'chatwright/tokens';
 * const count = countTokens(chat().model('gpt-4o').system('Be brief.').user('Hello!'));
 * count.total; // 19, as usage.prompt_tokens reports it
 */
export function countTokens(request: Countable, options: CountTokensOptions = {}): TokenCount {
  const body = bodyOf(request);
  const model = options.model ?? (typeof body.model === 'string' ? body.model : undefined);
  const encoding = encodingOf(model);
  // Image rates depend on the model, remote image sizes on the caller's callback.
  const cache = cacheFor(`${encoding.name}\u0000${model ?? ''}`, options.imageSize);
  const counted: BodyCount = countBody(
    body,
    { countText: encoding.countText, model, imageSize: options.imageSize },
    cache,
  );
  const { messages, tools, responseFormat, images } = counted;
  return {
    total: messages + tools + responseFormat + images,
    parts: { messages, tools, responseFormat, images },
    encoding: encoding.name,
    model,
    knownModel: encoding.fromCatalog,
    upperBound: counted.upperBound,
    notCounted: counted.notCounted,
  };
}
