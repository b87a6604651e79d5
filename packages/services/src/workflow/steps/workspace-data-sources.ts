/**
 * `workspace.dataSources`: lists the data sources of the workflow's
 * workspace (its own and those linked to it), for a forEach to fan out over:
 * `items: "{{ steps.<id>.ids }}"`. Reads only.
 */
import { z } from 'zod';
import { defineStepType } from '../step-type';
import { workspaceSourceIds } from './scope';

const config = z
  .object({
    /** Only sources of these engines. */
    engines: z.array(z.enum(['postgres', 'mysql', 'sqlite'])).min(1).optional(),
    /** Only sources carrying all these tags. */
    tags: z.array(z.string().trim().min(1).max(64)).max(20).optional(),
  })
  .strict();

export const workspaceDataSourcesStep = defineStepType({
  type: 'workspace.dataSources',
  title: 'List data sources',
  description: 'The workspace’s data sources (owned or linked), as a list of ids for a forEach.',
  group: 'control',
  config,
  output: {
    ids: { type: 'list', description: 'Data source ids, by name.' },
    names: { type: 'list', description: 'Their names, in the same order.' },
    count: { type: 'number', description: 'How many.' },
  },
  async run(ctx) {
    const ids = await workspaceSourceIds(ctx.deps.db, ctx.execution.workspaceId);
    const sources = await ctx.deps.db.dataSource.findMany({
      where: { id: { in: ids }, ...(ctx.config.engines ? { engine: { in: ctx.config.engines } } : {}), ...(ctx.config.tags ? { tags: { hasEvery: ctx.config.tags } } : {}) },
      select: { id: true, name: true },
      orderBy: { name: 'asc' },
    });
    await ctx.log(`${sources.length} data source(s) in the workspace`, { names: sources.map((s) => s.name) });
    return { kind: 'done', output: { ids: sources.map((s) => s.id), names: sources.map((s) => s.name), count: sources.length } };
  },
});
