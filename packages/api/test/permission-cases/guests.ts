/** Permission cases: external collaborators. preview/accept are public: anyone holding the link may call them. */
import { AccessChecker, inviteGuest } from '@racine/services';
import { testDeps } from '../harness';
import { type Case, global, type Person, uuid, workspaceScene } from './shared';

const email = () => `guest-${uuid()}@outside.test`;

/** A pending invite to the scene's workspace, sent by its owner; the token comes from the link. */
async function pendingInvite(s: Awaited<ReturnType<typeof workspaceScene>>) {
  const { deps } = await testDeps();
  const { invite, link } = await inviteGuest(deps, s.owner.actor, new AccessChecker(deps.db, s.owner.actor), { workspaceId: s.ws.id, email: email(), roleKey: 'viewer', accessDays: 7, linkValidHours: 72 });
  return { invite, token: link.split('/invite/')[1]! };
}

/** For a public procedure: anyone may, nobody is refused. */
const anyone = async (input: unknown, who: Person) => ({ input, allowed: who, denied: [] });

export const guestCases: Record<string, Case> = {
  'guest.invite': {
    setup: async () => {
      const s = await workspaceScene();
      return { input: { workspaceId: s.ws.id, email: email(), roleKey: 'member', accessDays: 14 }, allowed: s.admin, denied: [s.member, s.viewer, s.outsider] };
    },
    badInput: { workspaceId: uuid(), email: 'not-an-email', roleKey: 'viewer', accessDays: 1 },
  },
  'guest.revoke': {
    setup: async () => {
      const s = await workspaceScene();
      const { invite } = await pendingInvite(s);
      return { input: { inviteId: invite.id }, allowed: s.admin, denied: [s.member, s.viewer, s.outsider] };
    },
    badInput: { inviteId: 'invite-1' },
  },
  'guest.list': { setup: global([], []), badInput: { limit: 0 } },
  'guest.workspaces': { setup: global([], []), badInput: null },
  'guest.preview': {
    setup: async () => {
      const s = await workspaceScene();
      return anyone({ token: (await pendingInvite(s)).token }, s.outsider);
    },
    badInput: { token: '' },
  },
  'guest.accept': {
    setup: async () => {
      const s = await workspaceScene();
      return anyone({ token: (await pendingInvite(s)).token, name: 'Outside Auditor', password: 'a long enough password' }, s.outsider);
    },
    badInput: { token: 'x'.repeat(32), name: 'Outside Auditor', password: 'short' },
  },
};
