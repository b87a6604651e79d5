'use client';
import * as React from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ArrowLeftRight } from 'lucide-react';
import {
  Button,
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
  Field,
  Spinner,
  Textarea,
  toast,
} from '@racine/ui';
import { useTRPC } from '~/trpc/react';
import { AssetPicker } from './asset-picker';
import { PropagationSelect } from './propagation-field';
import type { Propagation, SearchHit } from './types';

/**
 * Declare that data flows between this asset and another (an ETL job, a copy,
 * a view over it): pick the other end through the catalog's search.
 */
export function DeclareEdgeDialog({
  open,
  onOpenChange,
  assetId,
  assetName,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  assetId: string;
  assetName: string;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  // "downstream": this asset feeds the picked one; "upstream": the picked one feeds this.
  const [side, setSide] = React.useState<'downstream' | 'upstream'>('downstream');
  const [other, setOther] = React.useState<SearchHit | null>(null);
  const [note, setNote] = React.useState('');
  const [propagation, setPropagation] = React.useState<Propagation>('none');
  const [error, setError] = React.useState<string | null>(null);
  const reset = () => {
    setOther(null);
    setNote('');
    setPropagation('none');
    setError(null);
  };
  const add = useMutation(
    trpc.catalog.addLineageEdge.mutationOptions({
      onSuccess: async () => {
        toast.success('Lineage edge declared');
        onOpenChange(false);
        reset();
        await queryClient.invalidateQueries(trpc.catalog.pathFilter());
      },
      onError: (e) => {
        setError(e.message);
        toast.fromError(e, 'Could not declare the edge');
      },
    }),
  );
  const submit = () => {
    if (!other) return setError('Pick the asset at the other end');
    const [fromAssetId, toAssetId] =
      side === 'downstream' ? [assetId, other.id] : [other.id, assetId];
    add.mutate({ fromAssetId, toAssetId, note: note.trim(), propagation });
  };
  const selected = new Map(other ? [[other.id, other]] : []);
  return (
    <Dialog
      open={open}
      onOpenChange={(o) => {
        if (!add.isPending) onOpenChange(o);
        if (!o) reset();
      }}
    >
      <DialogContent className="sm:max-w-xl" data-testid="declare-edge-dialog">
        <DialogHeader>
          <DialogTitle>Declare a lineage edge</DialogTitle>
          <DialogDescription>
            {side === 'downstream' ? (
              <>
                <strong>{assetName}</strong> feeds {other ? <strong>{other.qualifiedName}</strong> : 'the asset you pick'}.
              </>
            ) : (
              <>
                {other ? <strong>{other.qualifiedName}</strong> : 'The asset you pick'} feeds <strong>{assetName}</strong>.
              </>
            )}
          </DialogDescription>
        </DialogHeader>
        <div className="grid gap-4">
          <div className="flex items-center gap-2 text-sm">
            <Button
              variant={side === 'upstream' ? 'default' : 'outline'}
              size="sm"
              onClick={() => setSide('upstream')}
            >
              Pick an upstream source
            </Button>
            <ArrowLeftRight className="size-4 text-muted-foreground" />
            <Button
              variant={side === 'downstream' ? 'default' : 'outline'}
              size="sm"
              onClick={() => setSide('downstream')}
            >
              Pick a downstream target
            </Button>
          </div>
          <AssetPicker
            label={side === 'downstream' ? 'Find the downstream asset' : 'Find the upstream asset'}
            selected={selected}
            exclude={new Set([assetId])}
            onToggle={(hit) => {
              setOther((o) => (o?.id === hit.id ? null : hit));
              setError(null);
            }}
            testId="edge-asset-picker"
          />
          <Field label="Note (optional)" htmlFor="edge-note" hint="What moves the data: a job, a view, a report.">
            <Textarea
              id="edge-note"
              rows={2}
              maxLength={500}
              value={note}
              onChange={(e) => setNote(e.target.value)}
              placeholder="Nightly ETL copies customers into the warehouse"
            />
          </Field>
          <Field label="Label propagation" htmlFor="edge-propagation">
            <PropagationSelect id="edge-propagation" value={propagation} onChange={setPropagation} />
          </Field>
          {error ? (
            <p role="alert" className="text-sm text-destructive">
              {error}
            </p>
          ) : null}
        </div>
        <DialogFooter>
          <Button variant="outline" onClick={() => onOpenChange(false)} disabled={add.isPending}>
            Cancel
          </Button>
          <Button onClick={submit} disabled={add.isPending || !other} data-testid="declare-edge-submit">
            {add.isPending ? <Spinner /> : null}
            Declare edge
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
