import * as v from 'valibot';
import { closedObject } from './closed-object.js';
import { flag, freeObject, identifier, tag, tagged, text } from './primitives.js';

/**
 * `response_format`: plain text, JSON mode, or Structured Outputs with a JSON Schema.
 * @see https://platform.openai.com/docs/api-reference/chat/create#chat-create-response_format
 */
export const responseFormatSchema = tagged(
  'type',
  'response_format',
  ['text', 'json_object', 'json_schema'],
  [
    closedObject('a text response format', { type: tag('type', 'text') }),
    closedObject('a json_object response format', { type: tag('type', 'json_object') }),
    closedObject('a json_schema response format', {
      type: tag('type', 'json_schema'),
      json_schema: closedObject('json_schema', {
        name: identifier('json_schema.name'),
        description: v.exactOptional(text('json_schema.description')),
        // The user's JSON Schema: free-form, only checked to be JSON data.
        schema: v.exactOptional(freeObject('json_schema.schema')),
        strict: v.exactOptional(v.nullable(flag('json_schema.strict'))),
      }),
    }),
  ],
);
