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
} as const;

export type PermissionKey = keyof typeof permissions;
export const permissionKeys = Object.keys(permissions) as PermissionKey[];

export type RoleScope = 'global' | 'workspace';

export interface BuiltInRole {
  key: string;
  name: string;
  description: string;
  scopeType: RoleScope;
  permissions: readonly PermissionKey[];
}

const workspaceRead = ['workspace.read', 'activity.read'] as const;

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
    permissions: ['system.read', 'user.read', 'role.read', 'token.manage', 'workspace.create'],
  },
  {
    key: 'analyst',
    name: 'Analyst',
    description: 'Works with governed data inside the workspaces they belong to.',
    scopeType: 'global',
    permissions: ['system.read', 'user.read', 'role.read', 'token.manage'],
  },
  {
    key: 'viewer',
    name: 'Viewer',
    description: 'Reads what the workspaces they belong to show.',
    scopeType: 'global',
    permissions: ['system.read', 'token.manage'],
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
    ],
  },
  {
    key: 'ws.admin',
    name: 'Admin',
    description: 'Manages members, settings and resources.',
    scopeType: 'workspace',
    permissions: [...workspaceRead, 'workspace.update', 'workspace.members.manage', 'workspace.resources.manage'],
  },
  {
    key: 'ws.member',
    name: 'Member',
    description: 'Works in the workspace and links resources to it.',
    scopeType: 'workspace',
    permissions: [...workspaceRead, 'workspace.resources.manage'],
  },
  {
    key: 'ws.viewer',
    name: 'Viewer',
    description: 'Reads the workspace and its activity.',
    scopeType: 'workspace',
    permissions: workspaceRead,
  },
];

export const globalRoleKeys = ['admin', 'steward', 'analyst', 'viewer'] as const;
export type GlobalRoleKey = (typeof globalRoleKeys)[number];
export const workspaceRoleKeys = ['owner', 'admin', 'member', 'viewer'] as const;
export type WorkspaceRoleKey = (typeof workspaceRoleKeys)[number];
export const workspaceRoleId = (key: WorkspaceRoleKey) => `ws.${key}`;
