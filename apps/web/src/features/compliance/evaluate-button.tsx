'use client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Play } from 'lucide-react';
import { Button, Spinner, toast } from '@racine/ui';
import { useTRPC } from '~/trpc/react';
import type { RouterOutputs } from '~/trpc/types';
import { formatScore } from './bits';

type Evaluation = RouterOutputs['compliance']['evaluate']['evaluations'][number];

/** "PCI-DSS: 3 new findings, 1 resolved, score 72 → 80". */
export function describeEvaluation(e: Evaluation, before: number | null | undefined): string {
  const parts = [
    `${e.opened} new ${e.opened === 1 ? 'finding' : 'findings'}`,
    `${e.resolved} resolved`,
    before == null || Math.round(before) === Math.round(e.score)
      ? `score ${formatScore(e.score)}`
      : `score ${formatScore(before)} → ${formatScore(e.score)}`,
  ];
  return `${e.frameworkName}: ${parts.join(', ')}`;
}

/**
 * Evaluates every enabled framework (or one, with `frameworkId`) now, then
 * says per framework what changed against the scores shown before.
 */
export function EvaluateButton({
  frameworkId,
  scoresBefore,
  label = 'Evaluate now',
  variant = 'default',
}: {
  frameworkId?: string;
  /** Score per framework id as shown before evaluating, for the "72 → 80" part. */
  scoresBefore: ReadonlyMap<string, number | null>;
  label?: string;
  variant?: 'default' | 'outline';
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const evaluate = useMutation(
    trpc.compliance.evaluate.mutationOptions({
      onSuccess: async ({ evaluations }) => {
        const lines = evaluations.map((e) =>
          describeEvaluation(e, scoresBefore.get(e.frameworkId)),
        );
        toast.success(
          evaluations.length === 1
            ? 'Framework evaluated'
            : `${evaluations.length} frameworks evaluated`,
          {
            description: (
              <ul className="grid gap-0.5" data-testid="evaluation-summary">
                {lines.map((l) => (
                  <li key={l}>{l}</li>
                ))}
              </ul>
            ),
          },
        );
        await queryClient.invalidateQueries(trpc.compliance.pathFilter());
      },
      onError: (error) => toast.fromError(error, 'Could not evaluate'),
    }),
  );
  return (
    <Button
      variant={variant}
      data-testid="evaluate-now"
      disabled={evaluate.isPending}
      onClick={() => evaluate.mutate(frameworkId ? { frameworkId } : {})}
    >
      {evaluate.isPending ? <Spinner /> : <Play />}
      {evaluate.isPending ? 'Evaluating…' : label}
    </Button>
  );
}
