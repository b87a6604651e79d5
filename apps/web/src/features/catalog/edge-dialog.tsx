'use client';
import * as React from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Trash2 } from 'lucide-react';
import {
  Badge,
  Button,
  ConfirmDialog,
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
import { edgeKindLabel } from './lineage-legend';
import { PropagationSelect } from './propagation-field';
import type { LineageEdge, Propagation } from './types';

/**
 * One edge: its kind, note and propagation. Curators change the note and
 * propagation of any edge; only declared edges can be removed (foreign keys
 * come back with the next scan, pipeline edges with the next run).
 */
export function EdgeDialog({
  edge,
  onClose,
  canCurate,
  fromName,
  toName,
}: {
  edge: LineageEdge | null;
  onClose: () => void;
  canCurate: boolean;
  fromName: string;
  toName: string;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [note, setNote] = React.useState('');
  const [propagation, setPropagation] = React.useState<Propagation>('none');
  const [removing, setRemoving] = React.useState(false);
  React.useEffect(() => {
    if (edge) {
      setNote(edge.note);
      setPropagation(edge.propagation);
    }
  }, [edge]);
  const refresh = () => queryClient.invalidateQueries(trpc.catalog.pathFilter());
  const update = useMutation(
    trpc.catalog.updateLineageEdge.mutationOptions({
      onSuccess: async () => {
        toast.success('Saved');
        onClose();
        await refresh();
      },
      onError: (e) => toast.fromError(e, 'Could not change the edge'),
    }),
  );
  const remove = useMutation(
    trpc.catalog.removeLineageEdge.mutationOptions({
      onSuccess: async () => {
        toast.success('Lineage edge removed');
        setRemoving(false);
        onClose();
        await refresh();
      },
      onError: (e) => toast.fromError(e, 'Could not remove the edge'),
    }),
  );
  const changed = edge && (note.trim() !== edge.note || propagation !== edge.propagation);
  return (
    <>
      <Dialog open={edge !== null && !removing} onOpenChange={(o) => !o && onClose()}>
        <DialogContent data-testid="edge-dialog">
          <DialogHeader>
            <DialogTitle className="flex items-center gap-2">
              Lineage edge
              {edge ? <Badge variant="outline">{edgeKindLabel[edge.kind] ?? edge.kind}</Badge> : null}
            </DialogTitle>
            <DialogDescription className="font-mono text-xs">
              {fromName} → {toName}
            </DialogDescription>
          </DialogHeader>
          <div className="grid gap-4">
            <Field label="Note" htmlFor="edge-edit-note">
              <Textarea
                id="edge-edit-note"
                rows={2}
                maxLength={500}
                value={note}
                disabled={!canCurate}
                onChange={(e) => setNote(e.target.value)}
              />
            </Field>
            <Field label="Label propagation" htmlFor="edge-edit-propagation">
              <PropagationSelect
                id="edge-edit-propagation"
                value={propagation}
                onChange={setPropagation}
                disabled={!canCurate}
              />
            </Field>
          </div>
          <DialogFooter className="sm:justify-between">
            {canCurate && edge?.kind === 'declared' ? (
              <Button
                variant="outline"
                className="text-destructive hover:text-destructive"
                onClick={() => setRemoving(true)}
                data-testid="remove-edge"
              >
                <Trash2 />
                Remove
              </Button>
            ) : (
              <span />
            )}
            <div className="flex gap-2">
              <Button variant="outline" onClick={onClose}>
                {canCurate ? 'Cancel' : 'Close'}
              </Button>
              {canCurate ? (
                <Button
                  disabled={!changed || update.isPending}
                  onClick={() =>
                    edge && update.mutate({ id: edge.id, note: note.trim(), propagation })
                  }
                >
                  {update.isPending ? <Spinner /> : null}
                  Save
                </Button>
              ) : null}
            </div>
          </DialogFooter>
        </DialogContent>
      </Dialog>
      <ConfirmDialog
        open={removing}
        onOpenChange={setRemoving}
        title="Remove this lineage edge?"
        description={`${fromName} → ${toName} will no longer show as connected. Labels suggested through it stay as they are.`}
        confirmLabel="Remove edge"
        destructive
        pending={remove.isPending}
        onConfirm={() => edge && remove.mutate({ id: edge.id })}
      />
    </>
  );
}
