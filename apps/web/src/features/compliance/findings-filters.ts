import { severities } from './constants';
import type { FindingsInput, FindingStatus, Severity } from './types';

/** The status tabs: "active" is what still needs someone (open or acknowledged). */
export const statusTabs = [
  { value: 'active', label: 'Active', statuses: ['open', 'acknowledged'] },
  { value: 'open', label: 'Open', statuses: ['open'] },
  { value: 'acknowledged', label: 'Acknowledged', statuses: ['acknowledged'] },
  { value: 'waived', label: 'Waived', statuses: ['waived'] },
  { value: 'resolved', label: 'Resolved', statuses: ['resolved'] },
  { value: 'all', label: 'All', statuses: [] },
] as const satisfies readonly {
  value: string;
  label: string;
  statuses: readonly FindingStatus[];
}[];
export type StatusTab = (typeof statusTabs)[number]['value'];

export interface FindingFilters {
  frameworkId: string | null;
  ruleId: string | null;
  dataSourceId: string | null;
  assetId: string | null;
  tab: StatusTab;
  severity: Severity[];
  /** A user id, "me" or "none" (unassigned). */
  assignee: string | null;
  q: string;
  page: number;
}

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const idOrNull = (v: string | null) => (v && uuid.test(v) ? v : null);

/** Reads the filters from the URL, dropping anything malformed rather than failing. */
export function filtersFromUrl(params: URLSearchParams): FindingFilters {
  const tab = params.get('status');
  const assignee = params.get('assignee');
  const page = Number(params.get('page'));
  return {
    frameworkId: idOrNull(params.get('framework')),
    ruleId: idOrNull(params.get('rule')),
    dataSourceId: idOrNull(params.get('source')),
    assetId: idOrNull(params.get('assetId')),
    tab: statusTabs.some((t) => t.value === tab) ? (tab as StatusTab) : 'active',
    severity: (params.get('severity') ?? '')
      .split(',')
      .filter((s): s is Severity => (severities as string[]).includes(s)),
    assignee: assignee === 'me' || assignee === 'none' ? assignee : idOrNull(assignee),
    q: params.get('q') ?? '',
    page: Number.isInteger(page) && page > 1 ? page : 1,
  };
}

export function filtersToUrl(f: FindingFilters): URLSearchParams {
  const p = new URLSearchParams();
  if (f.frameworkId) p.set('framework', f.frameworkId);
  if (f.ruleId) p.set('rule', f.ruleId);
  if (f.dataSourceId) p.set('source', f.dataSourceId);
  if (f.assetId) p.set('assetId', f.assetId);
  if (f.tab !== 'active') p.set('status', f.tab);
  if (f.severity.length) p.set('severity', f.severity.join(','));
  if (f.assignee) p.set('assignee', f.assignee);
  if (f.q.trim()) p.set('q', f.q.trim());
  if (f.page > 1) p.set('page', String(f.page));
  return p;
}

export const PAGE_SIZE = 25;

/** The API input for the filters; `withStatus: false` gives the input the tab counts use. */
export function findingsInput(f: FindingFilters): FindingsInput {
  const statuses = statusTabs.find((t) => t.value === f.tab)!.statuses;
  return {
    ...(f.frameworkId ? { frameworkId: f.frameworkId } : {}),
    ...(f.ruleId ? { ruleId: f.ruleId } : {}),
    ...(f.dataSourceId ? { dataSourceId: f.dataSourceId } : {}),
    ...(f.assetId ? { assetId: f.assetId } : {}),
    ...(statuses.length ? { status: [...statuses] } : {}),
    ...(f.severity.length ? { severity: f.severity } : {}),
    ...(f.assignee ? { assigneeId: f.assignee } : {}),
    ...(f.q.trim() ? { q: f.q.trim() } : {}),
    limit: PAGE_SIZE,
    offset: (f.page - 1) * PAGE_SIZE,
  };
}

export const isFiltered = (f: FindingFilters) =>
  !!(
    f.frameworkId ||
    f.ruleId ||
    f.dataSourceId ||
    f.assetId ||
    f.severity.length ||
    f.assignee ||
    f.q.trim()
  );
