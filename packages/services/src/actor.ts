/** Who is acting: a signed-in user, a user through an API token, or the system itself. */
export type Actor =
  | { kind: 'user'; userId: string; guest?: true; sessionId?: string }
  | { kind: 'token'; userId: string; tokenId: string; guest?: true }
  | { kind: 'system'; userId?: undefined };

export const systemActor: Actor = { kind: 'system' };

export function actorUserId(actor: Actor): string | null {
  return actor.kind === 'system' ? null : actor.userId;
}
