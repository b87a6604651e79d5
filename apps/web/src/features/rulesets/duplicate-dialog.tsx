'use client';
import * as React from 'react';
import { useRouter } from 'next/navigation';
import { useMutation, useQueryClient } from '@tanstack/react-query';
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
  Spinner,
  toast,
} from '@racine/ui';
import { useTRPC } from '~/trpc/react';
import { type RuleSetRow, ruleSetValues } from './bits';

/** Copies a rule set (built-in ones are read-only: this is how they are customised). */
export function DuplicateRuleSetDialog({
  ruleSet,
  onOpenChange,
}: {
  ruleSet: RuleSetRow | null;
  onOpenChange: (open: boolean) => void;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const [name, setName] = React.useState('');
  const [error, setError] = React.useState<string | null>(null);
  React.useEffect(() => {
    if (ruleSet) {
      setName(`${ruleSet.name} (copy)`.slice(0, 100));
      setError(null);
    }
  }, [ruleSet]);
  const create = useMutation(
    trpc.scanRuleSet.create.mutationOptions({
      onSuccess: async (created) => {
        toast.success(`Rule set “${created.name}” created`);
        onOpenChange(false);
        router.push(`/rule-sets/${created.id}`);
        await queryClient.invalidateQueries(trpc.scanRuleSet.pathFilter());
      },
      onError: (e) => {
        setError(e.message);
        toast.fromError(e, 'Could not duplicate the rule set');
      },
    }),
  );
  return (
    <Dialog open={!!ruleSet} onOpenChange={(open) => !create.isPending && onOpenChange(open)}>
      <DialogContent className="max-w-md" data-testid="duplicate-ruleset-dialog">
        <DialogHeader>
          <DialogTitle>Duplicate {ruleSet?.name}</DialogTitle>
          <DialogDescription>
            A copy with the same scope, sampling, detectors and rules, that you can change.
          </DialogDescription>
        </DialogHeader>
        <form
          className="grid gap-4"
          onSubmit={(e) => {
            e.preventDefault();
            if (!ruleSet) return;
            if (!name.trim()) return setError('Give the copy a name');
            create.mutate(ruleSetValues(ruleSet, { name: name.trim() }));
          }}
        >
          <Field label="Name" htmlFor="dup-name" error={error ?? undefined}>
            <Input
              id="dup-name"
              autoFocus
              value={name}
              aria-invalid={!!error}
              onChange={(e) => {
                setName(e.target.value);
                setError(null);
              }}
            />
          </Field>
          <DialogFooter>
            <Button
              variant="outline"
              onClick={() => onOpenChange(false)}
              disabled={create.isPending}
            >
              Cancel
            </Button>
            <Button type="submit" disabled={create.isPending}>
              {create.isPending ? <Spinner /> : null}
              Duplicate
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
