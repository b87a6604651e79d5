import type { RouterInputs, RouterOutputs } from '~/trpc/types';

export type Insight = RouterOutputs['insight']['list']['items'][number];
export type InsightListInput = RouterInputs['insight']['list'];
export type InsightStatus = Insight['status'];
export type InsightSeverity = Insight['severity'];

/** What the services store as Insight.evidence (packages/services/src/insights/types.ts), as the web reads it. */
export interface InsightEvidence {
  method: 'robust-z' | 'ewma' | 'holt';
  unit: 'count' | 'percent';
  seriesLabel: string;
  series: { t: string; value: number }[];
  current: number;
  baseline?: { from: string; to: string; points: number; median?: number; mad?: number; scale?: number; floored?: boolean; lower?: number; upper?: number };
  score?: { name: string; value: number; threshold: number };
  ratio?: number;
  forecast?: { points: { t: string; value: number; lower: number; upper: number }[]; threshold: number; crossesInDays: number; direction: 'below' | 'above'; alpha: number; beta: number; sigma: number };
  notes?: Record<string, unknown>;
}

export function evidenceOf(insight: Pick<Insight, 'evidence'>): InsightEvidence | null {
  const e = insight.evidence as Partial<InsightEvidence> | null;
  return e && Array.isArray(e.series) && typeof e.method === 'string' ? (e as InsightEvidence) : null;
}
