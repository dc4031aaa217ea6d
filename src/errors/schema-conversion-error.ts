import { ChatwrightError } from './chatwright-error.js';

/**
 * A schema could not be turned into JSON Schema: its library offers no converter, or the converter
 * refused it (a transform or a custom check has no JSON Schema equivalent).
 *
 * @example
 * try { tool({ name: 'lookup', parameters: someSchema }); }
 * catch (error) { if (error instanceof SchemaConversionError) console.log(error.vendor, error.message); }
 */
export class SchemaConversionError extends ChatwrightError {
  override name = 'SchemaConversionError' as const;
  /** The tool or response format the schema belongs to. */
  readonly schemaName: string;
  /** The schema library (`~standard.vendor`), such as `valibot` or `zod`. */
  readonly vendor: string;

  constructor(schemaName: string, vendor: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.schemaName = schemaName;
    this.vendor = vendor;
  }
}
