// Fifty realistic requests (a system and a user message, the model's own parameters, one to three
// function tools with JSON Schema parameters, a tool choice, then send), written once as data and
// rendered twice: as chatwright chains and as the official `openai` package's `create()` calls. The
// type budget compares what the compiler pays for each (scripts/type-budget.ts).

/** A wire body's fields beside `model`, `messages`, `tools` and `tool_choice`, as both sides set them. */
type Fields = Readonly<Record<string, unknown>>;

/** One model and the parameters a request to it typically sets (each accepted by the model's rules). */
interface Profile {
  readonly model: string;
  readonly fields: Fields;
}

const sampling: Fields = {
  temperature: 0.3,
  top_p: 0.9,
  max_tokens: 256,
  stop: 'END',
  logprobs: true,
  top_logprobs: 2,
};
const reasoning: Fields = { max_completion_tokens: 256, reasoning_effort: 'high' };
const reasoningOff: Fields = { reasoning_effort: 'none', temperature: 0.3, max_completion_tokens: 256 };

const profiles: readonly Profile[] = [
  { model: 'gpt-4o', fields: sampling },
  { model: 'gpt-4o-mini', fields: sampling },
  { model: 'gpt-4.1', fields: sampling },
  { model: 'gpt-4.1-mini', fields: sampling },
  { model: 'o3', fields: reasoning },
  { model: 'o4-mini', fields: reasoning },
  { model: 'o3-mini', fields: reasoning },
  { model: 'o1', fields: { max_completion_tokens: 256 } },
  { model: 'gpt-5', fields: reasoning },
  { model: 'gpt-5-mini', fields: reasoning },
  { model: 'gpt-5.1', fields: reasoningOff },
  { model: 'gpt-5.2', fields: reasoningOff },
  {
    model: 'gpt-4o-audio-preview',
    fields: { modalities: ['text', 'audio'], audio: { voice: 'alloy', format: 'wav' } },
  },
  { model: 'gpt-4o-search-preview', fields: { web_search_options: { search_context_size: 'low' } } },
  { model: 'gpt-3.5-turbo', fields: sampling },
  { model: 'gpt-4-turbo', fields: sampling },
  { model: 'gpt-5.6-sol', fields: reasoningOff },
  { model: 'chatgpt-4o-latest', fields: sampling },
  { model: 'my-fine-tune', fields: sampling },
  { model: 'llama3.1:8b', fields: sampling },
];

interface FunctionTool {
  readonly name: string;
  readonly description: string;
  readonly parameters: Fields;
}

const tools: readonly FunctionTool[] = [
  {
    name: 'lookup_order',
    description: 'Finds an order by its id',
    parameters: {
      type: 'object',
      properties: { order_id: { type: 'string' } },
      required: ['order_id'],
      additionalProperties: false,
    },
  },
  {
    name: 'get_weather',
    description: 'The current weather in a city',
    parameters: {
      type: 'object',
      properties: { city: { type: 'string' }, unit: { type: 'string', enum: ['c', 'f'] } },
      required: ['city', 'unit'],
      additionalProperties: false,
    },
  },
  {
    name: 'search_docs',
    description: 'Searches the help center',
    parameters: {
      type: 'object',
      properties: { query: { type: 'string' }, limit: { type: 'integer', minimum: 1, maximum: 20 } },
      required: ['query', 'limit'],
      additionalProperties: false,
    },
  },
];

/** One request: its model's parameters, its tools, and its tool choice (a tool's name or a mode). */
interface Request {
  readonly profile: Profile;
  readonly system: string;
  readonly user: string;
  readonly tools: readonly FunctionTool[];
  readonly toolChoice: string;
}

const requests: readonly Request[] = Array.from({ length: 50 }, (_, i): Request => {
  const used = tools.slice(0, 1 + (i % tools.length));
  const choices = [used[used.length - 1]?.name ?? 'auto', 'auto', 'required'];
  return {
    profile: profiles[i % profiles.length] as Profile,
    system: `You are the support assistant of shop ${i}.`,
    user: `Where is my order ${1000 + i}?`,
    tools: used,
    toolChoice: choices[i % choices.length] as string,
  };
});

/** `value` as a programmer writes it in TypeScript: single quotes, bare keys. */
function text(value: unknown): string {
  if (typeof value === 'string') return `'${value}'`;
  if (Array.isArray(value)) return `[${value.map(text).join(', ')}]`;
  if (typeof value === 'object' && value !== null)
    return `{ ${Object.entries(value)
      .map(([key, item]) => `${key}: ${text(item)}`)
      .join(', ')} }`;
  return String(value);
}
const indent = (lines: readonly string[], by: string) => lines.map((line) => `${by}${line}`).join('\n');

/** The builder method that sets each wire field, and how it takes the value. */
const methods: Readonly<Record<string, (value: unknown) => string>> = {
  temperature: (value) => `.temperature(${text(value)})`,
  top_p: (value) => `.topP(${text(value)})`,
  max_tokens: (value) => `.maxTokens(${text(value)})`,
  max_completion_tokens: (value) => `.maxCompletionTokens(${text(value)})`,
  stop: (value) => `.stop(${text(value)})`,
  logprobs: () => '.logprobs()',
  top_logprobs: (value) => `.topLogprobs(${text(value)})`,
  reasoning_effort: (value) => `.reasoningEffort(${text(value)})`,
  modalities: (value) => `.modalities(${text(value)})`,
  audio: (value) => `.audio(${text(value)})`,
  web_search_options: (value) => `.webSearch(${text(value)})`,
};

function chatwrightChain(request: Request, index: number): string {
  const calls = [
    `.model(${text(request.profile.model)})`,
    `.system(${text(request.system)})`,
    `.user(${text(request.user)})`,
    ...Object.entries(request.profile.fields).map(([key, value]) => {
      const method = methods[key];
      if (method === undefined) throw new Error(`no builder method for ${key}`);
      return method(value);
    }),
    ...request.tools.map((tool) => `.tool(${text(tool)})`),
    `.toolChoice(${text(request.toolChoice)})`,
    '.send();',
  ];
  return `export const request${String(index).padStart(2, '0')} = chat()\n${indent(calls, '  ')}`;
}

function openaiCall(request: Request, index: number): string {
  const toolChoice =
    request.toolChoice === 'auto' || request.toolChoice === 'required'
      ? text(request.toolChoice)
      : text({ type: 'function', function: { name: request.toolChoice } });
  const fields = [
    `model: ${text(request.profile.model)},`,
    'messages: [',
    `  { role: 'system', content: ${text(request.system)} },`,
    `  { role: 'user', content: ${text(request.user)} },`,
    '],',
    ...Object.entries(request.profile.fields).map(([key, value]) => `${key}: ${text(value)},`),
    'tools: [',
    ...request.tools.map((tool) => `  { type: 'function', function: ${text(tool)} },`),
    '],',
    `tool_choice: ${toolChoice},`,
  ];
  return `export const request${String(index).padStart(2, '0')} = client.chat.completions.create({\n${indent(fields, '  ')}\n});`;
}

/** The fifty requests as chatwright chains, in a module that imports the package as a user does. */
export function chatwrightRequests(): string {
  return `import { chat } from 'chatwright';\n\n${requests.map(chatwrightChain).join('\n')}\n`;
}

/** The same fifty requests as the official `openai` package's `create()` calls. */
export function openaiRequests(): string {
  return `import OpenAI from 'openai';\n\nconst client = new OpenAI();\n\n${requests.map(openaiCall).join('\n')}\n`;
}
