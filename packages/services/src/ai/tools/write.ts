/**
 * Write tools. Engines never run these directly: the call is stored as
 * awaiting confirmation and runs only when the asker approves it
 * (ai/confirm.ts). Each checks the same scoped permission its page's button
 * needs, as the asker, at the moment it runs.
 */
import { z } from 'zod';
import { AppError } from '../../errors';
import { dataSourceScope, workspaceScope } from '../../rbac/resolve';
import { runScan } from '../../scan/scans';
import { executeWorkflow } from '../../workflow/workflows';
import type { AiTool } from '../types';
import { isUuid, sourcesNamed } from './resolve';

const scanInput = z
  .object({
    scanId: z.uuid('Not a scan id').optional(),
    source: z.string().trim().min(1).max(200).optional().describe('A data source name or id: runs its first scan'),
  })
  .strict()
  .refine((v) => !!v.scanId !== !!v.source, 'Name a scan (scanId) or a data source (source), not both');

const scanOutput = z.object({ runId: z.string(), scan: z.string(), source: z.string(), status: z.string(), link: z.string() });

export const startScanTool: AiTool<z.output<typeof scanInput>, z.output<typeof scanOutput>> = {
  name: 'start_scan',
  description: "Start a scan of a data source (needs scan.run on it). Runs only after the asker confirms.",
  permission: 'ai.use',
  write: true,
  input: scanInput,
  output: scanOutput,
  async run(ctx, input) {
    let scanId = input.scanId;
    if (!scanId) {
      const [source] = await sourcesNamed(ctx, input.source!);
      if (!source) throw new AppError('NOT_FOUND', `No data source you may read is called "${input.source}"`);
      const first = await ctx.deps.db.scan.findFirst({ where: { dataSourceId: source.id }, orderBy: { createdAt: 'asc' }, select: { id: true } });
      if (!first) throw new AppError('NOT_FOUND', `${source.name} has no scan yet: create one on its page`);
      scanId = first.id;
    }
    const scan = await ctx.deps.db.scan.findUnique({ where: { id: scanId }, select: { name: true, dataSourceId: true, dataSource: { select: { name: true } } } });
    if (!scan || !(await ctx.access.can('datasource.read', dataSourceScope(scan.dataSourceId)))) throw new AppError('NOT_FOUND', `No scan ${scanId} that you may see`);
    await ctx.access.require('scan.run', dataSourceScope(scan.dataSourceId));
    const run = await runScan(ctx.deps, ctx.actor, scanId, 'manual', { via: 'assistant' });
    return { runId: run.id, scan: scan.name, source: scan.dataSource.name, status: run.status, link: `/datasources/${scan.dataSourceId}` };
  },
};

const workflowInput = z
  .object({
    workflow: z.string().trim().min(1).max(200).describe('A workflow name or id'),
    params: z.record(z.string(), z.unknown()).default({}),
  })
  .strict();

const workflowOutput = z.object({ executionId: z.string(), workflow: z.string(), status: z.string(), link: z.string() });

export const startWorkflowTool: AiTool<z.output<typeof workflowInput>, z.output<typeof workflowOutput>> = {
  name: 'start_workflow',
  description: 'Run a workflow with parameters (needs workflow.execute in its workspace). Runs only after the asker confirms.',
  permission: 'ai.use',
  write: true,
  input: workflowInput,
  output: workflowOutput,
  async run(ctx, input) {
    const visible = await ctx.access.workspacesWith('workflow.read');
    const within = { deletedAt: null, ...(visible === 'all' ? {} : { workspaceId: { in: visible } }) };
    const select = { id: true, name: true, workspaceId: true } as const;
    const wf = isUuid(input.workflow)
      ? await ctx.deps.db.workflow.findFirst({ where: { ...within, id: input.workflow }, select })
      : ((await ctx.deps.db.workflow.findFirst({ where: { ...within, name: { equals: input.workflow, mode: 'insensitive' } }, select })) ??
        (await ctx.deps.db.workflow.findFirst({ where: { ...within, name: { contains: input.workflow, mode: 'insensitive' } }, select, orderBy: { name: 'asc' } })));
    if (!wf) throw new AppError('NOT_FOUND', `No workflow you may see is called "${input.workflow}"`);
    await ctx.access.require('workflow.execute', workspaceScope(wf.workspaceId));
    const started = await executeWorkflow(ctx.deps, ctx.actor, { id: wf.id, params: input.params });
    return { executionId: started.id, workflow: wf.name, status: started.status, link: `/workflows/executions/${started.id}` };
  },
};
