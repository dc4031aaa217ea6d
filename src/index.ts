// The public surface of chatwright: every export is named here, nothing is re-exported wholesale.
// (biome's import sorting is off for this file, so the sections stay as written.)

// Building requests
export type {
  AllowedToolsChoiceFor,
  AllowedToolsChoiceOf,
  ChatBuilder,
  CompletionOf,
  inferParsed,
  inferToolCall,
  JsonSchemaOptions,
  KnownField,
  RunMethod,
  BatchLineMethod,
  SendMethod,
  StreamOf,
  ToolChoiceFor,
  ToolChoiceInput,
} from './builder/chat-builder.js';
export type { ChatFactory, FromJSONOptions } from './builder/chat.js';
export type { AssistantMessageInit, MessageOptions } from './params/messages.js';
export type { CustomToolInit, FunctionToolInit } from './params/tools.js';
export { audioPart, filePart, imagePart, textPart } from './builder/content-parts.js';
export { chat } from './client/default-chat.js';
export type { RequestValidation } from './schema/request-validation.js';

// Templates and preset documents
export {
  type inferPresetVars,
  PRESET_FORMAT,
  type PresetDocument,
  type PresetTemplate,
} from './preset/preset-document.js';
export { type inferTemplateVars, type Template, type TemplatePart, template } from './template/template.js';

// Type-state: what the compiler knows about a builder
export type {
  BuilderState,
  Either,
  InitialState,
  LooseState,
  NoToolInputs,
  PresetState,
  State,
  Unset,
  With,
  WithCustomName,
  WithFunctionName,
  WithMessage,
  WithParam,
  WithTemplate,
  WithTool,
} from './state/builder-state.js';
export type { ModelProblem, ReasoningEffortFor } from './state/model-rules.js';
export type { HasKnownNames, RequireFlag, RequireNames, SendProblem } from './state/rules.js';
export type { UnfilledVarsProblem, UnknownVars, VarValues } from './state/template-rules.js';
export type { ChatwrightTypeError } from './state/type-error.js';

// Models: the capability catalog and its rules
export {
  adaptToModel,
  type ModelAdaptation,
  type ModelAdaptationResult,
} from './models/adapt-to-model.js';
export { capabilitiesOf } from './models/capabilities-of.js';
export {
  type CapabilityName,
  type KnownModelId,
  type ModelFamily,
  modelFamilies,
  modelIds,
} from './models/catalog.js';
export {
  defineModels,
  type inferDeclaredModel,
  type ModelDeclaration,
  type ModelExtension,
} from './models/define-models.js';
export type { ModelCapabilities, SamplingSupport, TokenEncoding } from './models/model-capabilities.js';
export type {
  BuiltInModels,
  inferModelCapabilities,
  ModelCatalog,
  ModelEntry,
  ModelOverrides,
} from './models/model-catalog.js';

// Validation of bodies and presets outside a builder
export { knownRequestFields } from './schema/known-request-fields.js';
export { type ParsedPreset, type ParsePresetOptions, parsePreset } from './schema/parse-preset.js';
export {
  type BodySchema,
  presetSchema,
  type RequestBody,
  requestSchema,
  type SchemaIssue,
  type SchemaPathItem,
} from './schema/published-schemas.js';
export { toValidationError } from './schema/to-validation-error.js';
export { validatePreset } from './schema/validate-preset.js';
export { validateRequest } from './schema/validate-request.js';
export type { ValidationResult } from './schema/validation-result.js';

// Tools, structured output and the tool loop
export type { RunOptions, RunResult, RunStep, RunStopReason, ToolErrorHandling } from './loop/run-types.js';
export {
  type DeepPartial,
  type inferPartialToolCall,
  ParsedChatStream,
} from './structured/parsed-chat-stream.js';
export type {
  ParsedChatCompletion,
  ParsedChatCompletionChoice,
  ParsedChatCompletionMessage,
  ParsedChatCompletionResult,
  ParsedFunctionToolCall,
  ParsedToolCall,
} from './structured/parsed-completion.js';
export { parsePartialJson } from './structured/partial-json.js';
export { PartialJsonParser } from './stream/partial-json-parser.js';
export type {
  inferInput,
  inferOutput,
  StandardIssue,
  StandardResult,
  StandardSchema,
} from './structured/standard-schema.js';
export type { ChatTool, ToolRunContext } from './structured/chat-tool.js';
export { type ToolOptions, tool } from './tools/tool.js';

// Sending: clients and options
export type { BatchCallOptions, BatchesAPI, CreateBatchOptions } from './client/batches.js';
export { type ClientOptions, clientDefaults } from './client/client-options.js';
export { type ChatwrightClient, createClient } from './client/create-client.js';
export type { FilesAPI, FileUploadOptions } from './client/files.js';
export type { ChatCompletionResult } from './transport/completion-result.js';
export type { FetchFunction } from './transport/fetch-function.js';
export type { RetryDelayOptions, RetryEvent } from './transport/retry-options.js';
export type { SendOptions } from './transport/send-options.js';

// Streaming
export { ChatStream, type StreamObserver, type StreamSource } from './stream/chat-stream.js';
export type { PartialToolCall } from './stream/tool-call-partials.js';

// Observability: OpenTelemetry spans, request hooks, logs
export { useOpenTelemetry } from './telemetry/load-otel.js';
export { type Logger, type LogLevel, logLevelEnv } from './telemetry/log-options.js';
export type { OpenTelemetryApi } from './telemetry/otel-api.js';
export type { RequestEvent, ResponseEvent, TelemetryOptions } from './telemetry/telemetry-options.js';

// Many requests: fan-out and batch lines (the Node-only batch workflow is in chatwright/batch)
export { type BatchFileLimits, batchLimits } from './batch/batch-limits.js';
export type { BatchCompletion, BatchResult, inferBatchValue } from './batch/batch-result.js';
export type {
  Batch,
  BatchError,
  BatchList,
  BatchOutputLine,
  BatchRequestCounts,
  BatchRequestLine,
  BatchStatus,
  CreateBatchParams,
  FileObject,
  ListBatchesParams,
} from './wire/batch.js';
export { type BatchPreset, type BatchSource, toBatchLine } from './builder/to-batch-line.js';
export {
  type FanOutOptions,
  type FanOutProgress,
  type FanOutResult,
  type FinalizableStream,
  fanOut,
  type inferFanOutValue,
  type Sendable,
} from './fan-out/fan-out.js';
export { parseResetDuration } from './fan-out/parse-reset-duration.js';

// Errors
export { APIError, type APIErrorBody, type APIErrorInit } from './errors/api-error.js';
export { AuthenticationError } from './errors/authentication-error.js';
export { BadRequestError } from './errors/bad-request-error.js';
export { BatchCostError } from './errors/batch-cost-error.js';
export { BatchInputError, type BatchInputProblem } from './errors/batch-input-error.js';
export { BatchItemError } from './errors/batch-item-error.js';
export { ChatwrightError } from './errors/chatwright-error.js';
export { ClientOptionsError } from './errors/client-options-error.js';
export { ConflictError } from './errors/conflict-error.js';
export { APIConnectionError } from './errors/connection-error.js';
export { ContentFilterFinishReasonError } from './errors/content-filter-finish-reason-error.js';
export { IncompleteStreamError } from './errors/incomplete-stream-error.js';
export { InternalServerError } from './errors/internal-server-error.js';
export { LengthFinishReasonError } from './errors/length-finish-reason-error.js';
export { ModelDeclarationError } from './errors/model-declaration-error.js';
export { NotFoundError } from './errors/not-found-error.js';
export { ParsedOutputError } from './errors/parsed-output-error.js';
export { PermissionDeniedError } from './errors/permission-denied-error.js';
export { RateLimitError } from './errors/rate-limit-error.js';
export { RedirectError } from './errors/redirect-error.js';
export { SchemaConversionError } from './errors/schema-conversion-error.js';
export { StreamParseError } from './errors/stream-parse-error.js';
export { StrictSchemaError } from './errors/strict-schema-error.js';
export { APITimeoutError } from './errors/timeout-error.js';
export { ToolArgumentsError } from './errors/tool-arguments-error.js';
export { ToolTimeoutError } from './errors/tool-timeout-error.js';
export { UnprocessableEntityError } from './errors/unprocessable-entity-error.js';
export { APIUserAbortError } from './errors/user-abort-error.js';
export { ValidationError, type ValidationIssue } from './errors/validation-error.js';

// Wire types: requests
export type {
  AllowedToolsChoice,
  AssistantMessage,
  AudioFormat,
  AudioOutput,
  ChatCompletionRequest,
  ChatMessage,
  CustomTool,
  CustomToolCall,
  CustomToolFormat,
  DeveloperMessage,
  FileContentPart,
  FunctionDefinition,
  FunctionMessage,
  FunctionTool,
  FunctionToolCall,
  ImageContentPart,
  InputAudioContentPart,
  JsonSchema,
  LegacyFunction,
  LegacyFunctionCall,
  Modality,
  ModerationOptions,
  NamedCustomToolChoice,
  NamedFunctionToolChoice,
  PartialChatCompletionRequest,
  Prediction,
  PromptCacheBreakpoint,
  PromptCacheOptions,
  ReasoningEffort,
  RefusalContentPart,
  ResponseFormat,
  ResponseFormatJsonObject,
  ResponseFormatJsonSchema,
  ResponseFormatText,
  ServiceTier,
  StreamOptions,
  SystemMessage,
  TextContentPart,
  Tool,
  ToolCall,
  ToolChoice,
  ToolChoiceMode,
  ToolMessage,
  UserContentPart,
  UserMessage,
  Verbosity,
  Voice,
  WebSearchOptions,
} from './wire/request.js';

// Wire types: responses
export type {
  ChatCompletionChunk,
  ChatCompletionChunkChoice,
  ChatCompletionChunkDelta,
  ChatCompletionChunkToolCallDelta,
} from './wire/chunk.js';
export type {
  ChatCompletion,
  ChatCompletionAnnotation,
  ChatCompletionAudio,
  ChatCompletionChoice,
  ChatCompletionFunctionCall,
  ChatCompletionMessage,
  ChatCompletionMessageCustomToolCall,
  ChatCompletionMessageFunctionToolCall,
  ChatCompletionMessageToolCall,
  ChatCompletionTokenLogprob,
  ChoiceLogprobs,
  FinishReason,
  ResponseServiceTier,
  TopLogprob,
  Usage,
} from './wire/response.js';
