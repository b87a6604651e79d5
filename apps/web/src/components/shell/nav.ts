import {
  Activity,
  Bell,
  FileCheck,
  FileSearch,
  FileText,
  GraduationCap,
  KeyRound,
  Lightbulb,
  Mail,
  UserPlus,
  BookOpen,
  Bot,
  Boxes,
  ChartColumn,
  ChartSpline,
  ClipboardCheck,
  Database,
  LayoutDashboard,
  Library,
  History,
  ListChecks,
  type LucideIcon,
  MessagesSquare,
  ScanSearch,
  Settings,
  ShieldCheck,
  Sparkles,
  Tags,
  UserCog,
  Waypoints,
  Workflow,
} from 'lucide-react';

export interface NavItem {
  label: string;
  icon: LucideIcon;
  /** Absent while the area is not built yet: shown disabled, "coming soon". */
  href?: string;
  /** Only shown as a link to global admins. */
  adminOnly?: boolean;
  /** Extra words the command palette matches. */
  keywords?: string[];
  /** Shown indented under the entry above it (a part of that area). */
  nested?: boolean;
  /** Paths under this entry's prefix that belong to another entry (it stays inactive there). */
  notUnder?: string[];
}

export const racineAreas: NavItem[] = [
  { label: 'Overview', icon: LayoutDashboard, href: '/', keywords: ['home'] },
  { label: 'Workspaces', icon: Boxes, href: '/workspaces' },
  {
    label: 'Workflows',
    icon: Workflow,
    href: '/workflows',
    keywords: ['automation', 'dag', 'builder', 'runs'],
    notUnder: ['/workflows/executions'],
  },
  {
    label: 'Executions',
    icon: History,
    href: '/workflows/executions',
    nested: true,
    keywords: ['workflow runs', 'run history', 'gantt', 'logs'],
  },
  {
    label: 'Tasks',
    icon: ClipboardCheck,
    href: '/tasks',
    nested: true,
    keywords: ['approvals', 'inbox', 'approve', 'reject', 'human tasks'],
  },
  {
    label: 'Pipelines',
    icon: Waypoints,
    href: '/pipelines',
    keywords: ['stages', 'quality', 'dead letters', 'sla'],
  },
  {
    label: 'Activity',
    icon: Activity,
    href: '/activity',
    keywords: ['audit', 'log', 'events'],
    notUnder: ['/activity/analytics'],
  },
  {
    label: 'Analytics & reports',
    icon: ChartSpline,
    href: '/activity/analytics',
    nested: true,
    keywords: ['activity analytics', 'heatmap', 'correlation', 'compliance report', 'csv', 'pdf'],
  },
  {
    label: 'Dashboards',
    icon: ChartColumn,
    href: '/dashboards',
    keywords: ['metrics', 'kpi', 'executive summary', 'operations', 'my work', 'charts'],
  },
  {
    label: 'Insights',
    icon: Sparkles,
    href: '/insights',
    nested: true,
    keywords: ['anomalies', 'forecasts', 'unusual', 'trends'],
  },
  {
    label: 'Assistant',
    icon: Bot,
    href: '/assistant',
    keywords: ['ask', 'ai', 'question', 'recommendations', 'chat'],
  },
  {
    label: 'Collaboration',
    icon: MessagesSquare,
    href: '/collaboration',
    keywords: ['comments', 'mentions', 'discussions'],
    notUnder: ['/collaboration/documents', '/collaboration/kb', '/collaboration/experts'],
  },
  {
    label: 'Documents',
    icon: FileText,
    href: '/collaboration/documents',
    nested: true,
    keywords: ['runbooks', 'notes', 'shared documents', 'co-edit'],
  },
  {
    label: 'Knowledge base',
    icon: Lightbulb,
    href: '/collaboration/kb',
    nested: true,
    keywords: ['articles', 'kb', 'how-to'],
  },
  {
    label: 'Experts',
    icon: GraduationCap,
    href: '/collaboration/experts',
    nested: true,
    keywords: ['expert finder', 'who knows', 'people'],
  },
  {
    label: 'Notifications',
    icon: Bell,
    href: '/notifications',
    keywords: ['inbox', 'mentions', 'alerts', 'unread'],
  },
  {
    label: 'Settings',
    icon: Settings,
    href: '/settings/profile',
    keywords: ['profile', 'preferences', 'password', 'mfa', 'sessions', 'api tokens', 'permissions'],
  },
];

export const governanceGroups: NavItem[] = [
  {
    label: 'Data sources',
    icon: Database,
    href: '/datasources',
    keywords: ['databases', 'connections', 'postgres', 'mysql', 'sqlite'],
  },
  {
    label: 'Scan rule sets',
    icon: ListChecks,
    href: '/rule-sets',
    keywords: ['rules', 'detectors', 'patterns'],
  },
  { label: 'Scans', icon: ScanSearch, href: '/scans', keywords: ['runs', 'drift', 'history'] },
  {
    label: 'Classifications',
    icon: Tags,
    href: '/classifications',
    keywords: ['labels', 'pii', 'review', 'sensitive'],
  },
  {
    label: 'Catalog',
    icon: Library,
    href: '/catalog',
    keywords: ['assets', 'tables', 'columns', 'search', 'lineage'],
  },
  {
    label: 'Glossary',
    icon: BookOpen,
    href: '/glossary',
    keywords: ['terms', 'business glossary', 'definitions'],
  },
  {
    label: 'Compliance',
    icon: ShieldCheck,
    href: '/compliance',
    keywords: ['posture', 'frameworks', 'gdpr', 'hipaa', 'pci', 'soc 2', 'ccpa', 'findings'],
  },
  {
    label: 'RBAC',
    icon: UserCog,
    href: '/admin/users',
    adminOnly: true,
    keywords: ['users', 'roles', 'admin'],
    notUnder: ['/admin/access-requests', '/admin/guests', '/admin/access-report', '/admin/attestations', '/admin/outbox'],
  },
  {
    label: 'Access requests',
    icon: KeyRound,
    href: '/admin/access-requests',
    nested: true,
    keywords: ['request access', 'approve access', 'grants', 'time-bound'],
  },
  {
    label: 'Guests',
    icon: UserPlus,
    href: '/admin/guests',
    nested: true,
    keywords: ['external collaborators', 'invite', 'auditor'],
  },
  {
    label: 'Access report',
    icon: FileSearch,
    href: '/admin/access-report',
    nested: true,
    keywords: ['restricted data', 'who had access', 'audit'],
  },
  {
    label: 'Attestations',
    icon: FileCheck,
    href: '/admin/attestations',
    nested: true,
    adminOnly: true,
    keywords: ['policies', 'acceptable use', 'attest'],
  },
  {
    label: 'Email outbox',
    icon: Mail,
    href: '/admin/outbox',
    nested: true,
    adminOnly: true,
    keywords: ['emails', 'smtp', 'sent mail'],
  },
];

/** The item whose href is the longest prefix of the path ("/" only matches itself). */
export function isActive(href: string, pathname: string, item?: NavItem): boolean {
  if (href === '/') return pathname === '/';
  if (item?.notUnder?.some((p) => pathname === p || pathname.startsWith(`${p}/`))) return false;
  // A nested entry is one page of its area: only its own path and what is under it.
  if (item?.nested) return pathname === href || pathname.startsWith(`${href}/`);
  const base = href.split('/').slice(0, 2).join('/');
  return pathname === href || pathname.startsWith(`${base}/`) || pathname === base;
}
