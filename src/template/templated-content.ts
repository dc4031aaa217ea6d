import { isTemplate, type Template } from './template.js';
import { WHOLE_CONTENT } from './template-slots.js';

/** Message content with its templates replaced by their text, and where each template was. */
export interface TemplatedContent {
  readonly content: string | readonly unknown[];
  readonly templates: readonly { readonly part: number; readonly template: Template }[];
}

/**
 * `content` (a message method's argument) as wire content, when it holds a template with variables:
 * a `template()` itself, or content parts with `textPart(template(...))`. `undefined` when it holds
 * none, so plain content takes the usual path untouched. A template without variables is plain text.
 */
export function templatedContent(content: unknown): TemplatedContent | undefined {
  if (isTemplate(content)) {
    const templates = content.variables.length > 0 ? [{ part: WHOLE_CONTENT, template: content }] : [];
    return { content: content.text, templates };
  }
  if (!Array.isArray(content) || !content.some(isTemplatePart)) return undefined;
  const templates: { part: number; template: Template }[] = [];
  const parts = content.map((part: unknown, index) => {
    if (!isTemplatePart(part)) return part;
    if (part.text.variables.length > 0) templates.push({ part: index, template: part.text });
    return { ...part, text: part.text.text };
  });
  return { content: parts, templates };
}

function isTemplatePart(part: unknown): part is { readonly type: 'text'; readonly text: Template } {
  return typeof part === 'object' && part !== null && isTemplate((part as { text?: unknown }).text);
}
