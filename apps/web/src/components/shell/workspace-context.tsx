'use client';
import * as React from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '~/trpc/react';
import type { RouterOutputs } from '~/trpc/types';

export type WorkspaceSummary = RouterOutputs['workspace']['list']['items'][number];

const STORAGE_KEY = 'racine.currentWorkspaceId';

interface WorkspaceContextValue {
  workspaces: WorkspaceSummary[];
  current: WorkspaceSummary | null;
  setCurrentId: (id: string | null) => void;
  isLoading: boolean;
  error: unknown;
}

const WorkspaceContext = React.createContext<WorkspaceContextValue | null>(null);

/**
 * The workspace the user is working in, remembered in localStorage. The list
 * comes from workspace.list (what the user may see), so a stale stored id
 * (deleted workspace, removed membership) silently falls back to the
 * profile's default workspace, then to the first.
 */
export function WorkspaceProvider({ children }: { children: React.ReactNode }) {
  const trpc = useTRPC();
  const list = useQuery(trpc.workspace.list.queryOptions({ limit: 100 }));
  // The profile's default workspace is the first pick when this browser has not chosen one.
  const me = useQuery(trpc.user.me.queryOptions(undefined, { staleTime: 60_000 }));
  const defaultId = me.data?.profile?.defaultWorkspaceId ?? null;
  const [storedId, setStoredId] = React.useState<string | null>(null);

  React.useEffect(() => {
    setStoredId(window.localStorage.getItem(STORAGE_KEY));
    const onStorage = (e: StorageEvent) => {
      if (e.key === STORAGE_KEY) setStoredId(e.newValue);
    };
    window.addEventListener('storage', onStorage);
    return () => window.removeEventListener('storage', onStorage);
  }, []);

  const setCurrentId = React.useCallback((id: string | null) => {
    if (id) window.localStorage.setItem(STORAGE_KEY, id);
    else window.localStorage.removeItem(STORAGE_KEY);
    setStoredId(id);
  }, []);

  const value = React.useMemo<WorkspaceContextValue>(() => {
    const workspaces = list.data?.items ?? [];
    const current =
      workspaces.find((w) => w.id === storedId) ?? workspaces.find((w) => w.id === defaultId) ?? workspaces[0] ?? null;
    return { workspaces, current, setCurrentId, isLoading: list.isPending, error: list.error };
  }, [list.data, list.isPending, list.error, storedId, defaultId, setCurrentId]);

  return <WorkspaceContext.Provider value={value}>{children}</WorkspaceContext.Provider>;
}

export function useWorkspaces() {
  const value = React.useContext(WorkspaceContext);
  if (!value) throw new Error('useWorkspaces needs a WorkspaceProvider');
  return value;
}
