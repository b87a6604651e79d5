// The insights barrel: re-export this folder's public functions here.
export * from './schemas';
export { listInsights, type InsightView } from './queries';
export { updateInsightStatus, insightTransitions, canMove } from './status';
export { insightReader } from './visibility';
