/** What a permission case is, and the scenes cases are built from. */
import { makeWorkspace, personWith, testDeps } from '../harness';

export type Person = Awaited<ReturnType<typeof personWith>>;

export interface Case {
  /** Builds the scene; returns the input plus who may and who may not call. */
  setup(): Promise<{ input?: unknown; allowed: Person; denied: Person[] }>;
  /** Input the procedure must reject with BAD_REQUEST, or null when it takes no input. */
  badInput: unknown;
}

export const uuid = () => crypto.randomUUID();

/** A workspace where each of the four workspace roles is held by someone (all viewers globally). */
export async function workspaceScene() {
  const { deps } = await testDeps();
  const [owner, admin, member, viewer, outsider] = await Promise.all([
    personWith(['viewer']),
    personWith(['viewer']),
    personWith(['viewer']),
    personWith(['viewer']),
    personWith(['steward']),
  ]);
  const ws = await makeWorkspace(deps.db, {
    ownerId: owner.user.id,
    members: [
      { userId: admin.user.id, role: 'admin' },
      { userId: member.user.id, role: 'member' },
      { userId: viewer.user.id, role: 'viewer' },
    ],
  });
  return { ws, owner, admin, member, viewer, outsider };
}

/** A globally checked procedure: people with these global roles may, those may not. */
export const global = (allowedRoles: string[], deniedRoles: string[][], input?: unknown) => async () => ({
  input,
  allowed: await personWith(allowedRoles),
  denied: await Promise.all(deniedRoles.map((r) => personWith(r))),
});
