import type { ValidationIssue } from '../errors/validation-error.js';
import type { ChatMessage } from '../wire/request.js';
import type { Template } from './template.js';

/** `-1` as a slot's part: the template is the message's whole `content` string. */
export const WHOLE_CONTENT = -1;

/**
 * One template in a builder's messages: the message that holds it (the very object in the body), where
 * in it (the content string, or a text part's index), and the values filled in so far.
 */
export interface TemplateSlot {
  readonly message: ChatMessage;
  readonly part: number;
  readonly template: Template;
  readonly values: Readonly<Record<string, string>>;
}

/** Where a slot's text is, as a dotted path into the wire body. */
export function slotPath(messageIndex: number, part: number): string {
  return part === WHOLE_CONTENT
    ? `messages.${messageIndex}.content`
    : `messages.${messageIndex}.content.${part}.text`;
}

/**
 * The templates of a builder, kept beside its body. The body holds each template's text as written
 * (`{{name}}` included); the wire body (`toJSON()`, what is sent) is the body with every slot rendered.
 * Once every variable is filled the builder renders its messages into the body once and drops these,
 * so a filled builder sends exactly as one that never had templates.
 */
export class TemplateSlots {
  readonly slots: readonly TemplateSlot[];
  /**
   * A `when()` branch that did not run may have added templates: names that no template has are then
   * let through by `vars()` (the types still check them), instead of failing a program that compiles.
   */
  readonly lenient: boolean;
  /** The names some slot still lacks a value for. */
  readonly unfilled: ReadonlySet<string>;

  constructor(slots: readonly TemplateSlot[], lenient: boolean) {
    this.slots = Object.freeze(slots);
    this.lenient = lenient;
    const unfilled = new Set<string>();
    for (const slot of slots) {
      for (const name of slot.template.variables) if (!Object.hasOwn(slot.values, name)) unfilled.add(name);
    }
    this.unfilled = unfilled;
  }

  /** These slots, letting unknown names through `vars()` (after a skipped `when()` branch). */
  asLenient(): TemplateSlots {
    return new TemplateSlots(this.slots, true);
  }

  /** These slots and `added`, each with no value yet. */
  with(added: readonly Omit<TemplateSlot, 'values'>[]): TemplateSlots {
    const fresh = added.map((slot): TemplateSlot => ({ ...slot, values: Object.freeze({}) }));
    return new TemplateSlots([...this.slots, ...fresh], this.lenient);
  }

  /** Every slot lacking one of `values`' names gets it (`values` checked by the caller). */
  fill(values: Readonly<Record<string, string>>): TemplateSlots {
    const slots = this.slots.map((slot) => {
      const added: Record<string, string> = {};
      let changed = false;
      for (const name of slot.template.variables) {
        if (Object.hasOwn(values, name) && !Object.hasOwn(slot.values, name)) {
          added[name] = values[name] as string;
          changed = true;
        }
      }
      return changed ? { ...slot, values: Object.freeze({ ...slot.values, ...added }) } : slot;
    });
    return new TemplateSlots(slots, this.lenient);
  }

  /**
   * `messages` with every slot's text rendered from its template (a name without a value keeps its
   * `{{name}}`): new frozen message objects where a slot is, the others shared.
   */
  render(messages: readonly ChatMessage[]): readonly ChatMessage[] {
    const byMessage = this.#byMessage();
    return Object.freeze(
      messages.map((message) => {
        const slots = byMessage.get(message);
        return slots === undefined ? message : renderMessage(message, slots);
      }),
    );
  }

  /** One issue per unfilled variable of each slot, at the slot's path in `messages`. */
  missing(messages: readonly ChatMessage[]): ValidationIssue[] {
    const issues: ValidationIssue[] = [];
    this.#each(messages, (slot, path) => {
      for (const name of slot.template.variables) {
        if (Object.hasOwn(slot.values, name)) continue;
        issues.push({
          path,
          message: `no value for the template variable {{${name}}}: call .vars({ ${name} })`,
          input: slot.template.text,
        });
      }
    });
    return issues;
  }

  /** Calls `visit` with each slot and its path in `messages`, in message order. */
  #each(messages: readonly ChatMessage[], visit: (slot: TemplateSlot, path: string) => void): void {
    const byMessage = this.#byMessage();
    messages.forEach((message, index) => {
      for (const slot of byMessage.get(message) ?? []) visit(slot, slotPath(index, slot.part));
    });
  }

  /** Each slot with its path (for a preset document), in message order. */
  located(messages: readonly ChatMessage[]): { slot: TemplateSlot; path: string }[] {
    const out: { slot: TemplateSlot; path: string }[] = [];
    this.#each(messages, (slot, path) => out.push({ slot, path }));
    return out;
  }

  #byMessage(): Map<ChatMessage, TemplateSlot[]> {
    const byMessage = new Map<ChatMessage, TemplateSlot[]>();
    for (const slot of this.slots) {
      const list = byMessage.get(slot.message);
      if (list === undefined) byMessage.set(slot.message, [slot]);
      else list.push(slot);
    }
    return byMessage;
  }
}

/** No templates yet, but a skipped `when()` branch may have had some (see `lenient`). */
export const lenientSlots = new TemplateSlots([], true);

function renderMessage(message: ChatMessage, slots: readonly TemplateSlot[]): ChatMessage {
  const whole = slots.find((slot) => slot.part === WHOLE_CONTENT);
  if (whole !== undefined) {
    return Object.freeze({ ...message, content: whole.template.render(whole.values) }) as ChatMessage;
  }
  const parts = [...((message as { content: readonly { type: string }[] }).content ?? [])];
  for (const slot of slots) {
    const part = parts[slot.part] as { type: 'text'; text: string };
    parts[slot.part] = Object.freeze({ ...part, text: slot.template.render(slot.values) });
  }
  return Object.freeze({ ...message, content: Object.freeze(parts) }) as ChatMessage;
}
