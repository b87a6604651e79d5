/**
 * The system prompt: what Racine is, what the page the question was asked on
 * is about (ids resolved to names, so "this table" means something to the
 * model), and the rule that answers come from tool results only.
 */
import { resolveResource, type ResourceRef } from '../../collab/resource-ref';
import type { PageContext, ToolContext } from '../types';

const pageRefs = (page: PageContext): { label: string; ref: ResourceRef }[] => [
  ...(page.assetId
    ? [{ label: 'asset', ref: { resourceType: 'asset' as const, resourceId: page.assetId } }]
    : []),
  ...(page.dataSourceId
    ? [
        {
          label: 'data source',
          ref: { resourceType: 'dataSource' as const, resourceId: page.dataSourceId },
        },
      ]
    : []),
  ...(page.workspaceId
    ? [
        {
          label: 'workspace',
          ref: { resourceType: 'workspace' as const, resourceId: page.workspaceId },
        },
      ]
    : []),
  ...(page.frameworkId
    ? [
        {
          label: 'compliance framework',
          ref: { resourceType: 'framework' as const, resourceId: page.frameworkId },
        },
      ]
    : []),
];

/**
 * One line per thing the page is about that the asker may read. A page about
 * something they may not read (a shared link to a restricted asset) adds
 * nothing, so its name never reaches the model.
 */
export async function describePage(ctx: ToolContext): Promise<string[]> {
  const lines = await Promise.all(
    pageRefs(ctx.page).map(async ({ label, ref }) => {
      const found = await resolveResource(ctx.deps.db, ref).catch(() => null);
      if (!found || !(await ctx.access.can(found.read.permission, found.read.scope))) return null;
      return `- the ${label} "${found.title}" (id ${ref.resourceId})`;
    }),
  );
  return lines.filter((l): l is string => l !== null);
}

export async function systemPromptFor(ctx: ToolContext, now: Date): Promise<string> {
  const page = await describePage(ctx);
  return [
    'You are the assistant of Racine, a data-governance control plane. Racine registers data sources (databases), scans them,',
    'classifies their columns (PII, financial, health labels such as PII.Email), keeps a catalog of assets with owners and lineage,',
    'evaluates compliance frameworks (GDPR, HIPAA, PCI-DSS, SOC 2, CCPA) into findings and posture scores, and runs workflows and pipelines.',
    '',
    'Answer only from the results of the tools you call. Do not guess names, counts or states: if the tools return nothing, say so plainly.',
    'The tools run with the permissions of the person asking; what they do not return, that person may not see, so never speculate about it.',
    'Tools that change something (start a scan, a workflow) are not run by you: calling one prepares it and the person confirms it in the interface.',
    'Keep answers short, name the assets and sources you found, and prefer a short list to a paragraph.',
    '',
    `Now: ${now.toISOString()}.`,
    page.length
      ? `The question was asked on a page about:\n${page.join('\n')}\n"This table", "this source" and the like refer to these.`
      : ctx.page.path
        ? `The question was asked on the page ${ctx.page.path}.`
        : 'The question was not asked on a page about a particular resource.',
  ].join('\n');
}
