'use client';
import * as React from 'react';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Archive, FileText, History, MoreHorizontal, Pencil, Save } from 'lucide-react';
import {
  Badge,
  Button,
  ConfirmDialog,
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuTrigger,
  PageHeader,
  Skeleton,
  Tabs,
  TabsContent,
  TabsList,
  TabsTrigger,
  toast,
} from '@racine/ui';
import { PageLoadError } from '~/components/page-load-error';
import { Markdown } from '~/features/catalog/markdown';
import { PresenceAvatars } from '~/features/collab';
import { formatDateTime, formatRelative } from '~/lib/format';
import { useTRPC } from '~/trpc/react';
import { HistorySheet } from './history-sheet';
import { MarkdownEditor } from './markdown-editor';
import { RenameDialog } from './rename-dialog';
import { SyncIndicator } from './sync-indicator';
import type { DocumentDetail } from './types';
import { useDocumentSync } from './use-document-sync';
import type * as Y from 'yjs';

const breadcrumb = (
  <Link href="/collaboration/documents" className="hover:underline">
    Documents
  </Link>
);

/** The live text of a Y.Text, re-rendering on every change (for the preview). */
function useLiveText(text: Y.Text | null): string {
  const [value, setValue] = React.useState(() => text?.toString() ?? '');
  React.useEffect(() => {
    if (!text) return;
    setValue(text.toString());
    const update = () => setValue(text.toString());
    text.observe(update);
    return () => text.unobserve(update);
  }, [text]);
  return value;
}

/** The rendered markdown, following every change (its own component: keystrokes re-render only it). */
function LivePreview({ text }: { text: Y.Text | null }) {
  const value = useLiveText(text);
  return (
    <div className="min-h-96 rounded-md border bg-card p-4" data-testid="document-preview">
      {value.trim() ? <Markdown>{value}</Markdown> : <p className="text-sm text-muted-foreground">Nothing written yet.</p>}
    </div>
  );
}

/** A shared document: edited by everyone at once, with a preview, history and restore. */
export function DocumentPage({ id }: { id: string }) {
  const trpc = useTRPC();
  // Loaded once: the Y.Doc is seeded from this state and then kept current by the sync channel.
  const document = useQuery({ ...trpc.document.get.queryOptions({ documentId: id }), staleTime: Infinity, refetchOnWindowFocus: false, refetchOnMount: 'always' });

  if (document.isPending)
    return (
      <div aria-busy="true">
        <Skeleton className="mb-2 h-4 w-40" />
        <Skeleton className="mb-6 h-8 w-96" />
        <Skeleton className="h-96" />
      </div>
    );
  if (document.isError)
    return (
      <PageLoadError
        error={document.error}
        onRetry={() => void document.refetch()}
        title="Document"
        breadcrumb={breadcrumb}
        icon={<FileText />}
        notFound="Document not found"
        forbidden="You cannot open this document"
        back={{ href: '/collaboration/documents', label: 'Back to documents' }}
      />
    );
  return <DocumentEditor key={id} doc={document.data} />;
}

function DocumentEditor({ doc }: { doc: DocumentDetail }) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const sync = useDocumentSync(doc.id, doc);
  const [historyOpen, setHistoryOpen] = React.useState(false);
  const [renaming, setRenaming] = React.useState(false);
  const [archiving, setArchiving] = React.useState(false);

  const saveVersion = useMutation(
    trpc.document.saveVersion.mutationOptions({
      onSuccess: async (v) => {
        toast.success(`Saved as version ${v.number}`);
        await queryClient.invalidateQueries(trpc.document.versions.queryFilter({ documentId: doc.id }));
      },
      onError: (error) => toast.fromError(error, 'Could not save a version'),
    }),
  );
  const archive = useMutation(
    trpc.document.archive.mutationOptions({
      onSuccess: async () => {
        toast.success(`“${doc.title}” archived`);
        await queryClient.invalidateQueries(trpc.document.pathFilter());
        router.push('/collaboration/documents');
      },
      onError: (error) => toast.fromError(error, 'Could not archive the document'),
    }),
  );

  const canEdit = doc.canEdit;
  return (
    <>
      <PageHeader
        breadcrumb={breadcrumb}
        title={<span data-testid="document-title">{doc.title}</span>}
        description={
          <span className="inline-flex flex-wrap items-center gap-2">
            <Badge variant="outline">{doc.kind}</Badge>
            <span>{doc.workspaceName}</span>
            {doc.attachedTo ? (
              <span>
                · on{' '}
                {doc.attachedTo.link ? (
                  <Link href={doc.attachedTo.link} className="hover:underline">
                    {doc.attachedTo.title}
                  </Link>
                ) : (
                  doc.attachedTo.title
                )}
              </span>
            ) : null}
            <span title={formatDateTime(doc.createdAt)}>
              · created by {doc.createdBy?.name ?? 'someone'} {formatRelative(doc.createdAt)}
            </span>
            {doc.archivedAt ? <Badge variant="secondary">archived · read only</Badge> : !canEdit ? <Badge variant="secondary">read only</Badge> : null}
          </span>
        }
        actions={
          <>
            <PresenceAvatars resourceType="document" resourceId={doc.id} />
            <SyncIndicator status={sync.status} connection={sync.connection} failure={sync.failure} />
            {canEdit ? (
              <Button variant="outline" onClick={() => saveVersion.mutate({ documentId: doc.id })} disabled={saveVersion.isPending} data-testid="save-version">
                <Save />
                Save version
              </Button>
            ) : null}
            <Button variant="outline" onClick={() => setHistoryOpen(true)} data-testid="open-history">
              <History />
              History
            </Button>
            {canEdit ? (
              <DropdownMenu>
                <DropdownMenuTrigger asChild>
                  <Button variant="ghost" size="icon" aria-label="More actions" data-testid="document-menu">
                    <MoreHorizontal />
                  </Button>
                </DropdownMenuTrigger>
                <DropdownMenuContent align="end">
                  <DropdownMenuItem onSelect={() => setRenaming(true)}>
                    <Pencil />
                    Rename
                  </DropdownMenuItem>
                  <DropdownMenuItem onSelect={() => setArchiving(true)} className="text-destructive">
                    <Archive />
                    Archive
                  </DropdownMenuItem>
                </DropdownMenuContent>
              </DropdownMenu>
            ) : null}
          </>
        }
      />
      <Tabs defaultValue="edit">
        <TabsList>
          <TabsTrigger value="edit">{canEdit ? 'Edit' : 'Source'}</TabsTrigger>
          <TabsTrigger value="preview" data-testid="preview-tab">
            Preview
          </TabsTrigger>
        </TabsList>
        <TabsContent value="edit" forceMount className="data-[state=inactive]:hidden">
          {sync.text ? <MarkdownEditor text={sync.text} readOnly={!canEdit} label="Document text (markdown)" /> : <Skeleton className="h-96" />}
        </TabsContent>
        <TabsContent value="preview">
          <LivePreview text={sync.text} />
        </TabsContent>
      </Tabs>
      <HistorySheet documentId={doc.id} canEdit={canEdit} open={historyOpen} onOpenChange={setHistoryOpen} />
      <RenameDialog documentId={doc.id} title={doc.title} open={renaming} onOpenChange={setRenaming} />
      <ConfirmDialog
        open={archiving}
        onOpenChange={setArchiving}
        title={`Archive “${doc.title}”?`}
        description="It leaves the documents list and can no longer be edited; its text and history stay readable from its link."
        confirmLabel="Archive"
        destructive
        pending={archive.isPending}
        onConfirm={() => archive.mutateAsync({ documentId: doc.id }).catch(() => {})}
      />
    </>
  );
}
