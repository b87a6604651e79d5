/**
 * A tool's zod input as JSON Schema for a model or an MCP client. Dates are
 * the one thing plain JSON Schema has no type for: they are described as
 * ISO 8601 strings (which z.coerce.date() then accepts), rather than making
 * the whole conversion fail.
 */
import { z } from 'zod';

export function inputJsonSchema(schema: z.ZodType): Record<string, unknown> {
  return z.toJSONSchema(schema, {
    target: 'draft-7',
    io: 'input',
    unrepresentable: 'any',
    override: ({ zodSchema, jsonSchema }) => {
      if (zodSchema._zod.def.type === 'date')
        Object.assign(jsonSchema, { type: 'string', format: 'date-time' });
    },
  }) as Record<string, unknown>;
}
