import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { describeSchema, fieldLabel, parseNumberInput } from './builder-schema';

describe('config form from a JSON schema', () => {
  it('describes every kind of field zod produces', () => {
    const schema = z.toJSONSchema(
      z.object({
        dataSourceId: z.uuid().describe('The source to scan'),
        minConfidence: z.number().min(0).max(1).default(0.9),
        attempts: z.number().int(),
        waitForCompletion: z.boolean().default(true),
        onReject: z.enum(['fail', 'continue']),
        labels: z.array(z.string()).optional(),
        nested: z.object({ title: z.string() }).optional(),
        mode: z.union([z.literal('a'), z.literal('b')]).optional(),
        anything: z.array(z.object({ x: z.number() })).optional(),
        body: z.string().nullable().optional(),
      }),
    );
    const fields = describeSchema(schema);
    const byName = Object.fromEntries(fields.map((f) => [f.name, f]));
    expect(byName.dataSourceId).toMatchObject({ kind: 'string', picker: 'dataSource', required: true, label: 'Data source', description: 'The source to scan' });
    expect(byName.minConfidence).toMatchObject({ kind: 'number', minimum: 0, maximum: 1, required: false, default: 0.9 });
    expect(byName.attempts).toMatchObject({ kind: 'integer', required: true });
    expect(byName.waitForCompletion).toMatchObject({ kind: 'boolean', default: true });
    expect(byName.onReject).toMatchObject({ kind: 'enum', options: ['fail', 'continue'], required: true });
    expect(byName.labels).toMatchObject({ kind: 'stringArray', required: false });
    expect(byName.nested).toMatchObject({ kind: 'object', fields: [{ name: 'title', kind: 'string', required: true }] });
    expect(byName.mode).toMatchObject({ kind: 'enum', options: ['a', 'b'] });
    expect(byName.anything).toMatchObject({ kind: 'json' });
    expect(byName.body).toMatchObject({ kind: 'string', multiline: true, required: false });
  });

  it('merges a union of shapes at the top, none of its fields required', () => {
    const schema = z.toJSONSchema(z.union([z.object({ dataSourceId: z.uuid() }), z.object({ scanId: z.uuid() })]));
    expect(describeSchema(schema).map((f) => [f.name, f.required])).toEqual([
      ['dataSourceId', false],
      ['scanId', false],
    ]);
  });

  it('labels fields in words and reads number inputs that may hold templates', () => {
    expect(fieldLabel('minConfidence')).toBe('Min confidence');
    expect(fieldLabel('userIds')).toBe('Users');
    expect(fieldLabel('timeoutMs')).toBe('Timeout (ms)');
    expect(fieldLabel('ms')).toBe('Milliseconds');
    expect(parseNumberInput(' 0.8 ')).toBe(0.8);
    expect(parseNumberInput('')).toBeUndefined();
    expect(parseNumberInput('{{ params.threshold }}')).toBe('{{ params.threshold }}');
  });
});
