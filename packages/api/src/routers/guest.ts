import {
  acceptGuestInvite,
  acceptGuestInviteInput,
  guestTokenInput,
  guestWorkspaces,
  inviteGuest,
  inviteGuestInput,
  listGuestInvites,
  listGuestInvitesInput,
  previewGuestInvite,
  revokeGuestInvite,
  revokeGuestInviteInput,
} from '@racine/services';
import { procedure, publicProcedure, router } from '../trpc';

/**
 * External collaborators. Inviting is checked at the workspace; revoking at
 * the invite's workspace, by the service (it has to find the invite first).
 * preview/accept are public: the invitee has no account yet, and the link's
 * token is their only credential.
 */
export const guestRouter = router({
  invite: procedure
    .meta({ permission: 'guest.manage', scope: { workspace: 'workspaceId' } })
    .input(inviteGuestInput)
    .mutation(({ ctx, input }) => inviteGuest(ctx.deps, ctx.actor, ctx.access, input)),
  revoke: procedure.meta({ permission: 'guest.manage', filtered: true }).input(revokeGuestInviteInput).mutation(({ ctx, input }) => revokeGuestInvite(ctx.deps, ctx.actor, ctx.access, input)),
  list: procedure
    .meta({ permission: 'guest.manage', filtered: true })
    .input(listGuestInvitesInput.default({ limit: 25 }))
    .query(({ ctx, input }) => listGuestInvites(ctx.deps, ctx.access, input)),
  workspaces: procedure.meta({ permission: 'guest.manage', filtered: true }).query(({ ctx }) => guestWorkspaces(ctx.deps, ctx.access)),
  preview: publicProcedure.meta({ permission: 'public' }).input(guestTokenInput).query(({ ctx, input }) => previewGuestInvite(ctx.deps, input)),
  accept: publicProcedure.meta({ permission: 'public' }).input(acceptGuestInviteInput).mutation(({ ctx, input }) => acceptGuestInvite(ctx.deps, input)),
});
