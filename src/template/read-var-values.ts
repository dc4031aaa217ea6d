import { ValidationError, type ValidationIssue } from '../errors/validation-error.js';
import { isJsonObject } from '../schema/primitives.js';
import type { TemplateSlots } from './template-slots.js';

/**
 * The values of a `.vars()` call as text, checked against the builder's templates: an object of
 * strings or finite numbers (written as `String(n)`), each naming a variable some template leaves
 * unfilled. A skipped `when()` branch may have held a template, so then unknown names are let through.
 *
 * @throws {ValidationError} listing every bad name and value.
 */
export function readVarValues(values: unknown, slots: TemplateSlots | undefined): Record<string, string> {
  if (!isJsonObject(values)) {
    throw new ValidationError(
      [{ path: '', message: 'vars() takes an object of variable values', input: values }],
      'Invalid vars()',
    );
  }
  const issues: ValidationIssue[] = [];
  // No prototype: a JavaScript caller's `__proto__` key stays a key (and is refused below).
  const text: Record<string, string> = Object.create(null);
  for (const name of Object.keys(values)) {
    const value = (values as Record<string, unknown>)[name];
    if (typeof value === 'string') text[name] = value;
    else if (typeof value === 'number' && Number.isFinite(value)) text[name] = String(value);
    else {
      issues.push({ path: name, message: `{{${name}}} must be a string or a finite number`, input: value });
      continue;
    }
    if (slots?.unfilled.has(name) === true || slots?.lenient === true) continue;
    const filled = slots?.slots.some((slot) => slot.template.variables.includes(name)) === true;
    issues.push({
      path: name,
      message: filled
        ? `{{${name}}} is already filled: a variable is filled once`
        : `no template of this builder has {{${name}}}${unfilledHint(slots)}`,
      input: value,
    });
  }
  if (issues.length > 0) throw new ValidationError(issues, 'Invalid vars()');
  return text;
}

function unfilledHint(slots: TemplateSlots | undefined): string {
  const names = [...(slots?.unfilled ?? [])];
  return names.length === 0
    ? ' (it has no unfilled variables)'
    : ` (unfilled: ${names.map((name) => `{{${name}}}`).join(', ')})`;
}
