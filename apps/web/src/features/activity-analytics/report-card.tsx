'use client';
import { useMutation } from '@tanstack/react-query';
import { FileSpreadsheet, FileText } from 'lucide-react';
import { Button, Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle, Spinner, toast } from '@racine/ui';
import { downloadBase64 } from '~/features/compliance/download';
import { formatDate } from '~/lib/format';
import { useTRPC } from '~/trpc/react';

/**
 * Downloads the compliance activity report for the page's range and
 * workspace (or everything the caller may read), as CSV or PDF. The server
 * refuses callers without activity.report; the toast says so.
 */
export function ReportCard({ range, workspaceId, workspaceName }: { range: { from: Date; to: Date }; workspaceId: string | null; workspaceName: string | null }) {
  const trpc = useTRPC();
  const report = useMutation(
    trpc.activity.report.mutationOptions({
      onSuccess: (file) => {
        downloadBase64(file);
        toast.success(`Downloaded ${file.filename}`, {
          description: file.capped ? `The first ${file.rows.toLocaleString()} of ${file.total.toLocaleString()} events (capped).` : `${file.total.toLocaleString()} compliance-relevant events.`,
        });
      },
      onError: (error) => toast.fromError(error, 'Could not export the activity report'),
    }),
  );
  const run = (format: 'csv' | 'pdf') =>
    report.mutate({ ...range, format, scope: workspaceId ? { type: 'workspace', id: workspaceId } : { type: 'all' } });
  const busy = report.isPending ? report.variables?.format : null;

  return (
    <Card data-testid="report-card" className="h-full">
      <CardHeader>
        <CardTitle className="text-base">Compliance activity report</CardTitle>
        <CardDescription>
          Every compliance-relevant event from {formatDate(range.from)} to {formatDate(range.to)} in{' '}
          {workspaceName ? `workspace “${workspaceName}”` : 'everything you may read'}: summary by type, group and actor, the rows, and a check of the log’s hash chain.
        </CardDescription>
      </CardHeader>
      <CardContent className="text-xs text-muted-foreground">Up to 5,000 rows per report; the report says when it is capped.</CardContent>
      <CardFooter className="gap-2">
        <Button variant="outline" disabled={!!busy} onClick={() => run('csv')} data-testid="report-csv">
          {busy === 'csv' ? <Spinner /> : <FileSpreadsheet />}
          CSV
        </Button>
        <Button disabled={!!busy} onClick={() => run('pdf')} data-testid="report-pdf">
          {busy === 'pdf' ? <Spinner /> : <FileText />}
          PDF
        </Button>
      </CardFooter>
    </Card>
  );
}
