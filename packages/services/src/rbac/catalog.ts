/**
 * Every permission Racine knows, and the built-in roles. A permission is an
 * action on a resource type; procedures name the one they need.
 */
export const permissions = {
  'system.read': 'See system health and status',
  'user.read': 'Look up users in the directory',
  'user.manage': 'Create and deactivate users, assign global roles',
  'role.read': 'See roles and what they allow',
  'token.manage': 'Create and revoke one’s own API tokens',
  'workspace.create': 'Create workspaces',
  'workspace.read': 'See a workspace, its members and linked resources',
  'workspace.update': 'Change a workspace’s settings and quotas',
  'workspace.delete': 'Delete a workspace',
  'workspace.members.manage': 'Add and remove members, change their roles',
  'workspace.resources.manage': 'Link and unlink resources',
  'activity.read': 'Read the activity log',
  'activity.verify': 'Verify the activity log’s hash chain',
  'datasource.create': 'Register data sources',
  'datasource.read': 'See a data source and what its scans found',
  'datasource.update': 'Change a data source’s settings and credentials',
  'datasource.delete': 'Delete a data source and its catalog',
  'datasource.connect': 'Test a connection and discover its schema',
  'datasource.preview': 'Read rows and column profiles (real data)',
  'scanRuleSet.read': 'See scan rule sets',
  'scanRuleSet.manage': 'Create, change and delete scan rule sets',
  'scan.read': 'See scans, runs and drift',
  'scan.manage': 'Create, change and delete scans',
  'scan.run': 'Run and cancel scans',
  'classification.read': 'See classifications and their evidence',
  'classification.review': 'Accept and reject classifications',
  'catalog.curate': 'Describe, tag, certify and assign owners to a source’s assets; declare lineage',
  'glossary.read': 'See glossary terms',
  'glossary.manage': 'Create, change, link and delete glossary terms',
  'compliance.read': 'See frameworks, rules and posture (findings: of the sources one may read)',
  'compliance.manage': 'Create and change frameworks and rules',
  'compliance.evaluate': 'Evaluate frameworks on demand',
  'compliance.findings.manage': 'Acknowledge, assign and resolve a source’s findings',
  'compliance.waive': 'Waive a source’s findings with a justification and an expiry',
  'workflow.read': 'See a workspace’s workflows, their executions and logs',
  'workflow.manage': 'Create and change a workspace’s workflows, apply suggestions',
  'workflow.execute': 'Run, cancel, pause and resume a workspace’s workflows',
  'pipeline.read': 'See a workspace’s pipelines, runs, metrics and dead letters',
  'pipeline.manage': 'Create and change a workspace’s pipelines',
  'pipeline.execute': 'Run a workspace’s pipelines and retry dead letters',
  'document.read': 'Read a workspace’s shared documents and their history',
  'document.edit': 'Create, edit and restore a workspace’s shared documents',
  'kb.read': 'Read published knowledge-base articles',
  'kb.write': 'Write, publish and link knowledge-base articles',
  'guest.manage': 'Invite external collaborators to a workspace and revoke them',
  'access.approve': 'Approve or reject access requests at a scope',
  'access.audit': 'See who has had access to restricted data, and why',
  'attestation.manage': 'Publish policies that require attestation, and see who attested',
  'notification.outbox': 'See every email Racine sent or would have sent',
  'dashboard.use': 'Build personal dashboards and query the metric catalogue (numbers cover only what one may read)',
  'dashboard.share': 'Share a dashboard with a workspace',
  'activity.report': 'Export compliance activity reports (CSV, PDF) and see activity analytics across users',
  'insight.read': 'See anomaly and forecast insights about what one may read',
  'insight.manage': 'Acknowledge, dismiss and action insights',
  'ai.use': 'Ask the assistant, which acts with one’s own permissions',
} as const;

export type PermissionKey = keyof typeof permissions;
export const permissionKeys = Object.keys(permissions) as PermissionKey[];

export type RoleScope = 'global' | 'workspace' | 'datasource';

export interface BuiltInRole {
  key: string;
  name: string;
  description: string;
  scopeType: RoleScope;
  permissions: readonly PermissionKey[];
}

const workspaceRead = ['workspace.read', 'activity.read', 'workflow.read', 'pipeline.read', 'document.read'] as const;
/** Building and running a workspace's automation. */
const automationWork = ['workflow.manage', 'workflow.execute', 'pipeline.manage', 'pipeline.execute', 'document.edit', 'dashboard.share'] as const;
/** What reading a data source means, wherever it is granted. */
const sourceRead = ['datasource.read', 'scan.read', 'classification.read'] as const;
/** Working on a source: connect, preview, scan, review labels. */
const sourceWork = [...sourceRead, 'datasource.connect', 'datasource.preview', 'scan.run', 'classification.review', 'catalog.curate', 'compliance.findings.manage'] as const;
const sourceAdmin = [...sourceWork, 'datasource.update', 'datasource.delete', 'scan.manage', 'compliance.waive'] as const;
/** Deciding who else may work here. */
const scopeAdmin = ['access.approve'] as const;

export const builtInRoles: readonly BuiltInRole[] = [
  {
    key: 'admin',
    name: 'Admin',
    description: 'Runs the platform: every permission, everywhere.',
    scopeType: 'global',
    permissions: permissionKeys,
  },
  {
    key: 'steward',
    name: 'Data steward',
    description: 'Curates and governs data; creates workspaces.',
    scopeType: 'global',
    permissions: [
      'system.read',
      'user.read',
      'role.read',
      'token.manage',
      'workspace.create',
      'datasource.create',
      'scanRuleSet.read',
      'scanRuleSet.manage',
      'glossary.read',
      'glossary.manage',
      'compliance.read',
      'compliance.manage',
      'compliance.evaluate',
      'kb.read',
      'kb.write',
      'access.audit',
      'dashboard.use',
      'activity.report',
      'insight.read',
      'insight.manage',
      'ai.use',
    ],
  },
  {
    key: 'analyst',
    name: 'Analyst',
    description: 'Works with governed data inside the workspaces they belong to.',
    scopeType: 'global',
    permissions: ['system.read', 'user.read', 'role.read', 'token.manage', 'scanRuleSet.read', 'glossary.read', 'compliance.read', 'kb.read', 'kb.write', 'dashboard.use', 'insight.read', 'insight.manage', 'ai.use'],
  },
  {
    key: 'viewer',
    name: 'Viewer',
    description: 'Reads what the workspaces they belong to show.',
    scopeType: 'global',
    permissions: ['system.read', 'token.manage', 'scanRuleSet.read', 'glossary.read', 'compliance.read', 'kb.read', 'dashboard.use', 'insight.read', 'ai.use'],
  },
  {
    key: 'ws.owner',
    name: 'Owner',
    description: 'Owns the workspace: everything, including deleting it.',
    scopeType: 'workspace',
    permissions: [
      ...workspaceRead,
      'workspace.update',
      'workspace.delete',
      'workspace.members.manage',
      'workspace.resources.manage',
      'guest.manage',
      ...sourceAdmin,
      ...scopeAdmin,
      ...automationWork,
    ],
  },
  {
    key: 'ws.admin',
    name: 'Admin',
    description: 'Manages members, settings and resources.',
    scopeType: 'workspace',
    permissions: [...workspaceRead, 'workspace.update', 'workspace.members.manage', 'workspace.resources.manage', 'guest.manage', ...sourceAdmin, ...scopeAdmin, ...automationWork],
  },
  {
    key: 'ws.member',
    name: 'Member',
    description: 'Works in the workspace and links resources to it.',
    scopeType: 'workspace',
    permissions: [...workspaceRead, 'workspace.resources.manage', ...sourceWork, ...automationWork],
  },
  {
    key: 'ws.viewer',
    name: 'Viewer',
    description: 'Reads the workspace and its activity.',
    scopeType: 'workspace',
    permissions: [...workspaceRead, ...sourceRead],
  },
  {
    key: 'ds.owner',
    name: 'Source owner',
    description: 'Owns one data source: settings, credentials, scans and labels.',
    scopeType: 'datasource',
    permissions: [...sourceAdmin, ...scopeAdmin],
  },
  {
    key: 'ds.steward',
    name: 'Source steward',
    description: 'Scans one data source and reviews its labels.',
    scopeType: 'datasource',
    permissions: sourceWork,
  },
  {
    key: 'ds.reader',
    name: 'Source reader',
    description: 'Reads one data source’s catalog and labels, not its rows.',
    scopeType: 'datasource',
    permissions: sourceRead,
  },
];

export const globalRoleKeys = ['admin', 'steward', 'analyst', 'viewer'] as const;
export type GlobalRoleKey = (typeof globalRoleKeys)[number];
export const workspaceRoleKeys = ['owner', 'admin', 'member', 'viewer'] as const;
export type WorkspaceRoleKey = (typeof workspaceRoleKeys)[number];
export const workspaceRoleId = (key: WorkspaceRoleKey) => `ws.${key}`;
