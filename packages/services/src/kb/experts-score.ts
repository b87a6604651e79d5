/**
 * The expert finder's scoring, pure so it is tested on its own: each piece of
 * evidence (a curation, a review, a resolved finding, an ownership, …) counts
 * its kind's weight, halved every HALF_LIFE_DAYS since it happened; standing
 * roles (owner, steward, term owner) do not fade. A person's score is the sum;
 * their reasons are the per-kind counts, the latest time and an example, so
 * the page can say why ("Reviewed 14 PII.Email labels, last 3 days ago").
 */
export const evidenceKinds = ['owner', 'steward', 'termOwner', 'resolvedFinding', 'reviewed', 'wroteArticle', 'curated', 'activity', 'commented'] as const;
export type EvidenceKind = (typeof evidenceKinds)[number];

/** Points for one piece of evidence of each kind, when fresh. Standing roles weigh most; a comment least. */
export const EVIDENCE_WEIGHTS: Record<EvidenceKind, number> = {
  owner: 5,
  steward: 4,
  termOwner: 3,
  resolvedFinding: 3,
  reviewed: 2,
  wroteArticle: 3,
  curated: 1,
  activity: 1,
  commented: 0.5,
};
/** Standing roles hold as long as they are held: they do not decay. */
const STANDING: ReadonlySet<EvidenceKind> = new Set(['owner', 'steward', 'termOwner']);
export const HALF_LIFE_DAYS = 90;
const DAY_MS = 86_400_000;

export interface Evidence {
  userId: string;
  kind: EvidenceKind;
  at: Date;
  example: string;
}

export interface Reason {
  kind: EvidenceKind;
  count: number;
  lastAt: Date;
  /** The most recent one's description. */
  example: string;
  /** What this kind added to the score. */
  points: number;
}

export interface RankedExpert {
  userId: string;
  score: number;
  reasons: Reason[];
}

/** 1 now, ½ after one half-life, ¼ after two; never above 1 (a clock skewed into the future counts as now). */
export function decay(ageMs: number, halfLifeDays = HALF_LIFE_DAYS): number {
  return Math.pow(0.5, Math.max(0, ageMs) / (halfLifeDays * DAY_MS));
}

export function evidencePoints(e: Pick<Evidence, 'kind' | 'at'>, now: Date, halfLifeDays = HALF_LIFE_DAYS): number {
  const weight = EVIDENCE_WEIGHTS[e.kind];
  return STANDING.has(e.kind) ? weight : weight * decay(now.getTime() - e.at.getTime(), halfLifeDays);
}

const round = (n: number) => Math.round(n * 100) / 100;

/** People by score (highest first; ties by most recent evidence, then id), at most `limit`. */
export function rankExperts(evidence: readonly Evidence[], now: Date, limit: number, halfLifeDays = HALF_LIFE_DAYS): RankedExpert[] {
  const people = new Map<string, Map<EvidenceKind, Reason>>();
  for (const e of evidence) {
    const reasons = people.get(e.userId) ?? new Map<EvidenceKind, Reason>();
    people.set(e.userId, reasons);
    const points = evidencePoints(e, now, halfLifeDays);
    const r = reasons.get(e.kind);
    if (!r) reasons.set(e.kind, { kind: e.kind, count: 1, lastAt: e.at, example: e.example, points });
    else {
      r.count++;
      r.points += points;
      if (e.at > r.lastAt) Object.assign(r, { lastAt: e.at, example: e.example });
    }
  }
  const ranked = [...people].map(([userId, reasons]) => {
    const list = [...reasons.values()].map((r) => ({ ...r, points: round(r.points) })).sort((a, b) => b.points - a.points || b.count - a.count);
    return { userId, score: round(list.reduce((sum, r) => sum + r.points, 0)), reasons: list, latest: Math.max(...list.map((r) => r.lastAt.getTime())) };
  });
  ranked.sort((a, b) => b.score - a.score || b.latest - a.latest || a.userId.localeCompare(b.userId));
  return ranked.slice(0, limit).map(({ latest: _latest, ...r }) => r);
}
