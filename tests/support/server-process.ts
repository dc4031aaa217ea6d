import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';

/** A free TCP port on 127.0.0.1 (the OS picks it; it is released before the server takes it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/** A server we did not write, running as a child process on loopback. */
export interface ServerProcess {
  readonly url: string;
  /** Stops the process (and waits for it to exit). */
  stop(): Promise<void>;
}

export interface ServerProcessOptions {
  readonly command: string;
  readonly args: readonly string[];
  readonly env?: Readonly<Record<string, string>>;
  readonly cwd?: string;
  /** Printed by the server once it accepts requests. */
  readonly ready: RegExp;
  readonly url: string;
  readonly timeoutMs: number;
}

/**
 * Starts a server process and waits until it prints `ready`. Resolves to the server, or to the reason
 * it could not start (not installed, crashed, too slow): the caller skips visibly with that reason.
 */
export function startServerProcess(options: ServerProcessOptions): Promise<ServerProcess | string> {
  return new Promise((resolve) => {
    let child: ChildProcess;
    try {
      child = spawn(options.command, options.args, {
        cwd: options.cwd,
        env: { ...process.env, ...options.env },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
    } catch (error) {
      resolve(`could not be spawned (${String(error)})`);
      return;
    }
    let output = '';
    let settled = false;
    const exited = new Promise<void>((done) => child.once('exit', () => done()));
    const stop = async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    };
    const settle = (result: ServerProcess | string) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (typeof result === 'string') void stop();
      resolve(result);
    };
    const timer = setTimeout(
      () => settle(`did not start within ${options.timeoutMs / 1000} s: ${output.slice(-300)}`),
      options.timeoutMs,
    );
    const read = (chunk: Buffer) => {
      // Only the tail matters for the ready line and for a failure's reason.
      output = (output + chunk.toString()).slice(-4000);
      if (options.ready.test(output)) settle({ url: options.url, stop });
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    child.once('error', (error) => settle(`could not be started (${error.message})`));
    child.once('exit', (code) =>
      settle(`exited with code ${code} before it was ready: ${output.slice(-300)}`),
    );
  });
}
