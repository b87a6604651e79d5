'use client';
import * as React from 'react';
import Link from 'next/link';
import { useQuery } from '@tanstack/react-query';
import { FileText, Plus } from 'lucide-react';
import { Badge, Button, Card, CardContent, CardHeader, CardTitle, EmptyState, ErrorState, Skeleton, cn } from '@racine/ui';
import { formatDateTime, formatRelative } from '~/lib/format';
import { useTRPC } from '~/trpc/react';
import { NewDocumentDialog } from './new-document-dialog';

/** The workspace page's "Documents" panel: its latest documents, and a way to start one there. */
export function WorkspaceDocumentsCard({ workspaceId, className }: { workspaceId: string; className?: string }) {
  const trpc = useTRPC();
  const docs = useQuery(trpc.document.list.queryOptions({ workspaceId, limit: 6, archived: false }));
  const [creating, setCreating] = React.useState(false);
  return (
    <Card className={cn(className)} data-testid="workspace-documents">
      <CardHeader className="flex-row items-center justify-between">
        <CardTitle>Documents</CardTitle>
        <div className="flex items-center gap-2">
          <Link href={`/collaboration/documents?workspace=${workspaceId}`} className="text-xs text-primary hover:underline">
            All
          </Link>
          <Button size="sm" variant="outline" onClick={() => setCreating(true)}>
            <Plus />
            New
          </Button>
        </div>
      </CardHeader>
      <CardContent className="p-0">
        {docs.isPending ? (
          <div className="grid gap-2 p-5">
            <Skeleton className="h-4" />
            <Skeleton className="h-4" />
          </div>
        ) : docs.isError ? (
          <ErrorState error={docs.error} onRetry={() => void docs.refetch()} />
        ) : docs.data.items.length === 0 ? (
          <EmptyState icon={<FileText />} title="No documents yet" description="Runbooks and notes for this workspace appear here." />
        ) : (
          <ul className="divide-y border-t">
            {docs.data.items.map((d) => (
              <li key={d.id} className="flex items-center justify-between gap-3 px-5 py-2.5 text-sm">
                <Link href={`/collaboration/documents/${d.id}`} className="min-w-0 truncate font-medium hover:underline">
                  {d.title}
                </Link>
                <span className="flex shrink-0 items-center gap-2 text-xs text-muted-foreground" title={formatDateTime(d.lastEditedAt)}>
                  <Badge variant="outline">{d.kind}</Badge>
                  {d.lastEditedBy?.name ?? '—'} · {formatRelative(d.lastEditedAt)}
                </span>
              </li>
            ))}
          </ul>
        )}
      </CardContent>
      <NewDocumentDialog open={creating} onOpenChange={setCreating} workspaceId={workspaceId} />
    </Card>
  );
}
