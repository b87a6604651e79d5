import {
  Activity,
  BookOpen,
  Bot,
  Boxes,
  ChartColumn,
  Database,
  LayoutDashboard,
  Library,
  ListChecks,
  type LucideIcon,
  MessagesSquare,
  ScanSearch,
  Settings,
  ShieldCheck,
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
}

export const racineAreas: NavItem[] = [
  { label: 'Overview', icon: LayoutDashboard, href: '/', keywords: ['home'] },
  { label: 'Workspaces', icon: Boxes, href: '/workspaces' },
  { label: 'Workflows', icon: Workflow },
  { label: 'Pipelines', icon: Waypoints },
  { label: 'Activity', icon: Activity, href: '/activity', keywords: ['audit', 'log', 'events'] },
  { label: 'Dashboards', icon: ChartColumn },
  { label: 'Assistant', icon: Bot },
  { label: 'Collaboration', icon: MessagesSquare },
  {
    label: 'Settings',
    icon: Settings,
    href: '/settings/tokens',
    keywords: ['api tokens', 'preferences'],
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
  },
];

/** The item whose href is the longest prefix of the path ("/" only matches itself). */
export function isActive(href: string, pathname: string): boolean {
  if (href === '/') return pathname === '/';
  const base = href.split('/').slice(0, 2).join('/');
  return pathname === href || pathname.startsWith(`${base}/`) || pathname === base;
}
