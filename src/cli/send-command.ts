import type { ChatCompletion } from '../wire/response.js';
import type { CliOutput } from './cli-output.js';
import type { PreparedRequest } from './prepare-request.js';

type Ready = Extract<PreparedRequest, { ok: true }>['builder'];

/**
 * `chatwright send`: sends through the default client (`OPENAI_API_KEY`, `OPENAI_BASE_URL`), prints
 * each choice's text (a choice without text, such as tool calls, as its message's JSON), or with
 * `--stream` the text as it arrives. Errors are the caller's to report.
 */
export async function sendCommand(builder: Ready, stream: boolean, output: CliOutput): Promise<number> {
  // A request file may ask for streaming itself (`"stream": true`).
  if (stream || (builder.toJSON() as { readonly stream?: unknown }).stream === true) {
    const streaming = builder.stream().send() as unknown as AsyncIterable<unknown> & {
      text(): AsyncIterable<string>;
    };
    for await (const text of streaming.text()) output.write(text);
    output.write('\n');
    return 0;
  }
  const completion = (await (builder.send() as Promise<unknown>)) as ChatCompletion;
  for (const choice of completion.choices) {
    const { content } = choice.message;
    output.out(typeof content === 'string' ? content : JSON.stringify(choice.message));
  }
  return 0;
}
