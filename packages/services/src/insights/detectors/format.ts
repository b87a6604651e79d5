import type { ServiceDeps } from '../../deps';

export const roundTo = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;

/** "40×", "2.5×". */
export const times = (ratio: number) => `${ratio >= 10 ? Math.round(ratio) : roundTo(ratio, 1)}×`;

/** "~5 days", "~3 weeks", "~2 months". */
export function inAbout(days: number): string {
  if (days < 1.5) return '~1 day';
  if (days < 13) return `~${Math.round(days)} days`;
  if (days < 56) return `~${Math.round(days / 7)} weeks`;
  return `~${Math.round(days / 30)} months`;
}

export async function personNames(deps: ServiceDeps, ids: string[]): Promise<Map<string, string>> {
  const users = await deps.db.user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true, email: true } });
  return new Map(users.map((u) => [u.id, u.name || u.email]));
}
