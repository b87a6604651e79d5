'use client';
import { BadgeCheck, FileEdit, TriangleAlert } from 'lucide-react';
import { Badge } from '@racine/ui';
import { useCurrentUser } from '~/components/shell/current-user';

export function TermStatusBadge({ status }: { status: string }) {
  if (status === 'approved')
    return (
      <Badge variant="success" data-testid="term-status" data-state={status}>
        <BadgeCheck />
        Approved
      </Badge>
    );
  if (status === 'deprecated')
    return (
      <Badge variant="warning" data-testid="term-status" data-state={status}>
        <TriangleAlert />
        Deprecated
      </Badge>
    );
  return (
    <Badge variant="outline" data-testid="term-status" data-state="draft">
      <FileEdit />
      Draft
    </Badge>
  );
}

/**
 * glossary.manage is a global permission (admins and data stewards). The
 * buttons it gates are hidden for others; the server refuses them anyway.
 */
export function useCanManageGlossary() {
  const { roles, loading } = useCurrentUser();
  return { canManage: roles.includes('admin') || roles.includes('steward'), loading };
}
