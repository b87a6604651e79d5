import type { FindingStatus, RuleTarget, Severity } from './types';

export const severities: Severity[] = ['critical', 'high', 'medium', 'low'];
export const findingStatuses: FindingStatus[] = ['open', 'acknowledged', 'waived', 'resolved'];
export const ruleTargets: RuleTarget[] = ['column', 'table', 'source'];
