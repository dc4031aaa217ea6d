import type { ValidationIssue } from '../../src/errors/validation-error.js';

/**
 * A rule by which chatwright refuses a body the official schema accepts. Each is the API's own rule
 * (or, where marked, chatwright's), listed under the same name in docs/reference-differences.md with
 * its source. The differential test fails on any refusal of a schema-valid body that none of them
 * explains.
 */
export interface StricterRule {
  /** The name the docs list it under. */
  readonly name: string;
  /** Whether `issue` (of a schema-valid `body`) is this rule's refusal. */
  readonly explains: (issue: ValidationIssue, body: Record<string, unknown>) => boolean;
}

const message =
  (pattern: RegExp) =>
  (issue: ValidationIssue): boolean =>
    pattern.test(issue.message);

export const stricterRules: readonly StricterRule[] = [
  { name: 'nested objects are closed', explains: message(/^unknown field "/) },
  { name: 'model rules of the catalog', explains: message(/ \[source: [^\]]+\]$/) },
  { name: 'tools and tool_calls are not empty', explains: message(/^(tools|tool_calls) must not be empty/) },
  { name: 'model is not empty', explains: message(/^model must not be empty/) },
  {
    name: 'token limits are at least 1',
    explains: message(/^(max_completion_tokens|max_tokens) must be a positive integer/),
  },
  {
    name: 'tool_choice needs the tools it names',
    explains: message(/^(tool_choice needs at least one tool|tool_choice names "|allowed_tools lists ")/),
  },
  {
    name: 'parallel_tool_calls needs tools',
    explains: message(/^parallel_tool_calls needs at least one tool/),
  },
  { name: 'top_logprobs needs logprobs', explains: message(/^top_logprobs needs logprobs: true/) },
  { name: 'stream_options needs stream', explains: message(/^stream_options needs stream: true/) },
  {
    name: 'audio output needs both audio and the audio modality',
    explains: message(/^(modalities include 'audio', which needs audio|audio needs 'audio' in modalities)/),
  },
  {
    name: 'max_tokens and max_completion_tokens are not both set',
    explains: message(/^max_tokens and max_completion_tokens are both set/),
  },
  {
    name: 'function_call needs the functions it names',
    explains: message(/^function_call (needs functions|names ")/),
  },
  { name: 'functions are not mixed with tools', explains: message(/^functions cannot be mixed with tools/) },
  {
    name: 'tool and function names are unique',
    explains: message(/is already used by (tools|functions)\.\d+/),
  },
  {
    name: 'function and schema names follow the name pattern',
    explains: message(/^(function\.name|name|json_schema\.name) must be 1 to 64 characters of/),
  },
  {
    name: 'metadata limits',
    explains: message(/^metadata (keys must be at most 64|values must be at most 512|holds at most 16)/),
  },
  {
    name: 'logit_bias maps token ids to -100..100',
    explains: message(/^logit_bias (keys must be token ids|values must be an integer between -100 and 100)/),
  },
  {
    name: 'an assistant message says something',
    explains: message(/^an assistant message needs content unless/),
  },
  {
    name: 'a refusal part stands alone',
    explains: message(/^content holds text parts or a single refusal part/),
  },
  {
    name: 'seed fits in 64 bits',
    // The schema's maximum, 9223372036854776000, is the double 2^63: one past int64's largest value.
    explains: (issue, body) => issue.path === 'seed' && body.seed === 2 ** 63,
  },
  {
    name: 'free-form objects hold JSON data only',
    explains: message(/must hold JSON data only/),
  },
];
