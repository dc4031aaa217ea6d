import type { TemplateSlots } from '../template/template-slots.js';
import type { ChatMessage, PartialChatCompletionRequest } from '../wire/request.js';
import { PRESET_FORMAT, type PresetDocument, type PresetTemplate } from './preset-document.js';

/**
 * A builder's preset document: its body with the template texts as written, where the templates
 * are with what is filled, the unfilled names, and the provider-specific fields. Frozen, and JSON
 * through and through (the body and extras already are).
 */
export function toPresetDocument(
  body: Readonly<PartialChatCompletionRequest>,
  extra: Readonly<Record<string, unknown>>,
  templates: TemplateSlots | undefined,
): PresetDocument<never> {
  const located = templates?.located((body.messages ?? []) as readonly ChatMessage[]) ?? [];
  const records = located.map(({ slot, path }): PresetTemplate => {
    const values = Object.keys(slot.values).length > 0 ? { values: Object.freeze({ ...slot.values }) } : {};
    return Object.freeze({ path, ...values });
  });
  const document: PresetDocument<string> = {
    chatwright: PRESET_FORMAT,
    request: body,
    ...(records.length > 0 ? { templates: Object.freeze(records) } : {}),
    variables: Object.freeze([...(templates?.unfilled ?? [])]),
    ...(Object.keys(extra).length > 0 ? { extra } : {}),
  };
  // The variable names are the builder type's; the caller (toPreset) states them.
  return Object.freeze(document) as PresetDocument<never>;
}
