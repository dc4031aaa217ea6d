/** What `chatwright --help` prints. */
export const usage = `Usage: chatwright <command> [options]

Commands:
  check <files or globs...>          Validate preset documents and request JSON files with the
                                     library's rules (model rules included). Prints each problem
                                     as "file: path: message".
  render <file> [--var name=value]   Print the request body that would be sent.
  send <file> [--var name=value]     Send the request (OPENAI_API_KEY, OPENAI_BASE_URL) and print
       [--stream]                    the answer, or stream its text as it arrives.

Options:
  --var, -v name=value   Fill a template variable (repeat for each one).
  --stream               With send: print the answer's text as it arrives.
  --help, -h             Show this help.

Exit codes: 0 all good; 1 a file or request has a problem, or the API refused; 2 bad input
(unknown flag, missing file, invalid JSON, missing or unknown variable).
See docs/presets.md.`;
