// The `chatwright` command (package.json `bin`, built to dist/cli.js with a `#!/usr/bin/env node` line).
import { runCli } from './run-cli.js';

process.exitCode = await runCli(process.argv.slice(2), {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  write: (text) => process.stdout.write(text),
});
