import type { ChatCompletionChunk, ChatCompletionChunkToolCallDelta } from '../wire/chunk.js';
import { choiceIndex } from './chunk-assembler.js';
import type { ChunkReader } from './chunk-reader.js';
import { PartialJsonParser } from './partial-json-parser.js';
import { ToolCallSlots } from './tool-call-slots.js';

/**
 * A function tool call of the first choice while it streams: its name, and its `function.arguments`
 * parsed leniently so far (as {@link PartialJsonParser} reads them: a key or number still arriving is
 * left out). On a stream with schema tools the union of these over the tools is discriminated by
 * `name`, and `arguments` is the tool's argument type with every property optional.
 *
 * @example
 * for await (const calls of stream.toolCallPartials()) {
 *   for (const call of calls) if (call.name === 'get_weather') console.log(call.arguments?.city);
 * }
 */
export interface PartialToolCall<TName extends string = string, TArgs = unknown> {
  /** The call's place in the message's `tool_calls` (its delta `index`). */
  readonly index: number;
  /** The call id (empty until a delta carries it). */
  readonly id: string;
  readonly name: TName;
  /**
   * The arguments so far: `undefined` until something of them can be shown. Not validated (they
   * are incomplete): `final()` is. Arguments that are not JSON stay at their last readable value.
   */
  readonly arguments: TArgs | undefined;
}

interface CallState {
  id: string;
  readonly index: number;
  name: string;
  custom: boolean;
  readonly parser: PartialJsonParser;
  /** Whether every argument character so far was whitespace (no arguments at all read as `{}`). */
  blank: boolean;
  /** Whether the call opened or got its id or name since it was last handed out. */
  renamed: boolean;
  view: PartialToolCall | undefined;
}

/**
 * Follows the function tool calls of the first choice (index 0) chunk by chunk: `add()` returns the
 * list of every call so far, in index order, when a chunk changed what they show. A call whose view
 * did not change is the same object as in the list before, and successive arguments share unchanged
 * subtrees. Each chunk costs work proportional to its own arguments text; the list `end()` returns
 * holds each call's arguments as `final()` parses them (`{}` for a call sent without arguments).
 */
export class ToolCallPartials implements ChunkReader<readonly PartialToolCall[]> {
  readonly #slots = new ToolCallSlots<CallState>();
  /** Every call, in index order (remade only when a call opens). */
  #calls: CallState[] = [];
  #opened = false;
  readonly #open = (index: number): CallState => {
    this.#opened = true;
    return {
      id: '',
      index,
      name: '',
      custom: false,
      parser: new PartialJsonParser(),
      blank: true,
      renamed: true,
      view: undefined,
    };
  };

  add(chunk: ChatCompletionChunk): readonly PartialToolCall[] | undefined {
    const choices = chunk.choices;
    if (!Array.isArray(choices)) return undefined;
    let touched = false;
    for (let i = 0; i < choices.length; i++) {
      const choice = choices[i];
      const parts =
        choice !== undefined && choiceIndex(choice.index) === 0 ? choice.delta?.tool_calls : undefined;
      if (!Array.isArray(parts)) continue;
      for (const part of parts) {
        if (part !== undefined) addPart(this.#slots.of(part.index, part.id, this.#open), part);
        touched = true;
      }
    }
    if (!touched) return undefined;
    if (this.#opened) {
      this.#calls = this.#slots.sorted();
      this.#opened = false;
    }
    return anyNews(this.#calls, false) ? viewsOf(this.#calls, false) : undefined;
  }

  end(): readonly PartialToolCall[] | undefined {
    for (const call of this.#calls) call.parser.end();
    return anyNews(this.#calls, true) ? viewsOf(this.#calls, true) : undefined;
  }
}

function addPart(call: CallState, part: ChatCompletionChunkToolCallDelta): void {
  if (part.custom !== undefined || part.type === 'custom') call.custom = true;
  if (call.id !== (call.view?.id ?? '')) call.renamed = true;
  const fn = part.function;
  if (fn === undefined || fn === null) return;
  if (call.name === '' && fn.name) {
    call.name = fn.name;
    call.renamed = true;
  }
  const args = fn.arguments;
  if (typeof args === 'string' && args !== '') {
    call.parser.push(args);
    if (call.blank && args.trim() !== '') call.blank = false;
  }
}

/**
 * Whether a function call has something new to show: it opened or got its id or name, or its
 * arguments are due for a read (at the end: changed at all, or never sent). A loop, not `some()`
 * with an arrow: no closure made per chunk.
 */
function anyNews(calls: readonly CallState[], last: boolean): boolean {
  for (const call of calls) {
    if (call.custom) continue;
    if (call.renamed || (last ? call.parser.changed || isBlank(call) : call.parser.due)) return true;
  }
  return false;
}

/** Whether a finished call had no arguments at all: `final()` reads those as `{}`. */
function isBlank(call: CallState): boolean {
  return call.blank && call.view?.arguments === undefined;
}

/** The views of the function calls, new for each call that changed (all pending changes when `last`). */
function viewsOf(calls: readonly CallState[], last: boolean): PartialToolCall[] {
  const views: PartialToolCall[] = [];
  for (const call of calls) {
    if (call.custom) continue;
    const parser = call.parser;
    const fresh = last ? parser.changed : parser.due;
    let view = call.view;
    if (view === undefined || call.renamed || fresh || (last && isBlank(call))) {
      const args = fresh ? parser.value : last && isBlank(call) ? {} : view?.arguments;
      view = { index: call.index, id: call.id, name: call.name, arguments: args };
      call.view = view;
      call.renamed = false;
    }
    views.push(view);
  }
  return views;
}
