import { spawn } from 'node:child_process';

/**
 * Starts a `node:http` server on 127.0.0.1 in a child process (so its work does not share the measured
 * event loop), from `source`: a CommonJS script that reads `process.argv[1]` (here `payload`), listens
 * on port 0, sends its port over IPC, and exits on the message 'stop'.
 */
export async function startServerProcess(
  source: string,
  payload: string,
): Promise<{ url: string; stop: () => Promise<void> }> {
  const child = spawn(process.execPath, ['-e', source, payload], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const port = await new Promise<number>((resolve) =>
    child.once('message', (message) => resolve(Number(message))),
  );
  return {
    url: `http://127.0.0.1:${port}/v1`,
    stop: async () => {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.send('stop');
      await exited;
    },
  };
}

/** A typical small completion, as JSON text: what gpt-4o-mini answers to a one-line question. */
export function smallCompletion(content: string, completionTokens: number): string {
  return JSON.stringify({
    id: 'chatcmpl-bench',
    object: 'chat.completion',
    created: 1_700_000_000,
    model: 'gpt-4o-mini-2024-07-18',
    choices: [
      {
        index: 0,
        message: { role: 'assistant', content, refusal: null, annotations: [] },
        logprobs: null,
        finish_reason: 'stop',
      },
    ],
    usage: { prompt_tokens: 24, completion_tokens: completionTokens, total_tokens: 24 + completionTokens },
    system_fingerprint: 'fp_bench',
  });
}
