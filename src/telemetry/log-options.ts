import { ClientOptionsError } from '../errors/client-options-error.js';

/** How much the client logs: nothing (default), failures, retries too, every request, or with headers. */
export type LogLevel = 'off' | 'error' | 'warn' | 'info' | 'debug';

/** Where log lines go: `console` by default, or any object with these methods (pino, winston...). */
export interface Logger {
  error(message: string): void;
  warn(message: string): void;
  info(message: string): void;
  debug(message: string): void;
}

/** The environment variable read when `logLevel` is not given, as the official SDK reads `OPENAI_LOG`. */
export const logLevelEnv = 'CHATWRIGHT_LOG';

const levels: readonly LogLevel[] = ['off', 'error', 'warn', 'info', 'debug'];

/** The levels that write lines, in the order they add them (a level writes its own and those above). */
export type LineLevel = Exclude<LogLevel, 'off'>;

/** Logging settled once per client: `undefined` when it is off. */
export interface RequestLogSettings {
  /** Rank of the level: 1 error ... 4 debug. */
  readonly rank: number;
  readonly logger: Logger;
}

/** Whether a line of `level` is written under `settings`. */
export function writes(settings: RequestLogSettings | undefined, level: LineLevel): boolean {
  return settings !== undefined && levels.indexOf(level) <= settings.rank;
}

/** The level given, else `CHATWRIGHT_LOG`, else `off`; an unknown level is a `ClientOptionsError`. */
export function normalizeLogging(
  level: LogLevel | undefined,
  logger: Logger | undefined,
): RequestLogSettings | undefined {
  const fromEnv = level === undefined;
  const chosen = level ?? readLogEnv() ?? 'off';
  const rank = levels.indexOf(chosen);
  if (rank === -1) {
    const option = fromEnv ? logLevelEnv : 'logLevel';
    throw new ClientOptionsError(
      option,
      `${option} must be one of ${levels.map((name) => `"${name}"`).join(', ')} (got ${JSON.stringify(chosen)})`,
    );
  }
  if (
    logger !== undefined &&
    levels.slice(1).some((name) => typeof logger[name as keyof Logger] !== 'function')
  ) {
    throw new ClientOptionsError('logger', 'logger must have error, warn, info and debug methods');
  }
  return rank === 0 ? undefined : { rank, logger: logger ?? console };
}

function readLogEnv(): LogLevel | undefined {
  const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;
  const value = env?.[logLevelEnv]?.trim();
  return value === undefined || value === '' ? undefined : (value as LogLevel);
}
