import { parseArgs } from 'node:util';
import { ChatwrightError } from '../errors/chatwright-error.js';
import { BadInputError } from './bad-input-error.js';
import { checkCommand } from './check-command.js';
import type { CliOutput } from './cli-output.js';
import { prepareRequest } from './prepare-request.js';
import { sendCommand } from './send-command.js';
import { usage } from './usage.js';

const options = {
  var: { type: 'string', short: 'v', multiple: true },
  stream: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

/**
 * Runs `chatwright <args>` and resolves to its exit code: 0 all good, 1 a problem in a file, a request
 * or the API's answer, 2 bad input (one line on stderr).
 */
export async function runCli(args: readonly string[], output: CliOutput): Promise<number> {
  try {
    return await run(args, output);
  } catch (error) {
    if (error instanceof BadInputError) {
      output.err(`chatwright: ${error.message}`);
      output.err('Run "chatwright --help" for usage.');
      return 2;
    }
    // The library's errors carry no secret (API keys never appear in them): their message is the line.
    if (error instanceof ChatwrightError) {
      output.err(`chatwright: ${error.name}: ${error.message}`);
      return error.name === 'ClientOptionsError' ? 2 : 1;
    }
    throw error;
  }
}

async function run(args: readonly string[], output: CliOutput): Promise<number> {
  let parsed: ReturnType<
    typeof parseArgs<{ args: string[]; options: typeof options; allowPositionals: true }>
  >;
  try {
    parsed = parseArgs({ args: [...args], options, allowPositionals: true, strict: true });
  } catch (error) {
    // parseArgs' own sentence names the flag: "Unknown option '--foo'".
    const message = error instanceof Error ? error.message : String(error);
    throw new BadInputError(message.split('. ')[0] ?? message);
  }
  const { values, positionals } = parsed;
  const [command, ...operands] = positionals;
  if (values.help === true) {
    output.out(usage);
    return 0;
  }
  if (command === undefined) throw new BadInputError('no command given (check, render or send)');
  const vars = values.var ?? [];
  if (command === 'check') {
    if (vars.length > 0 || values.stream === true) throw new BadInputError('check takes only files or globs');
    return checkCommand(operands, output);
  }
  if (command !== 'render' && command !== 'send') {
    throw new BadInputError(`unknown command "${command}" (check, render or send)`);
  }
  if (operands.length !== 1) throw new BadInputError(`${command} takes one file (got ${operands.length})`);
  if (command === 'render' && values.stream === true) throw new BadInputError('--stream is for send');
  const request = await prepareRequest(operands[0] as string, vars);
  if (!request.ok) {
    for (const line of request.problems) output.err(line);
    return 1;
  }
  if (command === 'render') {
    output.out(JSON.stringify(request.builder, null, 2));
    return 0;
  }
  return sendCommand(request.builder, values.stream === true, output);
}
