'use client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Tag } from 'lucide-react';
import { Button, Spinner, toast } from '@racine/ui';
import { useTRPC } from '~/trpc/react';

/**
 * "Tag the column masked": adds the tags the rule requires to the asset's
 * existing ones (read fresh first, so nothing curated is lost), through the
 * catalog's own update. The next evaluation decides whether the finding
 * resolves.
 */
export function TagRemediation({
  assetId,
  assetType,
  tags,
}: {
  assetId: string;
  assetType: string;
  tags: string[];
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const asset = useQuery(trpc.catalog.getAsset.queryOptions({ id: assetId }));
  const current: string[] = asset.data?.tags ?? [];
  const missing = tags.filter((t) => !current.includes(t));
  const update = useMutation(
    trpc.catalog.updateAsset.mutationOptions({
      onSuccess: async () => {
        toast.success(`Tagged ${missing.map((t) => `“${t}”`).join(', ')}`, {
          description: 'Evaluate again to see the finding resolve.',
        });
        await queryClient.invalidateQueries(trpc.catalog.pathFilter());
      },
      onError: (error) => toast.fromError(error, 'Could not tag the asset'),
    }),
  );
  if (!tags.length || asset.isPending || asset.error) return null;
  if (!missing.length)
    return (
      <p className="text-sm text-muted-foreground" data-testid="tag-remediation-done">
        The {assetType} already has {tags.map((t) => `“${t}”`).join(', ')}. Evaluate again to
        re-check it.
      </p>
    );
  if (!asset.data?.canCurate) return null;
  return (
    <Button
      variant="outline"
      size="sm"
      data-testid="tag-remediation"
      disabled={update.isPending}
      onClick={() => update.mutate({ id: assetId, tags: [...current, ...missing] })}
    >
      {update.isPending ? <Spinner /> : <Tag />}
      Tag the {assetType} {missing.join(', ')}
    </Button>
  );
}
