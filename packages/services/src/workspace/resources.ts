import type { z } from 'zod';
import type { Actor } from '../actor';
import { mutate } from '../activity/record';
import type { ServiceDeps } from '../deps';
import { AppError, notFound } from '../errors';
import type { linkResourceInput, unlinkResourceInput } from './schemas';

export async function linkResource(deps: ServiceDeps, actor: Actor, input: z.output<typeof linkResourceInput>) {
  return mutate(deps, actor, { type: 'workspace.resource.linked', category: 'configuration', sourceGroup: 'workspace', targetGroup: input.resourceType, action: 'link', resourceType: 'workspace', resourceId: input.workspaceId, workspaceId: input.workspaceId }, async (tx) => {
    const workspace = await tx.workspace.findUnique({ where: { id: input.workspaceId }, select: { id: true, maxResources: true, _count: { select: { resources: true } } } });
    if (!workspace) throw notFound('Workspace', input.workspaceId);
    const key = { workspaceId: input.workspaceId, resourceType: input.resourceType, resourceId: input.resourceId };
    if (await tx.workspaceResource.findUnique({ where: { workspaceId_resourceType_resourceId: key } }))
      throw new AppError('CONFLICT', `${input.resourceType} ${input.resourceId} is already linked`);
    if (workspace._count.resources >= workspace.maxResources)
      throw new AppError('QUOTA_EXCEEDED', `This workspace is at its linked-resource quota (${workspace._count.resources} of ${workspace.maxResources})`, { quota: 'maxResources', limit: workspace.maxResources });
    const link = await tx.workspaceResource.create({
      data: { ...key, label: input.label, linkedById: actor.kind === 'system' ? null : actor.userId },
      select: { id: true, resourceType: true, resourceId: true, label: true, createdAt: true },
    });
    return { result: link, details: { linkedType: input.resourceType, linkedId: input.resourceId }, after: { resourceType: link.resourceType, resourceId: link.resourceId, label: link.label } };
  });
}

export async function unlinkResource(deps: ServiceDeps, actor: Actor, input: z.output<typeof unlinkResourceInput>) {
  return mutate(deps, actor, { type: 'workspace.resource.unlinked', category: 'configuration', sourceGroup: 'workspace', targetGroup: input.resourceType, action: 'unlink', resourceType: 'workspace', resourceId: input.workspaceId, workspaceId: input.workspaceId }, async (tx) => {
    const key = { workspaceId: input.workspaceId, resourceType: input.resourceType, resourceId: input.resourceId };
    const link = await tx.workspaceResource.findUnique({ where: { workspaceId_resourceType_resourceId: key } });
    if (!link) throw new AppError('NOT_FOUND', `${input.resourceType} ${input.resourceId} is not linked to this workspace`);
    await tx.workspaceResource.delete({ where: { id: link.id } });
    return { result: { ...key, unlinked: true as const }, details: { linkedType: input.resourceType, linkedId: input.resourceId }, before: { resourceType: link.resourceType, resourceId: link.resourceId, label: link.label } };
  });
}
