// The insights barrel: re-export this folder's public functions here.
export * from './schemas';
export { listInsights, type InsightView } from './queries';
export { updateInsightStatus, insightTransitions, canMove } from './status';
export { insightReader } from './visibility';
export { detectInsights, insightDetectionTask, detectors, type DetectionReport } from './detect';
export { recordCandidate, evidenceHashOf, fingerprintOf } from './records';
export type { InsightCandidate, InsightEvidence, EvidencePoint, EvidenceBandPoint } from './types';
export * as insightStats from './stats';
export { restrictedReadType, recordRestrictedRead } from '../catalog/restricted-read';
