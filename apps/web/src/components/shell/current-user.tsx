'use client';
import * as React from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '~/trpc/react';

export interface SessionUser {
  id: string;
  name: string;
  email: string;
}

const SessionUserContext = React.createContext<SessionUser | null>(null);

export function SessionUserProvider({
  user,
  children,
}: {
  user: SessionUser;
  children: React.ReactNode;
}) {
  return <SessionUserContext.Provider value={user}>{children}</SessionUserContext.Provider>;
}

/** Who is signed in (from the session) and their global roles (from user.me, once loaded). */
export function useCurrentUser() {
  const sessionUser = React.useContext(SessionUserContext);
  if (!sessionUser) throw new Error('useCurrentUser needs a SessionUserProvider');
  const trpc = useTRPC();
  const me = useQuery(trpc.user.me.queryOptions(undefined, { staleTime: 60_000 }));
  const roles = me.data?.roles ?? [];
  return {
    user: { ...sessionUser, name: me.data?.name ?? sessionUser.name },
    roles,
    isAdmin: roles.includes('admin'),
    canCreateWorkspace: roles.includes('admin') || roles.includes('steward'),
    loading: me.isPending,
  };
}
