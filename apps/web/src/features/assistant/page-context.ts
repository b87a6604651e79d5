'use client';
import * as React from 'react';
import { usePathname } from 'next/navigation';
import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '~/trpc/react';
import { pageContextOf } from './page-route';
import type { PageContext } from './types';

export interface PageSubject {
  context: PageContext;
  /** "asset", "workspace"…; absent on pages about no one thing. */
  kind?: 'asset' | 'workspace' | 'data source' | 'framework';
  /** The thing's name once known (the page itself has usually loaded it already: same query key). */
  name?: string;
}

/**
 * The current page as the assistant sees it: sent with every question so
 * "this table" resolves, and shown in the panel so the person knows what
 * "this" means. The names come from the same queries the pages run, so they
 * are normally cached already.
 */
export function usePageSubject(): PageSubject {
  const trpc = useTRPC();
  const path = usePathname() ?? '/';
  const context = React.useMemo(() => pageContextOf(path), [path]);
  const asset = useQuery({
    ...trpc.catalog.getAsset.queryOptions({ id: context.assetId ?? '' }),
    enabled: !!context.assetId,
  });
  const workspace = useQuery({
    ...trpc.workspace.get.queryOptions({ id: context.workspaceId ?? '' }),
    enabled: !!context.workspaceId,
  });
  const source = useQuery({
    ...trpc.datasource.get.queryOptions({ id: context.dataSourceId ?? '' }),
    enabled: !!context.dataSourceId,
  });
  const framework = useQuery({
    ...trpc.compliance.framework.queryOptions({ id: context.frameworkId ?? '' }),
    enabled: !!context.frameworkId,
  });
  const kind: PageSubject['kind'] = context.assetId
    ? 'asset'
    : context.workspaceId
      ? 'workspace'
      : context.dataSourceId
        ? 'data source'
        : context.frameworkId
          ? 'framework'
          : undefined;
  const name =
    kind === 'asset'
      ? (asset.data?.qualifiedName ?? asset.data?.name)
      : kind === 'workspace'
        ? workspace.data?.name
        : kind === 'data source'
          ? source.data?.name
          : kind === 'framework'
            ? framework.data?.name
            : undefined;
  // One object per (page, name): the assistant's context value depends on it.
  return React.useMemo(() => ({ context, kind, name }), [context, kind, name]);
}
