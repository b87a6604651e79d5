'use client';
import type * as React from 'react';
import Link from 'next/link';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useInfiniteQuery } from '@tanstack/react-query';
import { AtSign, MessagesSquare, PenLine } from 'lucide-react';
import {
  Avatar,
  Badge,
  Card,
  CardContent,
  DataTableLoadMore,
  EmptyState,
  ErrorState,
  PageHeader,
  Skeleton,
  Tabs,
  TabsList,
  TabsTrigger,
} from '@racine/ui';
import { formatDateTime, formatRelative } from '~/lib/format';
import { useTRPC } from '~/trpc/react';

type View = 'all' | 'mentions' | 'authored';
const views: { value: View; label: string }[] = [
  { value: 'all', label: 'All' },
  { value: 'mentions', label: 'Mentions me' },
  { value: 'authored', label: 'Mine' },
];

const resourceLabel: Record<string, string> = {
  asset: 'Asset',
  finding: 'Finding',
  workflow: 'Workflow',
  pipeline: 'Pipeline',
  dataSource: 'Data source',
  workspace: 'Workspace',
  glossaryTerm: 'Term',
  framework: 'Framework',
  document: 'Document',
  kbArticle: 'Article',
  task: 'Task',
  dashboard: 'Dashboard',
};

const empty: Record<View, { icon: React.ReactNode; title: string; description: string }> = {
  all: {
    icon: <MessagesSquare />,
    title: 'No discussions yet',
    description:
      'Comments on assets, findings and workflows you can see appear here, newest first.',
  },
  mentions: {
    icon: <AtSign />,
    title: 'Nobody mentioned you yet',
    description: 'When someone writes @your name in a comment, it shows up here.',
  },
  authored: {
    icon: <PenLine />,
    title: 'You have not commented yet',
    description: 'Open an asset, a finding or a workflow and start a discussion.',
  },
};

/** Recent comments across everything the caller may read: all, those mentioning them, their own. */
export function DiscussionsPage() {
  const trpc = useTRPC();
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const raw = searchParams.get('view');
  const view: View = raw === 'mentions' || raw === 'authored' ? raw : 'all';
  const query = useInfiniteQuery({
    ...trpc.comment.recent.infiniteQueryOptions(
      { limit: 25, mine: view === 'all' ? null : view },
      { getNextPageParam: (last) => last.nextCursor ?? undefined },
    ),
    refetchOnWindowFocus: true,
  });
  const rows = query.data?.pages.flatMap((p) => p.items);

  return (
    <>
      <PageHeader
        title="Discussions"
        description="Recent comments on the assets, findings and workflows you can see."
      />
      <Tabs
        value={view}
        onValueChange={(v) =>
          router.replace(v === 'all' ? pathname : `${pathname}?view=${v}`, { scroll: false })
        }
        className="mb-4"
      >
        <TabsList>
          {views.map((v) => (
            <TabsTrigger key={v.value} value={v.value} data-testid={`discussions-tab-${v.value}`}>
              {v.label}
            </TabsTrigger>
          ))}
        </TabsList>
      </Tabs>
      <Card>
        <CardContent className="p-0">
          {query.isPending ? (
            <div className="grid gap-3 p-4">
              {[0, 1, 2].map((i) => (
                <Skeleton key={i} className="h-14" />
              ))}
            </div>
          ) : query.error ? (
            <ErrorState
              title="Could not load discussions"
              error={query.error}
              onRetry={() => void query.refetch()}
            />
          ) : !rows?.length ? (
            <EmptyState {...empty[view]} />
          ) : (
            <ul className="divide-y" data-testid="discussion-list">
              {rows.map((c) => (
                <li key={c.id}>
                  <Link
                    href={c.link}
                    className="flex gap-3 px-4 py-3 hover:bg-accent/50"
                    data-testid="discussion-item"
                  >
                    <Avatar name={c.author.name} className="mt-0.5 size-7" />
                    <div className="grid min-w-0 flex-1 gap-0.5">
                      <div className="flex flex-wrap items-center gap-x-2 gap-y-1 text-xs text-muted-foreground">
                        <span className="text-sm font-medium text-foreground">{c.author.name}</span>
                        <span>{c.parentId ? 'replied on' : 'commented on'}</span>
                        <Badge variant="outline">
                          {resourceLabel[c.resource.type] ?? c.resource.type}
                        </Badge>
                        <span className="truncate font-medium text-foreground">
                          {c.resource.title}
                        </span>
                        {c.mentionsMe ? <Badge variant="secondary">mentions you</Badge> : null}
                        <span className="ml-auto shrink-0" title={formatDateTime(c.createdAt)}>
                          {formatRelative(c.createdAt)}
                        </span>
                      </div>
                      <p className="line-clamp-2 text-sm">{c.excerpt}</p>
                    </div>
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </CardContent>
      </Card>
      {rows?.length ? (
        <div className="mt-3">
          <DataTableLoadMore
            count={rows.length}
            hasMore={!!query.hasNextPage}
            loading={query.isFetchingNextPage}
            onLoadMore={() => void query.fetchNextPage()}
          />
        </div>
      ) : null}
    </>
  );
}
