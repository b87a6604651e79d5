import { workspaceRoleKeys, type WorkspaceRoleKey } from '@racine/services/rbac/catalog';

export type WorkspaceRole = WorkspaceRoleKey;

const labels: Record<WorkspaceRoleKey, string> = {
  owner: 'Owner',
  admin: 'Admin',
  member: 'Member',
  viewer: 'Viewer',
};

export const workspaceRoles = workspaceRoleKeys.map((key) => ({ key, label: labels[key] }));
