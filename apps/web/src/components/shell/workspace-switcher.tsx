'use client';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { Boxes, ChevronsUpDown, Plus } from 'lucide-react';
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuRadioGroup,
  DropdownMenuRadioItem,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
  Skeleton,
} from '@racine/ui';
import { EnvironmentBadge } from '~/components/environment-badge';
import { useWorkspaces } from './workspace-context';

export function WorkspaceSwitcher({ canCreate }: { canCreate: boolean }) {
  const router = useRouter();
  const { workspaces, current, setCurrentId, isLoading } = useWorkspaces();
  if (isLoading) return <Skeleton className="h-11 w-full" />;
  return (
    <DropdownMenu>
      <DropdownMenuTrigger
        data-testid="workspace-switcher"
        aria-label="Switch workspace"
        className="flex h-11 w-full items-center gap-2 rounded-md border bg-background px-2.5 text-left text-sm shadow-xs outline-none hover:bg-accent focus-visible:ring-2 focus-visible:ring-ring/40 cursor-pointer"
      >
        <div className="flex size-6 shrink-0 items-center justify-center rounded bg-primary/12 text-primary">
          <Boxes className="size-3.5" />
        </div>
        <div className="min-w-0 flex-1">
          <div className="truncate font-medium leading-tight">
            {current?.name ?? 'No workspace'}
          </div>
          <div className="truncate text-[11px] leading-tight text-muted-foreground">
            {current ? `${current.environment} · ${current.kind}` : 'Create or join one'}
          </div>
        </div>
        <ChevronsUpDown className="size-4 shrink-0 text-muted-foreground" />
      </DropdownMenuTrigger>
      <DropdownMenuContent align="start" className="w-64">
        <DropdownMenuLabel className="text-xs text-muted-foreground">Workspaces</DropdownMenuLabel>
        {workspaces.length === 0 ? (
          <p className="px-2 py-1.5 text-sm text-muted-foreground">
            You are not in any workspace yet.
          </p>
        ) : (
          <DropdownMenuRadioGroup
            value={current?.id ?? ''}
            onValueChange={(id) => setCurrentId(id)}
          >
            {workspaces.map((w) => (
              <DropdownMenuRadioItem key={w.id} value={w.id}>
                <span className="flex-1 truncate">{w.name}</span>
                <EnvironmentBadge environment={w.environment} />
              </DropdownMenuRadioItem>
            ))}
          </DropdownMenuRadioGroup>
        )}
        <DropdownMenuSeparator />
        <DropdownMenuItem asChild>
          <Link href="/workspaces">
            <Boxes />
            All workspaces
          </Link>
        </DropdownMenuItem>
        {canCreate ? (
          <DropdownMenuItem onSelect={() => router.push('/workspaces?create=1')}>
            <Plus />
            Create workspace
          </DropdownMenuItem>
        ) : null}
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
