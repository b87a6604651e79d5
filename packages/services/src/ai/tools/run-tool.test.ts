import { describe, expect, it } from 'vitest';
import type { ToolContext } from '../types';
import { aiTools, describeTools, runTool } from './index';

/** No database: every case below is decided before a tool would touch one. */
const ctxWith = (allowed: boolean) => ({ deps: {}, actor: { kind: 'user', userId: 'u1' }, access: { can: async () => allowed }, page: {} }) as unknown as ToolContext;

describe('runTool', () => {
  it('reports an unknown tool as a failed record naming the real ones', async () => {
    const r = await runTool(ctxWith(true), 'drop_tables', {});
    expect(r).toMatchObject({ tool: 'drop_tables', status: 'failed' });
    expect(r.error).toContain('search_catalog');
  });
  it('refuses without the permission', async () => {
    expect(await runTool(ctxWith(false), 'list_findings', {})).toMatchObject({ status: 'failed', error: 'You need the compliance.read permission to use list_findings' });
  });
  it('says what was wrong with the input', async () => {
    const r = await runTool(ctxWith(true), 'list_columns_with_label', { limit: 1000 });
    expect(r.status).toBe('failed');
    expect(r.error).toMatch(/^Bad input for list_columns_with_label: label: .*; limit: /);
    expect((await runTool(ctxWith(true), 'search_catalog', { sql: 'drop' })).error).toContain('Unrecognized key');
  });
  it('holds a write tool for confirmation, with its parsed input, until confirmed', async () => {
    const r = await runTool(ctxWith(true), 'start_workflow', { workflow: 'nightly' });
    expect(r).toMatchObject({ status: 'awaiting_confirmation', input: { workflow: 'nightly', params: {} } });
    expect(r.output).toBeUndefined();
  });
  it('describes every tool with a JSON schema of its input', () => {
    const described = describeTools();
    expect(described.map((d) => d.name)).toEqual(aiTools.map((t) => t.name));
    expect(described.filter((d) => d.write).map((d) => d.name)).toEqual(['start_scan', 'start_workflow']);
    for (const d of described) expect(d.inputSchema).toMatchObject({ type: 'object' });
  });
});
