import {
  addMember,
  addMemberInput,
  createFromTemplateInput,
  createWorkspace,
  createWorkspaceFromTemplate,
  createWorkspaceInput,
  deleteWorkspace,
  getWorkspace,
  linkResource,
  linkResourceInput,
  listTemplates,
  listWorkspaces,
  listWorkspacesInput,
  removeMember,
  removeMemberInput,
  setMemberRole,
  setMemberRoleInput,
  unlinkResource,
  unlinkResourceInput,
  updateWorkspace,
  updateWorkspaceInput,
  workspaceIdInput,
} from '@racine/services';
import { procedure, router } from '../trpc';

const inWorkspace = { workspace: 'workspaceId' };
const byId = { workspace: 'id' };

export const workspaceRouter = router({
  templates: procedure.meta({ permission: 'authenticated' }).query(() => listTemplates()),
  create: procedure
    .meta({ permission: 'workspace.create' })
    .input(createWorkspaceInput)
    .mutation(({ ctx, input }) => createWorkspace(ctx.deps, ctx.actor, input)),
  createFromTemplate: procedure
    .meta({ permission: 'workspace.create' })
    .input(createFromTemplateInput)
    .mutation(({ ctx, input }) => createWorkspaceFromTemplate(ctx.deps, ctx.actor, input)),
  list: procedure
    .meta({ permission: 'workspace.read', filtered: true })
    .input(listWorkspacesInput.default({ limit: 25 }))
    .query(({ ctx, input }) => listWorkspaces(ctx.deps, ctx.access, input)),
  get: procedure
    .meta({ permission: 'workspace.read', scope: byId })
    .input(workspaceIdInput)
    .query(({ ctx, input }) => getWorkspace(ctx.deps, ctx.access, input.id)),
  update: procedure
    .meta({ permission: 'workspace.update', scope: byId })
    .input(updateWorkspaceInput)
    .mutation(({ ctx, input }) => updateWorkspace(ctx.deps, ctx.actor, input)),
  delete: procedure
    .meta({ permission: 'workspace.delete', scope: byId })
    .input(workspaceIdInput)
    .mutation(({ ctx, input }) => deleteWorkspace(ctx.deps, ctx.actor, input.id)),
  addMember: procedure
    .meta({ permission: 'workspace.members.manage', scope: inWorkspace })
    .input(addMemberInput)
    .mutation(({ ctx, input }) => addMember(ctx.deps, ctx.actor, ctx.access, input)),
  removeMember: procedure
    .meta({ permission: 'workspace.members.manage', scope: inWorkspace })
    .input(removeMemberInput)
    .mutation(({ ctx, input }) => removeMember(ctx.deps, ctx.actor, ctx.access, input)),
  setMemberRole: procedure
    .meta({ permission: 'workspace.members.manage', scope: inWorkspace })
    .input(setMemberRoleInput)
    .mutation(({ ctx, input }) => setMemberRole(ctx.deps, ctx.actor, ctx.access, input)),
  linkResource: procedure
    .meta({ permission: 'workspace.resources.manage', scope: inWorkspace })
    .input(linkResourceInput)
    .mutation(({ ctx, input }) => linkResource(ctx.deps, ctx.actor, input)),
  unlinkResource: procedure
    .meta({ permission: 'workspace.resources.manage', scope: inWorkspace })
    .input(unlinkResourceInput)
    .mutation(({ ctx, input }) => unlinkResource(ctx.deps, ctx.actor, input)),
});
