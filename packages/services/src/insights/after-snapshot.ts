/**
 * The hourly metrics snapshot, followed at once by the detectors that read the series it writes
 * (sensitive-column jumps and growth forecasts): without this a jump that the snapshot records at
 * five past the hour waited for the next 15-minute detection pass. The other detectors read the
 * activity log and run on their own schedule (insights:detect).
 */
import type { ServiceDeps } from '../deps';
import type { PeriodicTask } from '../jobs/periodic';
import { metricsSnapshotTask, snapshotMetrics } from '../metrics/snapshot';
import { detectInsights, type detectors } from './detect';

export const snapshotDetectors: (keyof typeof detectors)[] = ['sensitiveJump', 'sensitiveGrowth'];

export async function snapshotThenDetect(deps: ServiceDeps) {
  const snapshot = await snapshotMetrics(deps);
  const report = await detectInsights(deps, { now: snapshot.at, only: snapshotDetectors });
  if (report.failed.length) throw new Error(`Insight detectors failed after the snapshot: ${report.failed.map((f) => `${f.detector}: ${f.message}`).join('; ')}`);
  return { ...snapshot, insights: report.recorded.filter((r) => r.outcome !== 'unchanged').length, notified: report.notified };
}

export const metricsSnapshotThenDetectTask: PeriodicTask = { ...metricsSnapshotTask, run: snapshotThenDetect };
