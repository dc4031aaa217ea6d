import type { Body } from '../builder/body-node.js';
import type { CountText } from './encodings.js';
import { type FunctionShape, formatFunctions } from './format-functions.js';
import { dataUrlImageSize, type ImageSize } from './image-size.js';
import { imageTokens } from './image-tokens.js';

/*
 * How the API turns a Chat Completions body into prompt tokens, for the o200k and cl100k chat format:
 * each message is `<|start|>role<|message|>content<|end|>` (3 tokens besides role and content, one
 * more with a `name`), the reply is primed with 3, and function definitions become one TypeScript
 * namespace (format-functions.ts) put in the system message. The constants are those that reproduce
 * the recorded `usage.prompt_tokens` (docs/tokens.md has the table).
 */
const MESSAGE_OVERHEAD = 3;
const NAME_OVERHEAD = 1;
const REPLY_PRIMING = 3;
const FUNCTIONS_OVERHEAD = 9;
/** With a system message the namespace joins it, saving the header of a message of its own. */
const FUNCTIONS_IN_SYSTEM_SAVING = 4;
const TOOL_CHOICE_NONE = 1;
const TOOL_CHOICE_NAMED = 4;
/** Per tool call in an assistant message; fitted to the recorded pairs (docs/tokens.md). */
const TOOL_CALL_OVERHEAD = 5;
/** Fitted to the one recorded `json_schema` pair: an estimate, docs/tokens.md says so. */
const RESPONSE_FORMAT_OVERHEAD = 10;
/** gpt-3.5-turbo-0301 wrapped messages in 4 tokens and dropped the role when a name was given. */
const LEGACY_MESSAGE_OVERHEAD = 4;
const LEGACY_NAME_OVERHEAD = -1;

/** A part of a request that is sent but not counted (its tokens are not known before sending). */
export interface NotCounted {
  /** Where it is, as a dotted path: `messages.2.content.1`. */
  readonly path: string;
  readonly type: 'input_audio' | 'file' | 'audio' | 'custom_tool';
}

/** What counting a body needs besides the text counter. */
export interface CountContext {
  readonly countText: CountText;
  /** The model, for the image rates and the legacy chat format. */
  readonly model: string | undefined;
  /** The size of a remote image, when the caller knows it (data URLs are read). */
  readonly imageSize: ((url: string) => ImageSize | undefined) | undefined;
}

/** One message's count, kept per message object (messages are frozen and shared between requests). */
export interface MessageCount {
  readonly text: number;
  readonly images: number;
  readonly upperBound: boolean;
  readonly notCounted: readonly NotCounted[];
  /** Whether it is a system message whose content does not end with a newline (functions add one). */
  readonly padsWithFunctions: boolean;
}

/** The count of a body, by part. */
export interface BodyCount {
  readonly messages: number;
  readonly tools: number;
  readonly responseFormat: number;
  readonly images: number;
  readonly upperBound: boolean;
  readonly notCounted: readonly NotCounted[];
}

type Json = { readonly [key: string]: unknown };
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null;
const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/**
 * Counts already made in one counting context (encoding, model, image sizes), by frozen object: a
 * message, or a request's tools array. Weakly held, so they go with the requests.
 */
export interface CountCache {
  readonly messages: WeakMap<object, MessageCount>;
  readonly tools: WeakMap<object, number>;
  /** By `response_format` object: a preset's schema is encoded once, not once per derived request. */
  readonly responseFormats: WeakMap<object, number>;
}

/** A new, empty cache. */
export function newCountCache(): CountCache {
  return { messages: new WeakMap(), tools: new WeakMap(), responseFormats: new WeakMap() };
}

const noneCounted: readonly NotCounted[] = Object.freeze([]);

/**
 * Tool-call arguments as the model reads them: the API re-serializes the JSON without whitespace
 * (pretty-printed arguments count as compact ones in the recordings). Unparseable text stays as is.
 */
function compactJson(text: string | undefined): string | undefined {
  if (text === undefined || !/^\s*[[{]/.test(text)) return text;
  try {
    return JSON.stringify(JSON.parse(text));
  } catch {
    return text;
  }
}

function countMessage(message: Json, index: number, context: CountContext): MessageCount {
  const { countText } = context;
  const legacy = context.model?.startsWith('gpt-3.5-turbo-0301') === true;
  let text = legacy ? LEGACY_MESSAGE_OVERHEAD : MESSAGE_OVERHEAD;
  let images = 0;
  let upperBound = false;
  let notCounted: NotCounted[] | undefined;
  const role = str(message.role) ?? '';
  text += countText(role);
  const name = str(message.name);
  if (name !== undefined) text += countText(name) + (legacy ? LEGACY_NAME_OVERHEAD : NAME_OVERHEAD);
  const content = message.content;
  let lastText = '';
  if (typeof content === 'string') {
    text += countText(content);
    lastText = content;
  } else if (Array.isArray(content)) {
    content.forEach((part: unknown, partIndex) => {
      if (!isObject(part)) return;
      const partText = str(part.text) ?? str(part.refusal);
      if (partText !== undefined) {
        text += countText(partText);
        lastText = partText;
      } else if (part.type === 'image_url') {
        const image = isObject(part.image_url) ? part.image_url : { url: part.image_url };
        const url = str(image.url) ?? '';
        const size = dataUrlImageSize(url) ?? context.imageSize?.(url);
        const count = imageTokens(context.model, str(image.detail), size);
        images += count.tokens;
        upperBound ||= count.upperBound;
      } else if (part.type === 'input_audio' || part.type === 'file') {
        notCounted ??= [];
        notCounted.push({ path: `messages.${index}.content.${partIndex}`, type: part.type });
      }
    });
  }
  const refusal = str(message.refusal);
  if (refusal !== undefined) text += countText(refusal);
  if (isObject(message.audio)) {
    notCounted ??= [];
    notCounted.push({ path: `messages.${index}.audio`, type: 'audio' });
  }
  if (Array.isArray(message.tool_calls)) {
    for (const call of message.tool_calls as unknown[]) {
      if (!isObject(call)) continue;
      const fn = isObject(call.function) ? call.function : isObject(call.custom) ? call.custom : {};
      text += TOOL_CALL_OVERHEAD + countText(str(fn.name) ?? '');
      text += countText(compactJson(str(fn.arguments)) ?? str(fn.input) ?? '');
    }
  }
  if (isObject(message.function_call)) {
    const call = message.function_call;
    text += TOOL_CALL_OVERHEAD + countText(str(call.name) ?? '');
    text += countText(compactJson(str(call.arguments)) ?? '');
  }
  // A `function` result message is counted two tokens lighter than others (it has no role header).
  if (role === 'function') text -= 2;
  return {
    text,
    images,
    upperBound,
    notCounted: notCounted ?? noneCounted,
    padsWithFunctions: role === 'system' && lastText !== '' && !lastText.endsWith('\n'),
  };
}

/** The function definitions of a body: `tools` of type function (custom tools take a string) and `functions`. */
function functionsOf(body: Json): FunctionShape[] {
  const shapes: FunctionShape[] = [];
  if (Array.isArray(body.tools)) {
    for (const tool of body.tools as unknown[]) {
      if (!isObject(tool)) continue;
      if (isObject(tool.function)) shapes.push(tool.function as unknown as FunctionShape);
      else if (isObject(tool.custom)) {
        const custom = tool.custom;
        const format = isObject(custom.format) ? custom.format : {};
        const grammar = isObject(format.grammar) ? str(format.grammar.definition) : undefined;
        // A custom tool takes free text; its grammar, if any, is shown to the model with it. How the
        // API lays them out is not known (the one recording counts far more): reported, not guessed.
        shapes.push({
          name: str(custom.name) ?? '',
          description: [str(custom.description), grammar].filter((line) => line !== undefined).join('\n'),
          parameters: { type: 'object', properties: { input: { type: 'string' } }, required: ['input'] },
        });
      }
    }
  }
  if (Array.isArray(body.functions)) {
    for (const fn of body.functions as unknown[])
      if (isObject(fn)) shapes.push(fn as unknown as FunctionShape);
  }
  return shapes;
}

/** The tokens of the tool definitions (0 without tools). */
function countTools(body: Json, context: CountContext, cache: CountCache): number {
  const source = isObject(body.tools) ? body.tools : isObject(body.functions) ? body.functions : undefined;
  if (source === undefined) return 0;
  let tokens = cache.tools.get(source);
  if (tokens === undefined) {
    const functions = functionsOf(body);
    tokens = functions.length === 0 ? 0 : context.countText(formatFunctions(functions)) + FUNCTIONS_OVERHEAD;
    cache.tools.set(source, tokens);
  }
  return tokens;
}

function countToolChoice(body: Json, context: CountContext): number {
  const choice = body.tool_choice ?? body.function_call;
  if (choice === 'none') return TOOL_CHOICE_NONE;
  if (!isObject(choice)) return 0;
  const named = isObject(choice.function)
    ? choice.function
    : isObject(choice.custom)
      ? choice.custom
      : choice;
  const name = str(named.name);
  return name === undefined ? 0 : context.countText(name) + TOOL_CHOICE_NAMED;
}

function countResponseFormat(body: Json, context: CountContext, cache: CountCache): number {
  const format = body.response_format;
  if (!isObject(format) || format.type !== 'json_schema' || !isObject(format.json_schema)) return 0;
  let tokens = cache.responseFormats.get(format);
  if (tokens === undefined) {
    const { name, description, schema } = format.json_schema;
    tokens = RESPONSE_FORMAT_OVERHEAD + context.countText(str(name) ?? '');
    if (typeof description === 'string') tokens += context.countText(description);
    if (schema !== undefined) tokens += context.countText(JSON.stringify(schema, withoutTitles));
    cache.responseFormats.set(format, tokens);
  }
  return tokens;
}

/** `title` annotations do not reach the model (the recorded count matches the schema without them). */
function withoutTitles(key: string, value: unknown): unknown {
  return key === 'title' && typeof value === 'string' ? undefined : value;
}

/**
 * Counts a body's prompt tokens by part. Message and tool counts are kept per frozen object, so a
 * body derived from a preset re-encodes only its new messages.
 */
export function countBody(body: Body, context: CountContext, cache: CountCache): BodyCount {
  const json = body as Json;
  const tools = countTools(json, context, cache);
  let messages = REPLY_PRIMING;
  let images = 0;
  let upperBound = false;
  let notCounted: NotCounted[] | undefined;
  let hasSystem = false;
  let padded = false;
  const list = Array.isArray(json.messages) ? (json.messages as unknown[]) : [];
  for (let index = 0; index < list.length; index++) {
    const message = list[index];
    if (!isObject(message)) continue;
    let count = cache.messages.get(message);
    if (count === undefined || count.notCounted.some((part) => !part.path.startsWith(`messages.${index}.`))) {
      count = countMessage(message, index, context);
      cache.messages.set(message, count);
    }
    messages += count.text;
    images += count.images;
    upperBound ||= count.upperBound;
    if (count.notCounted.length > 0) {
      notCounted ??= [];
      notCounted.push(...count.notCounted);
    }
    if (message.role === 'system') {
      // The namespace follows the first system message on a new line, which costs a token when
      // that message does not end with one.
      if (tools > 0 && !hasSystem && count.padsWithFunctions) padded = true;
      hasSystem = true;
    }
  }
  if (Array.isArray(json.tools)) {
    (json.tools as unknown[]).forEach((tool, index) => {
      if (isObject(tool) && tool.type === 'custom') {
        notCounted ??= [];
        notCounted.push({ path: `tools.${index}`, type: 'custom_tool' });
      }
    });
  }
  let toolTokens = tools;
  if (tools > 0) {
    if (hasSystem) toolTokens -= FUNCTIONS_IN_SYSTEM_SAVING;
    if (padded) toolTokens += 1;
  }
  toolTokens += countToolChoice(json, context);
  return {
    messages,
    tools: toolTokens,
    responseFormat: countResponseFormat(json, context, cache),
    images,
    upperBound,
    notCounted: notCounted ?? noneCounted,
  };
}
