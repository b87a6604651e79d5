'use client';
import * as React from 'react';
import { useMutation } from '@tanstack/react-query';
import { Download, FileSpreadsheet, FileText } from 'lucide-react';
import {
  Button,
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
  Field,
  Input,
  Select,
  SelectContent,
  SelectItem,
  SelectTrigger,
  SelectValue,
  Spinner,
  toast,
} from '@racine/ui';
import { useTRPC } from '~/trpc/react';
import { downloadBase64 } from './download';
import type { FrameworkSummary } from './types';

const today = () => new Date().toISOString().slice(0, 10);

/**
 * Exports one framework's report (rules, scores, findings) as CSV or PDF,
 * as it stood at the end of the chosen day.
 */
export function ExportDialog({
  frameworks,
  defaultFrameworkId,
}: {
  frameworks: readonly FrameworkSummary[];
  defaultFrameworkId?: string;
}) {
  const trpc = useTRPC();
  const [open, setOpen] = React.useState(false);
  const [frameworkId, setFrameworkId] = React.useState(defaultFrameworkId ?? '');
  const [asOf, setAsOf] = React.useState(today());
  const asOfInvalid = asOf !== '' && (Number.isNaN(Date.parse(asOf)) || asOf > today());

  React.useEffect(() => {
    if (!frameworkId && frameworks[0]) setFrameworkId(defaultFrameworkId ?? frameworks[0].id);
  }, [frameworks, frameworkId, defaultFrameworkId]);

  const exportReport = useMutation(
    trpc.compliance.exportReport.mutationOptions({
      onSuccess: (file) => {
        downloadBase64(file);
        toast.success(`Downloaded ${file.filename}`);
      },
      onError: (error) => toast.fromError(error, 'Could not export the report'),
    }),
  );
  const run = (format: 'csv' | 'pdf') => {
    if (!frameworkId || asOfInvalid) return;
    // The end of the chosen day, so the report includes everything that happened on it.
    const asOfDate = asOf && asOf !== today() ? new Date(`${asOf}T23:59:59.999Z`) : undefined;
    exportReport.mutate({ frameworkId, format, ...(asOfDate ? { asOf: asOfDate } : {}) });
  };
  const busy = exportReport.isPending ? exportReport.variables?.format : null;

  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <Button
        variant="outline"
        onClick={() => setOpen(true)}
        disabled={!frameworks.length}
        data-testid="export-report"
      >
        <Download />
        Export
      </Button>
      <DialogContent data-testid="export-dialog">
        <DialogHeader>
          <DialogTitle>Export a compliance report</DialogTitle>
          <DialogDescription>
            A framework’s rules, its score and its findings as they stood on a day.
          </DialogDescription>
        </DialogHeader>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field label="Framework" htmlFor="export-framework">
            <Select value={frameworkId} onValueChange={setFrameworkId}>
              <SelectTrigger id="export-framework" aria-label="Framework">
                <SelectValue placeholder="Choose a framework" />
              </SelectTrigger>
              <SelectContent>
                {frameworks.map((f) => (
                  <SelectItem key={f.id} value={f.id}>
                    {f.name}
                  </SelectItem>
                ))}
              </SelectContent>
            </Select>
          </Field>
          <Field
            label="As of"
            htmlFor="export-as-of"
            error={asOfInvalid ? 'Pick a day up to today.' : undefined}
            hint="End of that day (UTC)."
          >
            <Input
              id="export-as-of"
              type="date"
              max={today()}
              value={asOf}
              aria-invalid={asOfInvalid}
              onChange={(e) => setAsOf(e.target.value)}
            />
          </Field>
        </div>
        <DialogFooter>
          <Button
            variant="outline"
            disabled={!!busy || !frameworkId || asOfInvalid}
            onClick={() => run('csv')}
            data-testid="export-csv"
          >
            {busy === 'csv' ? <Spinner /> : <FileSpreadsheet />}
            CSV
          </Button>
          <Button
            disabled={!!busy || !frameworkId || asOfInvalid}
            onClick={() => run('pdf')}
            data-testid="export-pdf"
          >
            {busy === 'pdf' ? <Spinner /> : <FileText />}
            PDF
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
