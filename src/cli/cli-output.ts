/** Where the command writes: lines to stdout and stderr, and raw streamed text to stdout. */
export interface CliOutput {
  out(line: string): void;
  err(line: string): void;
  write(text: string): void;
}
