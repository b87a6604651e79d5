export { InsightsPage } from './insights-page';
export { InsightList } from './insight-list';
export { InsightCard } from './insight-card';
export { EvidenceChart } from './evidence-chart';
