import type { InsightSeverity } from './schemas';

/** A point of an evidence series (ISO time, so evidence is plain JSON). */
export interface EvidencePoint {
  t: string;
  value: number;
}

export interface EvidenceBandPoint {
  t: string;
  value: number;
  lower: number;
  upper: number;
}

/**
 * What an insight rests on, stored as Insight.evidence and drawn by the web's insight card:
 * the series, the baseline window, the score and the threshold it crossed.
 */
export interface InsightEvidence {
  method: 'robust-z' | 'ewma' | 'holt';
  unit: 'count' | 'percent';
  /** What the series counts, e.g. "Restricted assets read per day". */
  seriesLabel: string;
  series: EvidencePoint[];
  /** The value judged unusual (anomalies), or the last observed (forecasts). */
  current: number;
  baseline?: { from: string; to: string; points: number; median?: number; mad?: number; scale?: number; floored?: boolean; ewma?: number; sigma?: number; lower?: number; upper?: number };
  score?: { name: string; value: number; threshold: number };
  /** current ÷ baseline median, when meaningful ("40× their usual"). */
  ratio?: number;
  forecast?: { points: EvidenceBandPoint[]; threshold: number; crossesInDays: number; direction: 'below' | 'above'; alpha: number; beta: number; sigma: number };
  /** Anything else the reader should know (e.g. which assets were read). */
  notes?: Record<string, unknown>;
}

/** What a detector proposes; records.ts turns candidates into Insight rows. */
export interface InsightCandidate {
  kind: 'anomaly' | 'forecast';
  type: string;
  severity: InsightSeverity;
  confidence: number;
  title: string;
  summary: string;
  evidence: InsightEvidence;
  suggestedAction: string;
  actionLink: string | null;
  subjectType: string;
  subjectId: string;
  workspaceId?: string | null;
  dataSourceId?: string | null;
  /**
   * The evidence that matters, coarsened (buckets, rounding): the insight counts as unchanged
   * while this is the same, so a dismissed insight does not come back for a wobble.
   */
  material: Record<string, string | number | boolean | null>;
}

/** Half-octave buckets: 40 and 41 are the same magnitude, 40 and 60 are not. */
export function magnitude(x: number): number {
  return x <= 0 ? 0 : Math.round(Math.log2(x) * 2) / 2;
}

export const dayKey = (d: Date) => d.toISOString().slice(0, 10);
