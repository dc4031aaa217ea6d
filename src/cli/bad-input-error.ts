/**
 * Input the command cannot work with (an unknown flag, a missing file, invalid JSON, a missing or
 * unknown variable): one line on stderr and exit code 2. Internal to the command.
 */
export class BadInputError extends Error {
  override name = 'BadInputError' as const;
}
