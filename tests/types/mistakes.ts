// Common mistakes and the compiler message each must give: at the call that is wrong, naming the fix,
// short. tests/types/mistakes.test.ts compiles each snippet and holds the messages to that;
// docs/builder.md shows the table it makes.

/** One mistake: a snippet whose `/*here*\/` marks where the error must be, and what it must name. */
export interface Mistake {
  /** What the user did wrong, for the docs table. */
  readonly mistake: string;
  /** The snippet's body (after the shared imports); `/*here*\/` marks the wrong call. */
  readonly code: string;
  /** Text the message must contain: the fix. */
  readonly fix: string;
  /**
   * The snippet assigns a call's result to a variable it does not fit: TypeScript's own "is not
   * assignable" error at the assignment is reported too, and is the only other error allowed.
   */
  readonly assignment?: true;
}

export const mistakes: readonly Mistake[] = [
  {
    mistake: '`topLogprobs()` without `logprobs()`',
    code: `chat().model('gpt-4o').user('Hi')./*here*/topLogprobs(5);`,
    fix: 'topLogprobs() needs .logprobs() first',
  },
  {
    mistake: '`streamOptions()` without `stream()`',
    code: `chat().model('gpt-4o').user('Hi')./*here*/streamOptions({ include_usage: true });`,
    fix: 'streamOptions() needs .stream() first',
  },
  {
    mistake: '`toolChoice()` before any tool',
    code: `chat().model('gpt-4o').user('Hi')./*here*/toolChoice('required');`,
    fix: 'toolChoice() needs a tool: add one with .tool() first',
  },
  {
    mistake: '`toolChoice()` naming a tool never added',
    code: `chat().model('gpt-4o').tool({ name: 'get_weather' }).toolChoice(/*here*/'get_time');`,
    fix: 'ToolChoiceFor<"get_weather", never>',
  },
  {
    mistake: '`parallelToolCalls()` before any tool',
    code: `chat().model('gpt-4o').user('Hi')./*here*/parallelToolCalls(false);`,
    fix: 'parallelToolCalls() needs a tool: add one with .tool() first',
  },
  {
    mistake: '`send()` without a model',
    code: `chat().user('Hi')./*here*/send();`,
    fix: 'send() needs a model: call .model() first',
  },
  {
    mistake: '`send()` without a message',
    code: `chat().model('gpt-4o')./*here*/send();`,
    fix: 'send() needs at least one message: add one with .user(), .system() or .messages()',
  },
  {
    mistake: 'a `reasoningEffort()` the model does not take',
    code: `chat().model('o3').user('Hi').reasoningEffort(/*here*/'minimal');`,
    fix: `"low" | "medium" | "high"`,
  },
  {
    mistake: '`reasoningEffort()` on a model that does not reason',
    code: `chat().model('gpt-4o').user('Hi').reasoningEffort(/*here*/'low');`,
    fix: 'gpt-4o is not a reasoning model: remove .reasoningEffort()',
  },
  {
    mistake: '`temperature()` on a reasoning model',
    code: `chat().model('o3').user('Hi').temperature(/*here*/0.5);`,
    fix: 'o3 does not accept temperature (only its default 1): remove .temperature()',
  },
  {
    mistake: '`maxTokens()` on a reasoning model',
    code: `chat().model('o3').user('Hi').maxTokens(/*here*/500);`,
    fix: 'o3 does not accept max_tokens: use .maxCompletionTokens() instead',
  },
  {
    mistake: '`logprobs()` on a model that returns none',
    code: `chat().model('o3').user('Hi')./*here*/logprobs();`,
    fix: 'o3 does not return logprobs: remove .logprobs()',
  },
  {
    mistake: '`webSearch()` on a model that does not search',
    code: `chat().model('gpt-4o').user('Hi')./*here*/webSearch();`,
    fix: 'use a search model such as gpt-4o-search-preview',
  },
  {
    mistake: 'a model that refuses an earlier call',
    code: `chat().temperature(0.2).stop('END').model(/*here*/'o3');`,
    fix: 'o3 does not accept stop: remove .stop()',
  },
  {
    mistake: "`serviceTier('flex')` on a model without flex processing",
    code: `chat().model('gpt-4o').user('Hi').serviceTier(/*here*/'flex');`,
    fix: 'use another tier, or a model with flex processing',
  },
  {
    mistake: '`maxTokens()` and `maxCompletionTokens()` together',
    code: `chat().model('gpt-4o').user('Hi').maxTokens(5).maxCompletionTokens(5)./*here*/send();`,
    fix: 'keep only maxCompletionTokens()',
  },
  {
    mistake: '`audio()` without the audio modality',
    code: `chat().model('gpt-4o-audio-preview').user('Hi').audio({ voice: 'alloy', format: 'wav' })./*here*/send();`,
    fix: "audio() needs 'audio' in .modalities(['text', 'audio'])",
  },
  {
    mistake: 'a snake_case key in a camelCase options object',
    code: `createClient({ /*here*/max_retries: 3 });`,
    fix: `'maxRetries'`,
  },
  {
    mistake: 'a camelCase key in a wire object',
    code: `chat().model('gpt-4o-search-preview').user('Hi').webSearch({ /*here*/searchContextSize: 'low' });`,
    fix: `'search_context_size'`,
  },
  {
    mistake: 'a misspelled send option',
    code: `void chat().model('gpt-4o').user('Hi').send({ /*here*/tiemout: 5 });`,
    fix: `'timeout'`,
  },
  {
    mistake: 'a response format that does not exist',
    code: `chat().model('gpt-4o').user('Hi').responseFormat({ /*here*/type: 'json' });`,
    fix: `"json_object"`,
  },
  {
    mistake: '`functionCall()` before any function',
    code: `chat().model('gpt-4o').user('Hi').functionCall(/*here*/'auto');`,
    fix: 'functionCall() needs a function: add it with .functions() first',
  },
  {
    mistake:
      'a call made only when a condition holds, by reassigning: `if (creative) b = b.temperature(0.9)`',
    code: `declare const creative: boolean;\nlet b = chat().model('gpt-4o').user('Hi');\nif (creative) b = b.temperature(/*here*/0.9);\nexport { b };`,
    fix: 'to make a call only when a condition holds, use .when(condition, (b) => b.temperature(...))',
    assignment: true,
  },
  {
    mistake: 'the same, with a limit: `if (limit) b = b.maxCompletionTokens(limit)`',
    code: `declare const limit: number | undefined;\nlet b = chat().model('o3').user('Hi');\nif (limit) b = b.maxCompletionTokens(/*here*/limit);\nexport { b };`,
    fix: 'use .when(condition, (b) => b.maxCompletionTokens(...))',
    assignment: true,
  },
];
