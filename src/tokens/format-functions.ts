/*
 * The text the API makes of function definitions before the model reads them: a TypeScript namespace
 * (`namespace functions { type get_weather = (_: { city: string }) => any; }`), as reverse-engineered
 * in OpenAI's cookbook discussions and hmarr/openai-chat-tokens, whose token counts match the API's.
 * Our own code, written from that description; only the layout matters, as only its tokens are used.
 */

type Schema = { readonly [key: string]: unknown };

/** A function as the formatter reads it (from `tools[].function` or the legacy `functions[]`). */
export interface FunctionShape {
  readonly name: string;
  readonly description?: string | undefined;
  readonly parameters?: Schema | undefined;
}

function isSchema(value: unknown): value is Schema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The TypeScript type of one JSON Schema property. */
function typeOf(schema: Schema, indent: number): string {
  const values = schema.enum;
  if (Array.isArray(values)) {
    return values
      .map((value) => (typeof value === 'string' ? JSON.stringify(value) : String(value)))
      .join(' | ');
  }
  switch (schema.type) {
    case 'string':
      return 'string';
    case 'integer':
    case 'number':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'null':
      return 'null';
    case 'array':
      return isSchema(schema.items) ? `${typeOf(schema.items, indent)}[]` : 'any[]';
    case 'object':
      return `{\n${properties(schema, indent + 2)}\n${' '.repeat(indent)}}`;
    default:
      return 'any';
  }
}

/** An object schema's properties, one a line, each after its description (top level only). */
function properties(schema: Schema, indent: number): string {
  const props = schema.properties;
  if (!isSchema(props)) return '';
  const required = new Set(Array.isArray(schema.required) ? schema.required : []);
  const pad = ' '.repeat(indent);
  const lines: string[] = [];
  for (const [name, value] of Object.entries(props)) {
    const prop = isSchema(value) ? value : {};
    if (typeof prop.description === 'string' && indent < 2) lines.push(`${pad}// ${prop.description}`);
    lines.push(`${pad}${name}${required.has(name) ? '' : '?'}: ${typeOf(prop, indent)},`);
  }
  return lines.join('\n');
}

/** The namespace text the API builds from a request's function definitions. */
export function formatFunctions(functions: readonly FunctionShape[]): string {
  const lines = ['namespace functions {', ''];
  for (const fn of functions) {
    if (fn.description) lines.push(`// ${fn.description}`);
    const params = fn.parameters;
    if (params === undefined || !isSchema(params.properties) || Object.keys(params.properties).length === 0) {
      lines.push(`type ${fn.name} = () => any;`);
    } else {
      lines.push(`type ${fn.name} = (_: {`, properties(params, 0), '}) => any;');
    }
    lines.push('');
  }
  lines.push('} // namespace functions');
  return lines.join('\n');
}
