import type {
  ChatCompletionChunk,
  ChatCompletionChunkChoice,
  ChatCompletionChunkDelta,
} from '../wire/chunk.js';
import type {
  ChatCompletion,
  ChatCompletionAudio,
  ChatCompletionChoice,
  ChatCompletionMessage,
  ChatCompletionMessageToolCall,
  ChatCompletionTokenLogprob,
  ChoiceLogprobs,
  ResponseServiceTier,
  Usage,
} from '../wire/response.js';
import { sortedByKey } from './sorted-by-key.js';
import { ToolCallSlots } from './tool-call-slots.js';

interface ToolCallState {
  id: string;
  type: string;
  name: string;
  /** Function arguments, or a custom tool's input. */
  args: string;
}

interface ChoiceState {
  index: number;
  content: string | null;
  refusal: string | null;
  reasoning: string | null;
  toolCalls: ToolCallSlots<ToolCallState> | undefined;
  functionCall: { name: string; arguments: string } | undefined;
  audio: { id: string; expires_at: number; data: string; transcript: string } | undefined;
  finishReason: string | null;
  /** Whether any chunk carried a non-null `logprobs` for this choice. */
  hasLogprobs: boolean;
  logprobsContent: ChatCompletionTokenLogprob[] | null;
  logprobsRefusal: ChatCompletionTokenLogprob[] | null;
  contentFilter: Record<string, unknown> | undefined;
}

/**
 * Folds stream chunks into the `ChatCompletion` a non-streaming request would have returned.
 *
 * Built for the hot path: each chunk mutates small per-choice records in place (no object spreads,
 * no array copies); strings are concatenated, which V8 does in O(1) with rope strings. The result
 * object is built once, at the end.
 *
 * Rules: `content`, `refusal`, tool-call `arguments` (custom tools' `input`), legacy
 * `function_call.arguments`, audio `data`/`transcript` and the non-OpenAI `reasoning_content` are
 * concatenated; tool calls are merged by their `index`, taking `id`, `type`
 * and `name` from the first delta that has them (a delta without `index` continues the last call,
 * unless it brings a new `id`: then it opens the next one); logprobs `content`/`refusal` arrays are appended;
 * choices are kept apart by their `index` (n > 1; any finite number, results in ascending order; a
 * missing or non-numeric index counts as 0); the last non-null `finish_reason` wins; `usage`
 * comes from the chunk that carries it (the final `choices: []` chunk); `id`, `model` and `created`
 * come from the first chunk that has a non-empty value (Azure's first chunk has `id: ""`).
 *
 * @example
 * const assembler = new ChunkAssembler();
 * for (const chunk of chunks) assembler.add(chunk);
 * const completion = assembler.result();
 */
export class ChunkAssembler {
  #id = '';
  #created = 0;
  #model = '';
  #systemFingerprint: string | null | undefined;
  #serviceTier: ResponseServiceTier | null | undefined;
  #usage: Usage | undefined;
  #promptFilterResults: unknown[] | undefined;
  // A Map, not an array: a server's choice index of -1, 0.5 or 5e7 must neither be dropped nor make a
  // huge sparse array that result() walks for seconds.
  readonly #choices = new Map<number, ChoiceState>();
  /** The choice of the last delta: with n = 1 every chunk hits it without a Map lookup. */
  #lastChoice: ChoiceState | undefined;
  /** How many chunks were added. */
  count = 0;

  /** Adds one chunk. */
  add(chunk: ChatCompletionChunk): void {
    this.count++;
    if (this.#id === '' && chunk.id) this.#id = chunk.id;
    if (this.#created === 0 && chunk.created) this.#created = chunk.created;
    if (this.#model === '' && chunk.model) this.#model = chunk.model;
    const fingerprint = chunk.system_fingerprint;
    if (fingerprint !== undefined && (fingerprint !== null || this.#systemFingerprint === undefined)) {
      this.#systemFingerprint = fingerprint;
    }
    const tier = chunk.service_tier;
    if (tier !== undefined && (tier !== null || this.#serviceTier === undefined)) this.#serviceTier = tier;
    if (chunk.usage) this.#usage = chunk.usage;
    if (chunk.prompt_filter_results !== undefined) this.#promptFilterResults = chunk.prompt_filter_results;
    const choices = chunk.choices;
    // Guarded because a non-conforming server may omit `choices`: such a chunk only adds metadata.
    if (!Array.isArray(choices)) return;
    for (let i = 0; i < choices.length; i++) {
      const choice = choices[i];
      if (choice !== undefined) this.#addChoice(choice);
    }
  }

  #addChoice(choice: ChatCompletionChunkChoice): void {
    const index = choiceIndex(choice.index);
    let state = this.#lastChoice?.index === index ? this.#lastChoice : this.#choices.get(index);
    if (state === undefined) {
      state = {
        index,
        content: null,
        refusal: null,
        reasoning: null,
        toolCalls: undefined,
        functionCall: undefined,
        audio: undefined,
        finishReason: null,
        hasLogprobs: false,
        logprobsContent: null,
        logprobsRefusal: null,
        contentFilter: undefined,
      };
      this.#choices.set(index, state);
    }
    this.#lastChoice = state;
    const delta = choice.delta;
    if (delta) addDelta(state, delta);
    if (choice.finish_reason) state.finishReason = choice.finish_reason;
    const logprobs = choice.logprobs;
    if (logprobs) {
      state.hasLogprobs = true;
      if (logprobs.content) state.logprobsContent = append(state.logprobsContent, logprobs.content);
      if (logprobs.refusal) state.logprobsRefusal = append(state.logprobsRefusal, logprobs.refusal);
    }
    if (choice.content_filter_results !== undefined && hasKeys(choice.content_filter_results)) {
      state.contentFilter = choice.content_filter_results;
    }
  }

  /** The completion assembled from every chunk added so far. */
  result(): ChatCompletion {
    const choices: ChatCompletionChoice[] = [];
    for (const state of sortedByKey(this.#choices)) choices.push(buildChoice(state));
    const completion: ChatCompletion = {
      id: this.#id,
      object: 'chat.completion',
      created: this.#created,
      model: this.#model,
      choices,
    };
    if (this.#usage !== undefined) completion.usage = this.#usage;
    if (this.#systemFingerprint !== undefined) completion.system_fingerprint = this.#systemFingerprint;
    if (this.#serviceTier !== undefined) completion.service_tier = this.#serviceTier;
    if (this.#promptFilterResults !== undefined) completion.prompt_filter_results = this.#promptFilterResults;
    return completion;
  }
}

function addDelta(state: ChoiceState, delta: ChatCompletionChunkDelta): void {
  const content = delta.content;
  if (typeof content === 'string') state.content = state.content === null ? content : state.content + content;
  const refusal = delta.refusal;
  if (typeof refusal === 'string') state.refusal = state.refusal === null ? refusal : state.refusal + refusal;
  const reasoning = delta.reasoning_content;
  if (typeof reasoning === 'string') {
    state.reasoning = state.reasoning === null ? reasoning : state.reasoning + reasoning;
  }
  const toolCalls = delta.tool_calls;
  if (toolCalls) {
    state.toolCalls ??= new ToolCallSlots();
    const calls = state.toolCalls;
    for (let i = 0; i < toolCalls.length; i++) {
      const part = toolCalls[i];
      if (part === undefined) continue;
      const call = calls.of(part.index, part.id, newToolCall);
      if (call.type === '' && part.type) call.type = part.type;
      const fn = part.function;
      if (fn) {
        if (call.name === '' && fn.name) call.name = fn.name;
        if (typeof fn.arguments === 'string') call.args += fn.arguments;
      } else if (part.custom) {
        if (call.type === '') call.type = 'custom';
        if (call.name === '' && part.custom.name) call.name = part.custom.name;
        if (typeof part.custom.input === 'string') call.args += part.custom.input;
      }
    }
  }
  const functionCall = delta.function_call;
  if (functionCall) {
    state.functionCall ??= { name: '', arguments: '' };
    const merged = state.functionCall;
    if (merged.name === '' && functionCall.name) merged.name = functionCall.name;
    if (typeof functionCall.arguments === 'string') merged.arguments += functionCall.arguments;
  }
  const audio = delta.audio;
  if (audio) {
    state.audio ??= { id: '', expires_at: 0, data: '', transcript: '' };
    const merged = state.audio;
    if (audio.id) merged.id = audio.id;
    if (audio.expires_at) merged.expires_at = audio.expires_at;
    if (typeof audio.data === 'string') merged.data += audio.data;
    if (typeof audio.transcript === 'string') merged.transcript += audio.transcript;
  }
}

function newToolCall(): ToolCallState {
  return { id: '', type: '', name: '', args: '' };
}

/** A choice's key: its `index` when it is a finite number (negative and fractional kept), else 0. */
export function choiceIndex(index: unknown): number {
  return typeof index === 'number' && Number.isFinite(index) ? index : 0;
}

function append(
  target: ChatCompletionTokenLogprob[] | null,
  items: ChatCompletionTokenLogprob[],
): ChatCompletionTokenLogprob[] {
  // Copied once per choice, because later pushes must not change a chunk the caller was given.
  if (target === null) return items.slice();
  for (let i = 0; i < items.length; i++) target.push(items[i] as ChatCompletionTokenLogprob);
  return target;
}

function hasKeys(value: object): boolean {
  for (const _ in value) return true;
  return false;
}

function buildChoice(state: ChoiceState): ChatCompletionChoice {
  const message: ChatCompletionMessage = {
    role: 'assistant',
    content: state.content,
    refusal: state.refusal,
  };
  if (state.toolCalls !== undefined) {
    const toolCalls: ChatCompletionMessageToolCall[] = [];
    for (const call of state.toolCalls.sorted()) {
      toolCalls.push(
        call.type === 'custom'
          ? { id: call.id, type: 'custom', custom: { name: call.name, input: call.args } }
          : { id: call.id, type: 'function', function: { name: call.name, arguments: call.args } },
      );
    }
    message.tool_calls = toolCalls;
  }
  if (state.reasoning !== null) message.reasoning_content = state.reasoning;
  if (state.functionCall !== undefined) message.function_call = state.functionCall;
  if (state.audio !== undefined) message.audio = state.audio satisfies ChatCompletionAudio;
  const logprobs: ChoiceLogprobs | null = state.hasLogprobs
    ? { content: state.logprobsContent, refusal: state.logprobsRefusal }
    : null;
  const choice: ChatCompletionChoice = {
    index: state.index,
    message,
    finish_reason: state.finishReason,
    logprobs,
  };
  if (state.contentFilter !== undefined) choice.content_filter_results = state.contentFilter;
  return choice;
}
