import { sortedByKey } from './sorted-by-key.js';

/** What a slot holds: a call whose `id` is set by the first delta that has one. */
interface Slotted {
  id: string;
}

/**
 * The tool calls of one choice, by the `index` of their deltas: shared by the chunk assembler and the
 * tool-call partials, so both put a delta into the same call.
 *
 * With an `index`, a delta goes to the call at that index. Without one (Gemini's OpenAI-compatible API
 * sends parallel calls in separate chunks, none indexed): a delta with an id not seen yet opens the
 * next slot, one past the highest index so far; a delta with no id (or the id of the last call)
 * continues the last call opened. Every lookup is a Map access: no cost grows with the calls so far.
 */
export class ToolCallSlots<T extends Slotted> {
  /** By index (a Map: an index of 5e7 must not make a 5e7-slot array). */
  readonly #byIndex = new Map<number, T>();
  /** The first call that got each id. */
  readonly #byId = new Map<string, T>();
  /** The call that an index-less delta without a new id continues. */
  #last: T | undefined;
  /** The slot an index-less delta with a new id opens. */
  #next = 0;

  /** The call a delta goes to, opened with `open()` when new; takes the delta's `id` if it has none yet. */
  of(rawIndex: unknown, id: string | undefined, open: (index: number) => T): T {
    const call = this.#find(rawIndex, id, open);
    if (call.id === '' && id) {
      call.id = id;
      if (!this.#byId.has(id)) this.#byId.set(id, call);
    }
    return call;
  }

  /** The calls in ascending index order. */
  sorted(): T[] {
    return sortedByKey(this.#byIndex);
  }

  #find(rawIndex: unknown, id: string | undefined, open: (index: number) => T): T {
    let index: number;
    if (typeof rawIndex === 'number' && Number.isFinite(rawIndex)) {
      index = rawIndex;
    } else {
      const last = this.#last;
      if (last !== undefined && (!id || last.id === '' || last.id === id)) return last;
      const known = id ? this.#byId.get(id) : undefined;
      if (known !== undefined) return known;
      index = this.#next;
    }
    let call = this.#byIndex.get(index);
    if (call === undefined) {
      call = open(index);
      this.#byIndex.set(index, call);
      if (index >= this.#next) this.#next = Math.floor(index) + 1;
    }
    this.#last = call;
    return call;
  }
}
