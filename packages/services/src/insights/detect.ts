/**
 * One detection pass: every detector over the data as of `now`, each candidate recorded
 * (records.ts), and the people who may see a new or reopened high/critical insight notified in
 * the same transaction. Runs every 15 minutes (insights:detect) and may be called directly,
 * e.g. right after a metrics snapshot.
 */
import type { Tx } from '@racine/db';
import type { ServiceDeps } from '../deps';
import type { PeriodicTask } from '../jobs/periodic';
import { sendNotifications } from '../notifications/notifications';
import { detectActivityVolume } from './detectors/activity-volume';
import { detectPostureForecast } from './detectors/posture-forecast';
import { detectRestrictedReads } from './detectors/restricted-reads';
import { detectScanCollapse } from './detectors/scan-success';
import { detectSensitiveGrowth } from './detectors/sensitive-growth';
import { detectSensitiveJump } from './detectors/sensitive-jump';
import { insightRecipients } from './recipients';
import { recordCandidate, type RecordedInsight, type RecordOutcome } from './records';
import type { InsightCandidate } from './types';

export const detectors: Record<string, (deps: ServiceDeps, now: Date) => Promise<InsightCandidate[]>> = {
  restrictedReads: detectRestrictedReads,
  activityVolume: detectActivityVolume,
  scanCollapse: detectScanCollapse,
  sensitiveJump: detectSensitiveJump,
  postureForecast: detectPostureForecast,
  sensitiveGrowth: detectSensitiveGrowth,
};

export interface DetectionReport {
  recorded: RecordedInsight[];
  /** Detectors that threw: one broken detector does not stop the others. */
  failed: { detector: string; message: string }[];
  notified: number;
}

async function notify(tx: Tx, id: string, outcome: RecordOutcome): Promise<number> {
  if (outcome !== 'created' && outcome !== 'reopened') return 0;
  const insight = await tx.insight.findUniqueOrThrow({ where: { id }, select: { id: true, severity: true, title: true, summary: true, workspaceId: true, subjectType: true, subjectId: true, seq: true } });
  if (insight.severity !== 'high' && insight.severity !== 'critical') return 0;
  const to = await insightRecipients(tx, insight);
  // The seq changes on reopening, so a reopened insight is told again; a repeat of the same one is not.
  return sendNotifications(tx, to, `insight:${id}:${insight.seq}`, { kind: 'insight', title: insight.title, body: insight.summary, link: `/insights?focus=${id}` });
}

export async function detectInsights(deps: ServiceDeps, opts: { now?: Date; only?: (keyof typeof detectors)[] } = {}): Promise<DetectionReport> {
  const now = opts.now ?? deps.clock();
  const report: DetectionReport = { recorded: [], failed: [], notified: 0 };
  const names = opts.only ?? (Object.keys(detectors) as (keyof typeof detectors)[]);
  for (const name of names) {
    let candidates: InsightCandidate[];
    try {
      candidates = await detectors[name]!(deps, now);
    } catch (error) {
      report.failed.push({ detector: name, message: (error as Error).message });
      continue;
    }
    for (const c of candidates) {
      report.recorded.push(
        await recordCandidate(deps, c, async (tx, id, outcome) => {
          report.notified += await notify(tx, id, outcome);
        }),
      );
    }
  }
  return report;
}

export const insightDetectionTask: PeriodicTask = {
  name: 'insights:detect',
  cron: '*/15 * * * *',
  run: async (deps) => {
    const r = await detectInsights(deps);
    if (r.failed.length) throw new Error(`Insight detectors failed: ${r.failed.map((f) => `${f.detector}: ${f.message}`).join('; ')}`);
    return { recorded: r.recorded.filter((x) => x.outcome !== 'unchanged').length, notified: r.notified };
  },
};
