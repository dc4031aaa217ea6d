import { freeze } from 'immer';
import type { ToolArgumentsError } from '../errors/tool-arguments-error.js';
import { ValidationError, type ValidationIssue } from '../errors/validation-error.js';
import { bodyText } from '../internal/body-text.js';
import { immer } from '../internal/immer.js';
import { type LoopSubject, runToolLoop } from '../loop/run-tool-loop.js';
import type { RunOptions } from '../loop/run-types.js';
import { declarationsVersion } from '../models/declared-models.js';
import { copyCallerData } from '../params/copy-caller-data.js';
import {
  type AssistantMessageInit,
  assistantMessage,
  developerMessage,
  functionMessage,
  type MessageOptions,
  systemMessage,
  toolMessage,
  userMessage,
} from '../params/messages.js';
import {
  type CustomToolInit,
  customTool,
  type FunctionToolInit,
  functionCall,
  functionTool,
  toolChoice,
} from '../params/tools.js';
import { toPresetDocument } from '../preset/to-preset-document.js';
import { copyJson } from '../schema/copy-json.js';
import { knownRequestFields } from '../schema/known-request-fields.js';
import { isJsonObject } from '../schema/primitives.js';
import type { RequestValidation } from '../schema/request-validation.js';
import { toValidationError } from '../schema/to-validation-error.js';
import { validateRequest } from '../schema/validate-request.js';
import { validationPassed } from '../schema/validation-result.js';
import { type ChatStream, failedStream } from '../stream/chat-stream.js';
import type { ChatTool } from '../structured/chat-tool.js';
import { type CompiledSchema, compileSchema } from '../structured/compile-schema.js';
import { type ParseSpec, parseCompletion } from '../structured/parse-completion.js';
import { ParsedChatStream } from '../structured/parsed-chat-stream.js';
import type { ParsedChatCompletion } from '../structured/parsed-completion.js';
import { isStandardSchema, type StandardSchema } from '../structured/standard-schema.js';
import { assertStrictJsonSchema } from '../structured/strict-json-schema.js';
import { missingVariablesResult } from '../template/missing-variables-result.js';
import { readVarValues } from '../template/read-var-values.js';
import { lenientSlots, TemplateSlots } from '../template/template-slots.js';
import { templatedContent } from '../template/templated-content.js';
import { isChatTool, tool as makeTool, type ToolOptions } from '../tools/tool.js';
import type { SendOptions } from '../transport/send-options.js';
import type {
  ChatCompletionRequest,
  ChatMessage,
  JsonSchema,
  ResponseFormatJsonSchema,
  Tool,
  ToolChoice,
} from '../wire/request.js';
import type { ChatCompletion } from '../wire/response.js';
import type { Body, BodyNode } from './body-node.js';
import type { JsonSchemaOptions } from './chat-builder.js';
import type { Dispatcher, RequestMeta } from './dispatcher.js';
import { toBatchLine } from './to-batch-line.js';

type Extra = Readonly<Record<string, unknown>>;

const emptyExtra: Extra = freeze({});
const emptySlots = new TemplateSlots([], false);
/** What a builder knows about itself that is not sent: its `.name()`. */
type BuilderMeta = RequestMeta;
const noMeta: BuilderMeta = Object.freeze({ name: undefined });
/** What a builder parses responses with; it stays out of the wire body (schemas are not JSON). */
const noSchemas: ParseSpec = Object.freeze({ output: undefined, tools: new Map<string, ChatTool>() });

/**
 * The class behind the public {@link ChatBuilder} interface. Loosely typed on purpose: the interface
 * carries the type-state and the documentation; this stays small and plain.
 *
 * The state is the wire body (a {@link BodyNode}: each call records its change, and the frozen body is
 * made by one immer `produce` when first needed, unchanged fields shared with the builder it came
 * from), plus provider-specific fields kept apart from it. New values are deep-frozen at the call, so
 * nothing a caller passes in can change the builder afterwards.
 */
export class ChatBuilderImpl {
  readonly #node: BodyNode;
  readonly #extra: Extra;
  readonly #dispatcher: () => Dispatcher;
  readonly #schemas: ParseSpec;
  /** The templates in the messages while a variable is unfilled; `undefined` for a request. */
  readonly #templates: TemplateSlots | undefined;
  readonly #meta: BuilderMeta;
  // Builders never change, so what is derived from one can be computed once.
  #json: Readonly<Record<string, unknown>> | undefined;
  #validation: RequestValidation | undefined;
  /** The model declarations `#validation` was made under (a `defineModels()` call can change it). */
  #validatedWith = 0;

  constructor(
    dispatcher: () => Dispatcher,
    node: BodyNode,
    extra: Extra = emptyExtra,
    schemas = noSchemas,
    templates: TemplateSlots | undefined = undefined,
    meta = noMeta,
  ) {
    this.#dispatcher = dispatcher;
    this.#node = node;
    this.#extra = extra;
    this.#schemas = schemas;
    this.#templates = templates;
    this.#meta = meta;
  }

  #set<K extends keyof Body>(key: K, value: Body[K], schemas = this.#schemas): ChatBuilderImpl {
    return new ChatBuilderImpl(
      this.#dispatcher,
      this.#node.set(key, deepFrozen(value)),
      this.#extra,
      schemas,
      this.#templates,
      this.#meta,
    );
  }

  /**
   * This builder with some parts replaced, every part not named kept: a derivation cannot drop a part
   * by forgetting to pass it on (templates, say). `#set` and `#push`, the paths every call takes, call
   * the constructor themselves.
   */
  #derive(parts: {
    readonly node?: BodyNode;
    readonly extra?: Extra;
    readonly schemas?: ParseSpec;
    readonly templates?: TemplateSlots | undefined;
    readonly meta?: BuilderMeta;
  }): ChatBuilderImpl {
    return new ChatBuilderImpl(
      this.#dispatcher,
      parts.node ?? this.#node,
      parts.extra ?? this.#extra,
      parts.schemas ?? this.#schemas,
      'templates' in parts ? parts.templates : this.#templates,
      parts.meta ?? this.#meta,
    );
  }

  /** Appends to an array field (messages, tools, functions) without reading the body made so far. */
  #push(
    key: 'messages' | 'tools' | 'functions',
    items: readonly unknown[],
    schemas = this.#schemas,
    templates = this.#templates,
  ) {
    const node = this.#node.append(key, Object.freeze(items.map(deepFrozen)));
    return new ChatBuilderImpl(this.#dispatcher, node, this.#extra, schemas, templates, this.#meta);
  }

  /** Whether a template variable is unfilled: the builder is a preset, not a request. */
  #unfilled(): boolean {
    return this.#templates !== undefined && this.#templates.unfilled.size > 0;
  }

  /** The frozen wire body (made on first use). */
  get #body(): Readonly<Body> {
    return this.#node.body();
  }

  /** The schemas with the response format's replaced (`undefined`: the output is not parsed). */
  #withOutput(output: CompiledSchema | undefined): ParseSpec {
    return output === this.#schemas.output ? this.#schemas : { output, tools: this.#schemas.tools };
  }

  #append(message: ChatMessage): ChatBuilderImpl {
    return this.#push('messages', [message]);
  }

  #appendTool(tool: Tool, schemas = this.#schemas): ChatBuilderImpl {
    return this.#push('tools', [tool], schemas);
  }

  // ---- model and messages

  model(id: string) {
    return this.#set('model', id);
  }
  system(content: string, options?: MessageOptions) {
    return this.#message(systemMessage, content, options);
  }
  developer(content: string, options?: MessageOptions) {
    return this.#message(developerMessage, content, options);
  }
  user(content: string, options?: MessageOptions) {
    return this.#message(userMessage, content, options);
  }
  assistant(content: string | AssistantMessageInit) {
    return this.#message(assistantMessage, content, undefined);
  }

  /**
   * Appends the message `make` builds from `content`. Content holding a `template()` is written with
   * the template's text, and the template is recorded beside the body (see TemplateSlots).
   */
  #message<TContent>(
    make: (content: TContent, options?: MessageOptions) => ChatMessage,
    content: TContent,
    options: MessageOptions | undefined,
  ) {
    // Plain text first and untouched: the path every request without templates takes.
    const templated = typeof content === 'string' ? undefined : templatedContent(content);
    if (templated === undefined) return this.#append(make(content, options));
    const message = make(templated.content as TContent, options);
    if (templated.templates.length === 0) return this.#append(message);
    const slots = (this.#templates ?? emptySlots).with(
      templated.templates.map(({ part, template }) => ({ message, part, template })),
    );
    return this.#push('messages', [message], this.#schemas, slots);
  }

  vars(values: Record<string, string | number>) {
    const filled = readVarValues(values, this.#templates);
    const templates = this.#templates?.fill(filled);
    if (templates === undefined || templates.slots.length === 0) return this;
    return this.withTemplates(templates);
  }

  /**
   * This builder with `templates` for its messages' templates (not public: `ChatBuilder` does not
   * show it; `vars()` and `chat.fromPreset()` use it). With a variable unfilled, the builder is a
   * preset holding them; with every one filled, the messages are rendered into the body once, and the
   * builder is a request like any other from here (validated, spliced and sent by the usual paths).
   */
  withTemplates(templates: TemplateSlots): ChatBuilderImpl {
    if (templates.slots.length === 0) return this.#derive({ templates: undefined });
    if (templates.unfilled.size > 0) return this.#derive({ templates });
    const messages = templates.render(this.#body.messages ?? []);
    return this.#derive({ node: this.#node.set('messages', messages), templates: undefined });
  }

  toPreset() {
    return toPresetDocument(this.#body, this.#extra, this.#templates);
  }
  toolResult(toolCallId: string, content: string) {
    return this.#append(toolMessage(toolCallId, content));
  }
  functionResult(name: string, content: string | null) {
    return this.#append(functionMessage(name, content));
  }
  messages(messages: readonly ChatMessage[]) {
    const copied = copyCallerData(messages, 'messages');
    if (!Array.isArray(copied)) {
      throw new ValidationError([
        { path: 'messages', message: 'messages() takes an array of messages', input: messages },
      ]);
    }
    return this.#push('messages', copied);
  }

  // ---- sampling

  temperature(value: number) {
    return this.#set('temperature', value);
  }
  topP(value: number) {
    return this.#set('top_p', value);
  }
  frequencyPenalty(value: number) {
    return this.#set('frequency_penalty', value);
  }
  presencePenalty(value: number) {
    return this.#set('presence_penalty', value);
  }
  logitBias(bias: Record<string, number>) {
    return this.#set('logit_bias', copyCallerData(bias, 'logit_bias'));
  }
  seed(value: number) {
    return this.#set('seed', value);
  }
  n(count: number) {
    return this.#set('n', count);
  }
  stop(sequences: string | readonly string[]) {
    return this.#set(
      'stop',
      typeof sequences === 'string' ? sequences : copyCallerData(sequences as string[], 'stop'),
    );
  }
  logprobs(on = true) {
    return this.#set('logprobs', on);
  }
  topLogprobs(count: number) {
    return this.#set('top_logprobs', count);
  }

  // ---- output limits and shape

  maxCompletionTokens(count: number) {
    return this.#set('max_completion_tokens', count);
  }
  maxTokens(count: number) {
    return this.#set('max_tokens', count);
  }
  modalities(modalities: ChatCompletionRequest['modalities']) {
    return this.#set('modalities', copyCallerData(modalities, 'modalities'));
  }
  audio(audio: ChatCompletionRequest['audio']) {
    return this.#set('audio', copyCallerData(audio, 'audio'));
  }
  verbosity(value: ChatCompletionRequest['verbosity']) {
    return this.#set('verbosity', value);
  }
  reasoningEffort(effort: ChatCompletionRequest['reasoning_effort']) {
    return this.#set('reasoning_effort', effort);
  }
  prediction(content: unknown) {
    const prediction =
      typeof content === 'string' || Array.isArray(content)
        ? { type: 'content' as const, content: copyCallerData(content, 'prediction.content') }
        : copyCallerData(content, 'prediction');
    return this.#set('prediction', prediction as ChatCompletionRequest['prediction']);
  }

  // ---- response formats

  jsonSchema(schema: Record<string, unknown>, options: JsonSchemaOptions) {
    // A Standard Schema is converted (and parses the answers); a JSON Schema is sent as given, and
    // checked against strict mode's rules when it is sent as strict (the default).
    const strict = options?.strict ?? true;
    const compiled = isStandardSchema(schema) ? compileSchema(schema, options?.name, strict) : undefined;
    const json_schema: ResponseFormatJsonSchema['json_schema'] = {
      name: options?.name,
      schema: compiled?.jsonSchema ?? rawJsonSchema(schema, options?.name, strict),
      strict: compiled?.strict ?? strict,
    };
    if (options?.description !== undefined) json_schema.description = options.description;
    return this.#set('response_format', { type: 'json_schema', json_schema }, this.#withOutput(compiled));
  }
  jsonObject() {
    return this.#set('response_format', { type: 'json_object' }, this.#withOutput(undefined));
  }
  textFormat() {
    return this.#set('response_format', { type: 'text' }, this.#withOutput(undefined));
  }
  responseFormat(format: ChatCompletionRequest['response_format']) {
    const copied = copyCallerData(format, 'response_format');
    return this.#set('response_format', copied, this.#withOutput(undefined));
  }

  // ---- tools

  tool(init: FunctionToolInit | ChatTool | ToolOptions<string, StandardSchema, unknown>) {
    // `{ name, parameters: schema }` is what users of other SDKs write first: made into a tool as tool() does.
    const tool = isStandardSchema((init as { parameters?: unknown } | null)?.parameters)
      ? makeTool(init as ToolOptions<string, StandardSchema, unknown>)
      : (init as FunctionToolInit | ChatTool);
    if (isChatTool(tool)) {
      // The definition was computed, checked and frozen by tool(); only the name -> tool map grows.
      const tools = new Map(this.#schemas.tools).set(tool.name, tool);
      return this.#appendTool(tool.definition, { output: this.#schemas.output, tools });
    }
    return this.#appendTool(functionTool(tool));
  }
  customTool(tool: CustomToolInit) {
    return this.#appendTool(customTool(tool));
  }
  toolChoice(choice: unknown) {
    return this.#set(
      'tool_choice',
      toolChoice(choice, () => this.#body.tools),
    );
  }
  parallelToolCalls(on = true) {
    return this.#set('parallel_tool_calls', on);
  }
  functions(functions: ChatCompletionRequest['functions']) {
    const copied: unknown = copyCallerData(functions, 'functions');
    // Anything but an array replaces the field, for validation to report with its path.
    return Array.isArray(copied)
      ? this.#push('functions', copied)
      : this.#set('functions', copied as ChatCompletionRequest['functions']);
  }
  functionCall(choice: unknown) {
    return this.#set('function_call', functionCall(choice) as ChatCompletionRequest['function_call']);
  }
  webSearch(options: ChatCompletionRequest['web_search_options'] = {}) {
    return this.#set('web_search_options', copyCallerData(options, 'web_search_options'));
  }

  // ---- streaming

  stream(on = true) {
    return this.#set('stream', on);
  }
  streamOptions(options: ChatCompletionRequest['stream_options']) {
    return this.#set('stream_options', copyCallerData(options, 'stream_options'));
  }

  // ---- platform

  store(on = true) {
    return this.#set('store', on);
  }
  metadata(metadata: Record<string, string>) {
    return this.#set('metadata', copyCallerData(metadata, 'metadata'));
  }
  serviceTier(tier: ChatCompletionRequest['service_tier']) {
    return this.#set('service_tier', tier);
  }
  promptCacheKey(key: string) {
    return this.#set('prompt_cache_key', key);
  }
  promptCacheRetention(retention: ChatCompletionRequest['prompt_cache_retention']) {
    return this.#set('prompt_cache_retention', retention);
  }
  promptCacheOptions(options: ChatCompletionRequest['prompt_cache_options']) {
    return this.#set('prompt_cache_options', copyCallerData(options, 'prompt_cache_options'));
  }
  safetyIdentifier(id: string) {
    return this.#set('safety_identifier', id);
  }
  endUserId(id: string) {
    return this.#set('user', id);
  }
  moderation(options: ChatCompletionRequest['moderation']) {
    return this.#set('moderation', copyCallerData(options, 'moderation'));
  }

  // ---- composition and output

  unset(...fields: string[]) {
    const unknown = fields.filter((field) => !knownRequestFields.has(field));
    if (unknown.length > 0) {
      throw new ValidationError(
        unknown.map((field) => ({
          path: '',
          message: `unset() takes request fields by their wire names; "${field}" is not one`,
          input: field,
        })),
      );
    }
    let node = this.#node;
    for (const field of fields) node = node.remove(field);
    // What the removed fields parsed answers with goes too: their schemas would parse nothing now.
    const tools = fields.includes('tools') ? new Map<string, ChatTool>() : this.#schemas.tools;
    const output = fields.includes('response_format') ? undefined : this.#schemas.output;
    const schemas =
      tools === this.#schemas.tools && output === this.#schemas.output ? this.#schemas : { output, tools };
    // Templates live in messages: they go with them, and stay with every other field's removal.
    const templates = fields.includes('messages') ? undefined : this.#templates;
    return this.#derive({ node, schemas, templates });
  }

  extra(fields: Record<string, unknown>) {
    if (typeof fields !== 'object' || fields === null || Array.isArray(fields)) {
      throw new ValidationError([{ path: '', message: 'extra() takes an object of fields', input: fields }]);
    }
    // Extras bypass the field schemas, so they are held to JSON data here, at the call: the strict copy
    // refuses sets, dates, functions, cycles and `__proto__` keys with their paths.
    const problems: ValidationIssue[] = [];
    const copied = copyJson(fields, '', problems) as Record<string, unknown>;
    if (problems.length > 0) throw new ValidationError(problems, 'Invalid extra() fields');
    // A known field set through extra() would silently shadow (or be shadowed by) its own method.
    const shadowing = Object.keys(copied).filter((key) => knownRequestFields.has(key));
    if (shadowing.length > 0) {
      throw new ValidationError(
        shadowing.map((key) => ({
          path: key,
          message: `extra() cannot set the known field "${key}": use its own builder method`,
          input: copied[key],
        })),
        'Invalid extra() fields',
      );
    }
    const extra = immer.produce(this.#extra, (draft: Record<string, unknown>) => {
      Object.assign(draft, freeze(copied, true));
    });
    return this.#derive({ extra: Object.freeze(extra) });
  }

  name(name: string) {
    if (typeof name !== 'string' || name.trim() === '' || name.length > 256) {
      throw new ValidationError(
        [{ path: '', message: 'name() takes a non-empty string of at most 256 characters', input: name }],
        'Invalid builder name',
      );
    }
    const meta: BuilderMeta = Object.freeze({ ...this.#meta, name });
    return this.#derive({ meta });
  }

  /** What a builder knows about itself that is not sent (its name), for presets and spans (not public). */
  static metaOf(value: unknown): RequestMeta | undefined {
    return value instanceof ChatBuilderImpl ? value.#meta : undefined;
  }

  use(preset: (builder: this) => unknown) {
    return preset(this);
  }

  when(condition: boolean, preset: (builder: this) => unknown) {
    if (condition) return preset(this);
    // The skipped branch may have added templates, whose names the type now lists as maybe unfilled:
    // vars() must then let names it does not know through (see TemplateSlots.lenient).
    if (this.#templates?.lenient === true) return this;
    const lenient = this.#templates === undefined ? lenientSlots : this.#templates.asLenient();
    return this.#derive({ templates: lenient });
  }

  toJSON(): Readonly<Record<string, unknown>> {
    if (this.#json !== undefined) return this.#json;
    let body = this.#body;
    // A preset's texts rendered as far as they are filled (an unfilled variable keeps its `{{name}}`).
    if (this.#unfilled())
      body = Object.freeze({ ...body, messages: this.#renderedMessages() as ChatMessage[] });
    // Without extras the frozen body already is the wire body: no copy.
    this.#json = this.#hasExtra() ? Object.freeze({ ...this.#extra, ...body }) : body;
    return this.#json;
  }

  #renderedMessages(): readonly ChatMessage[] {
    const messages = this.#body.messages ?? [];
    return this.#templates === undefined ? messages : this.#templates.render(messages);
  }

  /** The wire body as JSON text (what `JSON.stringify(this)` gives), for the batch writer. */
  [bodyText](): string {
    return this.#hasExtra() || this.#unfilled() ? JSON.stringify(this.toJSON()) : this.#node.text();
  }

  /** Whether provider-specific `extra()` fields travel with the body. */
  #hasExtra(): boolean {
    return Object.keys(this.#extra).length > 0;
  }

  validate(): RequestValidation {
    // The verdict is remembered per body and re-checks only what changed since the builder this one
    // came from; it only says pass or fail, so a failure is described by the full valibot pass.
    const declarations = declarationsVersion();
    let validation = this.#validation;
    if (validation === undefined || this.#validatedWith !== declarations) {
      // Frozen (both shapes): the same object is returned every time and decides what send() sends,
      // so a caller must not be able to turn a failure into a success.
      validation = this.#unfilled() ? this.#presetValidation() : this.#requestValidation();
      this.#validation = validation;
      this.#validatedWith = declarations;
    }
    return validation;
  }

  #requestValidation(): RequestValidation {
    const verdict = this.#node.verdict();
    const passed = verdict !== undefined && verdict.failing.length === 0;
    return passed ? validationPassed : validateRequest(this.toJSON());
  }

  /** A preset fails: each unfilled variable at its message's path, then the body's own problems. */
  #presetValidation(): RequestValidation {
    const missing = this.#templates?.missing(this.#body.messages ?? []) ?? [];
    return missingVariablesResult(this.toJSON(), missing);
  }

  /** The body to send, or a `ValidationError` listing every problem (nothing is sent). */
  #checked(): ChatCompletionRequest {
    const result = this.validate();
    if (!result.success) throw toValidationError(result.issues);
    return this.toJSON() as unknown as ChatCompletionRequest;
  }

  /** Whether `send()` parses responses: once a schema is set (mirrors `IsParsed` in the interface). */
  #parses(): boolean {
    return this.#schemas.output !== undefined || this.#schemas.tools.size > 0;
  }

  /** The line of a Batch API input file for this request (validated as `send()` validates). */
  toBatchLine(customId: string): string {
    return toBatchLine(this, customId);
  }

  /** The schemas a builder parses responses with, for the batch workflow (not public). */
  static parseSpecOf(value: unknown): ParseSpec | undefined {
    return value instanceof ChatBuilderImpl ? value.#schemas : undefined;
  }

  send(options?: SendOptions) {
    if (this.#body.stream === true) {
      let stream: ChatStream;
      try {
        stream = this.#dispatcher().stream(this.#checked(), options, this[bodyText](), this.#meta);
      } catch (error) {
        // An invalid request fails where every failure of a stream does: when it is read.
        stream = failedStream(error);
      }
      return this.#parses() ? new ParsedChatStream(stream, this.#schemas) : stream;
    }
    try {
      const completion = this.#dispatcher().complete(this.#checked(), options, this[bodyText](), this.#meta);
      if (!this.#parses()) return completion;
      const schemas = this.#schemas;
      return completion.then(async (result) => {
        await parseCompletion(result, schemas);
        return result;
      });
    } catch (error) {
      return Promise.reject(error);
    }
  }

  run(options?: RunOptions) {
    // An async function: a bad request or option rejects the promise, it never throws here.
    return runToolLoop(this.#loopSubject(), options);
  }

  /** This builder as the tool loop sees it. */
  #loopSubject(): LoopSubject {
    const request = this.#body;
    const dispatcher = this.#dispatcher;
    return {
      messages: request.messages ?? [],
      tools: this.#schemas.tools,
      name: this.#meta.name,
      // Read when the loop starts (inside run()'s promise: the default client is made on first use).
      get captureContent() {
        return dispatcher().captureContent;
      },
      // Read after the step's request was validated (so its tools are well formed).
      get toolNames() {
        return toolNamesOf(request);
      },
      exchange: async (options, onStream) => {
        const body = this.#checked();
        const collect = async (completion: ChatCompletion) => {
          const toolErrors: ReadonlyMap<string, ToolArgumentsError> = await parseCompletion(
            completion,
            this.#schemas,
            { toolErrors: 'collect' },
          );
          return { completion, toolErrors };
        };
        if (this.#body.stream !== true) {
          return collect(await this.#dispatcher().complete(body, options, undefined, this.#meta));
        }
        // The step is parsed once, collecting argument errors for the model; the hook's stream
        // (partials, typed final()) hands out that same result rather than parsing (and throwing) again.
        // Made when first asked for (by the hook's final(), or after the hook): the stream's final()
        // reads the stream itself when nobody iterates, which must not start before the hook.
        const raw = this.#dispatcher().stream(body, options, undefined, this.#meta);
        let step: Promise<{
          completion: ChatCompletion;
          toolErrors: ReadonlyMap<string, ToolArgumentsError>;
        }>;
        const stepOnce = () => {
          step ??= raw.final().then(collect);
          return step;
        };
        await onStream?.(
          new ParsedChatStream(raw, this.#schemas, async () => {
            const { completion } = await stepOnce();
            return completion as unknown as ParsedChatCompletion;
          }),
        );
        return stepOnce();
      },
      append: (messages) => {
        const next = this.#push('messages', messages);
        // A tool_choice that forces a call would make every step call a tool again, until maxSteps:
        // once the forced call is answered, the model chooses (among the allowed tools, if limited).
        const relaxed = relaxedToolChoice(this.#body.tool_choice);
        return (relaxed === undefined ? next : next.#set('tool_choice', relaxed)).#loopSubject();
      },
    };
  }
}

/** The names of a request's tools (`tools[]`, function and custom, and the legacy `functions[]`). */
function toolNamesOf(body: Readonly<Body>): ReadonlySet<string> {
  const names = new Set<string>();
  for (const entry of body.tools ?? []) {
    names.add(entry.type === 'function' ? entry.function.name : entry.custom.name);
  }
  for (const fn of body.functions ?? []) names.add(fn.name);
  return names;
}

/** A caller's JSON Schema, copied to be sent as given; when sent as strict, checked against its rules. */
function rawJsonSchema(schema: Record<string, unknown>, name: string, strict: boolean): JsonSchema {
  const copy = copyCallerData(schema, 'response_format.json_schema.schema') as JsonSchema;
  if (strict && isJsonObject(copy)) assertStrictJsonSchema(copy, name);
  return copy;
}

/**
 * `value` deep-frozen, in place: values reaching here are plain data freshly copied from the caller
 * (copyCallerData) or made by the builder, which nobody else holds. A flat object, such as a text
 * message, needs only `Object.freeze`, about 5x cheaper than immer's walk. Anything else (a `Date`, a
 * class instance a JavaScript caller passed) belongs to the caller: it is left alone, and validation
 * refuses it, so it is never sent.
 */
function deepFrozen<T>(value: T): T {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return freeze(value, true);
  if (!isJsonObject(value)) return value;
  return isFlat(value) ? Object.freeze(value) : freeze(value, true);
}

function isFlat(value: object): boolean {
  for (const key of Object.keys(value)) {
    const field = (value as Record<string, unknown>)[key];
    if (typeof field === 'object' && field !== null) return false;
  }
  return true;
}

/** The tool_choice for the steps after a forced call, or `undefined` when the choice forces nothing. */
function relaxedToolChoice(choice: ToolChoice | undefined): ToolChoice | undefined {
  if (choice === undefined || choice === 'auto' || choice === 'none') return undefined;
  if (typeof choice === 'object' && choice.type === 'allowed_tools') {
    if (choice.allowed_tools.mode === 'auto') return undefined;
    return { type: 'allowed_tools', allowed_tools: { ...choice.allowed_tools, mode: 'auto' } };
  }
  return 'auto';
}
