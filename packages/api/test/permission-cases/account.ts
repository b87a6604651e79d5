/** Permission cases: the caller's own account (user.profile and friends), and the role MFA switch. */
import { DEFAULT_TEST_PASSWORD } from '@racine/db/factories';
import { totpCode } from '@racine/services';
import { personWith, testDeps } from '../harness';
import { type Case, global, uuid } from './shared';

/** Someone whose own account the procedure works on; nobody else is refused (they would act on their own). */
const self = (input?: (p: Awaited<ReturnType<typeof personWith>>) => Promise<unknown> | unknown) => async () => {
  const p = await personWith(['viewer']);
  return { input: input ? await input(p) : undefined, allowed: p, denied: [] };
};

/** A person who has turned MFA on; the input is built from a current code. */
const withMfa = (input: (code: string) => unknown) => async () => {
  const p = await personWith(['viewer']);
  const { secret } = await p.caller.user.enrollMfa();
  await p.caller.user.verifyMfa({ code: totpCode(secret, new Date()) });
  return { input: input(totpCode(secret, new Date())), allowed: p, denied: [] };
};

export const accountCases: Record<string, Case> = {
  'user.profile': { setup: global([], []), badInput: null },
  'user.updateProfile': { setup: global([], [], { theme: 'dark', title: 'Steward' }), badInput: { timeZone: 'Mars/Olympus_Mons' } },
  'user.changePassword': {
    setup: self(() => ({ currentPassword: DEFAULT_TEST_PASSWORD, newPassword: `new-${uuid()}` })),
    badInput: { currentPassword: 'x', newPassword: 'short' },
  },
  'user.enrollMfa': { setup: global([], []), badInput: null },
  'user.verifyMfa': {
    setup: self(async (p) => ({ code: totpCode((await p.caller.user.enrollMfa()).secret, new Date()) })),
    badInput: { code: '12' },
  },
  'user.disableMfa': { setup: withMfa((code) => ({ password: DEFAULT_TEST_PASSWORD, code })), badInput: { password: 'x', code: 'abcdef' } },
  'user.regenerateRecoveryCodes': { setup: withMfa((code) => ({ code })), badInput: { code: '' } },
  'user.sessions': { setup: global([], []), badInput: null },
  'user.revokeSession': {
    setup: self(async (p) => {
      const { deps } = await testDeps();
      const s = await deps.db.userSession.create({ data: { userId: p.user.id, expiresAt: new Date(Date.now() + 3_600_000) } });
      return { id: s.id };
    }),
    badInput: { id: 'session-1' },
  },
  'user.revokeOtherSessions': { setup: global([], []), badInput: null },
  'user.effectivePermissions': {
    setup: async () => {
      const target = await personWith(['viewer']);
      return { input: { userId: target.user.id }, allowed: await personWith(['analyst']), denied: [await personWith(['viewer'])] };
    },
    badInput: { userId: 'someone' },
  },
  'user.activity': { setup: global([], []), badInput: { limit: 0 } },
  'rbac.setRoleRequiresMfa': {
    setup: async () => {
      // A role of its own, held by nobody: flipping a built-in role would lock out other tests' users.
      const { deps } = await testDeps();
      const key = `test.mfa.${uuid()}`;
      const role = await deps.db.role.create({ data: { key, name: 'MFA test role', description: 'permission case', scopeType: 'workspace' } });
      return { input: { roleId: role.id, requiresMfa: true }, allowed: await personWith(['admin']), denied: [await personWith(['steward']), await personWith(['viewer'])] };
    },
    badInput: { roleId: '', requiresMfa: 'yes' },
  },
};
