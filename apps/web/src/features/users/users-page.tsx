'use client';
import * as React from 'react';
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { KeySquare, Plus, ShieldCheck, Users } from 'lucide-react';
import {
  Avatar,
  Badge,
  Button,
  DataTable,
  type DataTableColumn,
  DataTableLoadMore,
  DataTableSearch,
  EmptyState,
  PageHeader,
} from '@racine/ui';
import { useTRPC } from '~/trpc/react';
import type { RouterOutputs } from '~/trpc/types';
import { useCurrentUser } from '~/components/shell/current-user';
import { formatRelative } from '~/lib/format';
import { useDebounced } from '~/lib/use-debounced';
import { CreateUserDialog } from './create-user-dialog';
import { EditRolesDialog } from './edit-roles-dialog';
import { RolesMfaCard } from './roles-mfa-card';

type User = RouterOutputs['user']['list']['items'][number];

export function UsersPage() {
  const trpc = useTRPC();
  const { user: me } = useCurrentUser();
  const [search, setSearch] = React.useState('');
  const [createOpen, setCreateOpen] = React.useState(false);
  const [editing, setEditing] = React.useState<User | null>(null);
  const query = useDebounced(search.trim(), 250);

  const users = useInfiniteQuery({
    ...trpc.user.list.infiniteQueryOptions(
      { limit: 25, ...(query ? { query } : {}) },
      { getNextPageParam: (last) => last.nextCursor ?? undefined },
    ),
    placeholderData: keepPreviousData,
  });
  const rows = users.data?.pages.flatMap((p) => p.items);

  const columns: DataTableColumn<User>[] = [
    {
      id: 'user',
      header: 'User',
      cell: (u) => (
        <div className="flex items-center gap-3">
          <Avatar name={u.name} />
          <div className="min-w-0">
            <div className="truncate font-medium">
              {u.name}{' '}
              {u.id === me.id ? <span className="text-xs text-muted-foreground">(you)</span> : null}
            </div>
            <div className="truncate text-xs text-muted-foreground">{u.email}</div>
          </div>
        </div>
      ),
    },
    {
      id: 'roles',
      header: 'Global roles',
      cell: (u) =>
        u.roles.length ? (
          <div className="flex flex-wrap gap-1">
            {u.roles.map((r) => (
              <Badge key={r} variant={r === 'admin' ? 'default' : 'secondary'}>
                {r}
              </Badge>
            ))}
          </div>
        ) : (
          <span className="text-xs text-muted-foreground">none</span>
        ),
    },
    {
      id: 'status',
      header: 'Status',
      className: 'hidden md:table-cell',
      cell: (u) =>
        u.isActive ? (
          <Badge variant="success">active</Badge>
        ) : (
          <Badge variant="secondary">deactivated</Badge>
        ),
    },
    {
      id: 'login',
      header: 'Last sign-in',
      className: 'hidden lg:table-cell',
      cell: (u) => (
        <span className="text-muted-foreground">
          {u.lastLoginAt ? formatRelative(u.lastLoginAt) : 'never'}
        </span>
      ),
    },
    {
      id: 'actions',
      header: <span className="sr-only">Actions</span>,
      className: 'w-64 text-right',
      cell: (u) => (
        <div className="flex justify-end gap-2">
          <Button variant="ghost" size="sm" asChild>
            <Link href={`/settings/permissions?user=${u.id}`} aria-label={`Permissions of ${u.name}`}>
              <KeySquare />
              Permissions
            </Link>
          </Button>
          <Button
            variant="outline"
            size="sm"
            onClick={() => setEditing(u)}
            aria-label={`Change roles of ${u.name}`}
          >
            <ShieldCheck />
            Roles
          </Button>
        </div>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        breadcrumb="RBAC"
        title="Users & roles"
        description="Everyone who can sign in, and their global roles."
        actions={
          <Button onClick={() => setCreateOpen(true)} data-testid="create-user">
            <Plus />
            New user
          </Button>
        }
      />
      <DataTable
        label="Users"
        columns={columns}
        data={rows}
        getRowId={(u) => u.id}
        rowTestId="user-row"
        isLoading={users.isPending}
        error={users.error}
        onRetry={() => void users.refetch()}
        toolbar={
          <DataTableSearch
            value={search}
            onChange={setSearch}
            placeholder="Search by name or email"
            label="Search users"
          />
        }
        empty={
          <EmptyState
            icon={<Users />}
            title={query ? `No user matches “${query}”` : 'No users'}
            description={query ? 'Try another name or email.' : undefined}
          />
        }
        footer={
          rows?.length ? (
            <DataTableLoadMore
              count={rows.length}
              hasMore={!!users.hasNextPage}
              loading={users.isFetchingNextPage}
              onLoadMore={() => void users.fetchNextPage()}
            />
          ) : null
        }
      />
      <RolesMfaCard />
      <CreateUserDialog open={createOpen} onOpenChange={setCreateOpen} />
      <EditRolesDialog user={editing} onClose={() => setEditing(null)} />
    </>
  );
}
