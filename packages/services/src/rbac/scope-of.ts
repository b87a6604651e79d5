import type { DbOrTx } from '@racine/db';

/** Kinds of resource that live inside a data source, for permission checks at its scope. */
export type SourceOwned = 'scan' | 'scanRun' | 'asset' | 'classification' | 'finding' | 'lineageEdge';

/** The data source a resource belongs to, or null if it does not exist. */
export async function dataSourceIdOf(db: DbOrTx, kind: SourceOwned, id: string): Promise<string | null> {
  switch (kind) {
    case 'scan':
      return (await db.scan.findUnique({ where: { id }, select: { dataSourceId: true } }))?.dataSourceId ?? null;
    case 'scanRun':
      return (await db.scanRun.findUnique({ where: { id }, select: { dataSourceId: true } }))?.dataSourceId ?? null;
    case 'asset':
      return (await db.asset.findUnique({ where: { id }, select: { dataSourceId: true } }))?.dataSourceId ?? null;
    case 'classification':
      return (await db.classification.findUnique({ where: { id }, select: { asset: { select: { dataSourceId: true } } } }))?.asset.dataSourceId ?? null;
    case 'finding':
      return (await db.complianceFinding.findUnique({ where: { id }, select: { dataSourceId: true } }))?.dataSourceId ?? null;
    case 'lineageEdge':
      // An edge is checked at its downstream end: declaring what feeds a table is that table's steward's call.
      return (await db.lineageEdge.findUnique({ where: { id }, select: { to: { select: { dataSourceId: true } } } }))?.to.dataSourceId ?? null;
  }
}

/** Kinds of resource that live inside a workspace, for permission checks at its scope. */
export type WorkspaceOwned = 'workflow' | 'workflowExecution' | 'pipeline' | 'pipelineRun' | 'document';

/** The workspace a resource belongs to, or null if it does not exist. */
export async function workspaceIdOf(db: DbOrTx, kind: WorkspaceOwned, id: string): Promise<string | null> {
  switch (kind) {
    case 'workflow':
      return (await db.workflow.findFirst({ where: { id, deletedAt: null }, select: { workspaceId: true } }))?.workspaceId ?? null;
    case 'workflowExecution':
      return (await db.workflowExecution.findUnique({ where: { id }, select: { workspaceId: true } }))?.workspaceId ?? null;
    case 'pipeline':
      return (await db.pipeline.findFirst({ where: { id, deletedAt: null }, select: { workspaceId: true } }))?.workspaceId ?? null;
    case 'pipelineRun':
      return (await db.pipelineRun.findUnique({ where: { id }, select: { workspaceId: true } }))?.workspaceId ?? null;
    case 'document':
      // Archived documents too: they stay readable (and refuse edits in the service).
      return (await db.document.findUnique({ where: { id }, select: { workspaceId: true } }))?.workspaceId ?? null;
  }
}
