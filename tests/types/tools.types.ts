// Tools and structured output from schemas: inference end to end, for valibot and zod 4.
import { expectTypeOf } from 'expect-type';
import * as v from 'valibot';
import * as z from 'zod';
import {
  type BuilderState,
  type ChatBuilder,
  type ChatCompletionMessageCustomToolCall,
  type ChatCompletionResult,
  type ChatStream,
  chat,
  type ParsedChatStream,
  type ParsedFunctionToolCall,
  type RunResult,
  tool,
} from '../../src/index.js';

const Weather = v.object({ city: v.string(), unit: v.optional(v.picklist(['c', 'f'])) });
const weather = tool({
  name: 'get_weather',
  parameters: Weather,
  run: ({ city }) => ({ city, temperature: 21 }),
});
const stock = tool({
  name: 'get_stock',
  parameters: z.object({ ticker: z.string(), exchange: z.enum(['NYSE', 'NASDAQ']).optional() }),
});

// ---- tool(): name, arguments and result types ------------------------------------------------------
expectTypeOf(weather.name).toEqualTypeOf<'get_weather'>();
expectTypeOf(weather.run).toEqualTypeOf<
  | ((
      args: { city: string; unit?: 'c' | 'f' | undefined },
      context: import('../../src/index.js').ToolRunContext,
    ) => { city: string; temperature: number } | Promise<{ city: string; temperature: number }>)
  | undefined
>();
tool({
  name: 'typed_run',
  parameters: v.object({ n: v.number() }),
  run: (args) => {
    expectTypeOf(args).toEqualTypeOf<{ n: number }>();
    // @ts-expect-error the arguments have no property 'm'
    return args.m;
  },
});

// ---- toolChoice() accepts exactly the added names ---------------------------------------------------
const withTools = chat().model('gpt-4o').user('Hi').tool(weather).tool(stock);
withTools.toolChoice('get_weather');
withTools.toolChoice('get_stock');
withTools.toolChoice({ type: 'function', function: { name: 'get_stock' } });
// @ts-expect-error 'get_time' is not an added tool
withTools.toolChoice('get_time');
expectTypeOf(withTools.toolChoice)
  .parameter(0)
  .extract<string>()
  .toEqualTypeOf<'none' | 'auto' | 'required' | 'get_weather' | 'get_stock'>();

// ---- send(): tool calls narrow by tool name ------------------------------------------------------
type WeatherCall = ParsedFunctionToolCall<'get_weather', { city: string; unit?: 'c' | 'f' | undefined }>;
type StockCall = ParsedFunctionToolCall<
  'get_stock',
  { ticker: string; exchange?: 'NYSE' | 'NASDAQ' | undefined }
>;
async function calls() {
  const reply = await withTools.send();
  expectTypeOf(reply.requestId).toEqualTypeOf<string | undefined>();
  const call = reply.choices[0]?.message.tool_calls?.[0];
  expectTypeOf(call).toEqualTypeOf<WeatherCall | StockCall | undefined>();
  if (call?.function.name === 'get_weather') {
    expectTypeOf(call.function.parsed_arguments).toEqualTypeOf<{
      city: string;
      unit?: 'c' | 'f' | undefined;
    }>();
  } else if (call !== undefined) {
    expectTypeOf(call.function.parsed_arguments.ticker).toEqualTypeOf<string>();
  }
  expectTypeOf(reply.choices[0]?.message.parsed).toEqualTypeOf<null | undefined>();
}
void calls;

// A JSON Schema tool next to schema tools: its arguments are unknown; custom tools join the union.
async function mixed() {
  const reply = await withTools.tool({ name: 'raw' }).customTool({ name: 'sql' }).send();
  expectTypeOf(reply.choices[0]?.message.tool_calls).toEqualTypeOf<
    | Array<
        WeatherCall | StockCall | ParsedFunctionToolCall<'raw', unknown> | ChatCompletionMessageCustomToolCall
      >
    | undefined
  >();
}
void mixed;

// Only JSON Schema tools: the plain result, as before schemas existed.
expectTypeOf(chat().model('gpt-4o').user('Hi').tool({ name: 'raw' }).send).returns.toEqualTypeOf<
  Promise<ChatCompletionResult>
>();
expectTypeOf(chat().model('gpt-4o').user('Hi').send).returns.toEqualTypeOf<Promise<ChatCompletionResult>>();
expectTypeOf(chat().model('gpt-4o').user('Hi').stream().send).returns.toEqualTypeOf<ChatStream>();

// ---- structured output: parsed equals the schema's output type ------------------------------------
const Place = v.object({ city: v.string(), population: v.pipe(v.string(), v.transform(Number)) });
const ZodPlace = z.object({ city: z.string(), population: z.string().transform(Number) });
async function parsed() {
  const valibotReply = await chat()
    .model('gpt-4o')
    .user('Paris?')
    .jsonSchema(Place, { name: 'place' })
    .send();
  expectTypeOf(valibotReply.choices[0]?.message.parsed).toEqualTypeOf<
    v.InferOutput<typeof Place> | null | undefined
  >();
  expectTypeOf(valibotReply.choices[0]?.message.parsed?.population).toEqualTypeOf<number | undefined>();

  const zodReply = await chat().model('gpt-4o').user('Paris?').jsonSchema(ZodPlace, { name: 'place' }).send();
  expectTypeOf(zodReply.choices[0]?.message.parsed).toEqualTypeOf<
    z.output<typeof ZodPlace> | null | undefined
  >();

  // A raw JSON Schema, JSON mode or a later text format: nothing parsed, the plain result.
  const raw = chat().model('gpt-4o').user('Hi').jsonSchema(Place, { name: 'p' }).jsonObject();
  expectTypeOf(raw.send).returns.toEqualTypeOf<Promise<ChatCompletionResult>>();
  expectTypeOf(
    chat().model('gpt-4o').user('Hi').jsonSchema({ type: 'object' }, { name: 'p' }).send,
  ).returns.toEqualTypeOf<Promise<ChatCompletionResult>>();
}
void parsed;

// Streaming: partial values of the output, typed final().
async function streamed() {
  const stream = chat()
    .model('gpt-4o')
    .user('Paris?')
    .jsonSchema(Place, { name: 'place' })
    .tool(weather)
    .stream()
    .send();
  expectTypeOf(stream).toEqualTypeOf<ParsedChatStream<{ city: string; population: number }, WeatherCall>>();
  for await (const partial of stream.partials()) {
    expectTypeOf(partial).toEqualTypeOf<{ city?: string; population?: number }>();
  }
  const final = await stream.final();
  expectTypeOf(final.choices[0]?.message.parsed).toEqualTypeOf<
    { city: string; population: number } | null | undefined
  >();
}
void streamed;

// ---- run(): typed result, gated like send() ------------------------------------------------------
async function loop() {
  const result = await withTools.run({
    maxSteps: 4,
    onStep: (step) => {
      expectTypeOf(step.toolCalls).toEqualTypeOf<readonly (WeatherCall | StockCall)[]>();
    },
  });
  expectTypeOf(result).toEqualTypeOf<RunResult<null, WeatherCall | StockCall>>();
}
void loop;
// @ts-expect-error send() needs a model: call .model() first
chat().user('Hi').tool(weather).run();

// ---- generic presets keep working with schema tools ----------------------------------------------
const weatherPreset = <S extends BuilderState>(builder: ChatBuilder<S>) => builder.tool(weather);
const preset = chat().model('gpt-4o').use(weatherPreset).user('Hi');
preset.toolChoice('get_weather');
async function presetCalls() {
  const reply = await preset.send();
  expectTypeOf(reply.choices[0]?.message.tool_calls).toEqualTypeOf<WeatherCall[] | undefined>();
}
void presetCalls;

// ---- imported presets: nothing known, plain results until a schema is added -----------------------
const imported = chat.fromJSON('{"model":"gpt-4o","messages":[{"role":"user","content":"Hi"}]}');
expectTypeOf(imported.stream(false).send).returns.toEqualTypeOf<Promise<ChatCompletionResult>>();
async function importedWithSchema() {
  const reply = await imported.stream(false).jsonSchema(Place, { name: 'place' }).send();
  expectTypeOf(reply.choices[0]?.message.parsed).toEqualTypeOf<
    { city: string; population: number } | null | undefined
  >();
}
void importedWithSchema;

// ---- .tool({ name, parameters: schema }): the schema given inline, typed as tool() types it ----------
const inline = chat()
  .model('gpt-4o')
  .user('Weather?')
  .tool({ name: 'get_weather', parameters: Weather, run: ({ city }) => city.toUpperCase() });
inline.toolChoice('get_weather');
// @ts-expect-error toolChoice() takes only the added names
inline.toolChoice('get_time');
declare const inlineReply: Awaited<ReturnType<typeof inline.send>>;
const inlineCall = inlineReply.choices[0]?.message.tool_calls?.[0];
if (inlineCall?.type === 'function') {
  expectTypeOf(inlineCall.function.parsed_arguments).toEqualTypeOf<{
    city: string;
    unit?: 'c' | 'f' | undefined;
  }>();
}
// @ts-expect-error run() receives the schema's output: `city` is a string, not a number
chat().tool({ name: 'typed', parameters: Weather, run: ({ city }: { city: number }) => city });
