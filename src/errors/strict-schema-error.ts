import { ChatwrightError } from './chatwright-error.js';

/**
 * A schema cannot be sent in strict mode (OpenAI's structured outputs), or cannot be converted to
 * JSON Schema at all. Thrown by `tool()` and `.jsonSchema()`, before anything is sent, naming the part
 * of the schema and the reason.
 *
 * @example
 * try { tool({ name: 'tag', parameters: v.object({ tags: v.record(v.string(), v.string()) }) }); }
 * catch (error) { if (error instanceof StrictSchemaError) console.log(error.path, error.reason); }
 * // 'properties.tags' 'an object with free-form keys (a record) ...'
 */
export class StrictSchemaError extends ChatwrightError {
  override name = 'StrictSchemaError' as const;
  /** The tool or response format the schema belongs to. */
  readonly schemaName: string;
  /** Where in the JSON Schema the problem is, as a dotted path (`''` for the root). */
  readonly path: string;
  /** Why that part cannot be used, and what to do instead. */
  readonly reason: string;

  constructor(schemaName: string, path: string, reason: string, options?: { cause?: unknown }) {
    super(
      `The schema of "${schemaName}" cannot be used in strict mode at ${path || '(root)'}: ${reason}`,
      options,
    );
    this.schemaName = schemaName;
    this.path = path;
    this.reason = reason;
  }
}
