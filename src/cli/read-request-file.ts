import { readFile } from 'node:fs/promises';
import type { ChatBuilder } from '../builder/chat-builder.js';
import { chat } from '../client/default-chat.js';
import { parseJsonText } from '../internal/parse-json-text.js';
import { isJsonObject } from '../schema/primitives.js';
import type { PresetState } from '../state/builder-state.js';
import { BadInputError } from './bad-input-error.js';

/** A file the command read: its builder, and whether it was a preset document (paths under `request.`). */
export interface RequestFile {
  readonly builder: ChatBuilder<PresetState<string>>;
  readonly isDocument: boolean;
}

/** A file's JSON: a missing or unreadable file and invalid JSON (with line and column) are bad input. */
export async function readJsonFile(file: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new BadInputError(
      code === 'ENOENT' ? `${file}: no such file` : `${file}: cannot be read (${code})`,
    );
  }
  const parsed = parseJsonText(text);
  if (!parsed.ok) throw new BadInputError(`${file}: invalid JSON: ${parsed.problem.message}`);
  return parsed.value;
}

/**
 * The builder of a parsed file: a preset document (an object with a `"chatwright"` version) is read by
 * `chat.fromPreset()`, anything else as a request body by `chat.fromJSON()`; both throw the library's
 * `ValidationError` for what is wrong in it.
 */
export function requestFileBuilder(json: unknown): RequestFile {
  const isDocument = isJsonObject(json) && Object.hasOwn(json, 'chatwright');
  // The command has no types to keep right: a file that asks for streaming streams.
  const body = isDocument ? (json as { request?: unknown }).request : json;
  const stream = isJsonObject(body) && body.stream === true;
  const builder = isDocument
    ? (chat.fromPreset(json, { stream }) as unknown as ChatBuilder<PresetState<string>>)
    : (chat.fromJSON(json, { stream }) as unknown as ChatBuilder<PresetState<string>>);
  return { builder, isDocument };
}
