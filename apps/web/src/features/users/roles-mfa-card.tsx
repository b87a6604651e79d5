'use client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Badge, Card, CardContent, CardDescription, CardHeader, CardTitle, ErrorState, Skeleton, Switch, toast } from '@racine/ui';
import { useTRPC } from '~/trpc/react';

const scopeLabel: Record<string, string> = { global: 'global', workspace: 'workspace', datasource: 'data source' };

/** Per role: must its holders use two-factor authentication? Until they set it up they can use only their own account. */
export function RolesMfaCard() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const roles = useQuery(trpc.rbac.roles.queryOptions());
  const set = useMutation(
    trpc.rbac.setRoleRequiresMfa.mutationOptions({
      onSuccess: async (r) => {
        toast.success(
          r.requiresMfa
            ? `${r.name} now requires two-factor authentication${r.holdersWithoutMfa ? ` (${r.holdersWithoutMfa} holder${r.holdersWithoutMfa === 1 ? ' has' : 's have'} not set it up yet)` : ''}`
            : `${r.name} no longer requires two-factor authentication`,
        );
        await queryClient.invalidateQueries(trpc.rbac.roles.pathFilter());
      },
      onError: (error) => toast.fromError(error, 'Could not change the role'),
    }),
  );
  return (
    <Card className="mt-8" data-testid="roles-mfa">
      <CardHeader>
        <CardTitle>Two-factor authentication by role</CardTitle>
        <CardDescription>
          Holders of a role that requires it keep signing in, but can only use their own settings until they set up an authenticator.
        </CardDescription>
      </CardHeader>
      <CardContent>
        {roles.isPending ? (
          <Skeleton className="h-40 w-full" />
        ) : roles.error ? (
          <ErrorState error={roles.error} onRetry={() => void roles.refetch()} />
        ) : (
          <ul className="divide-y">
            {roles.data.map((r) => (
              <li key={r.id} className="flex items-center gap-3 py-2.5" data-testid="role-mfa-row" data-role={r.key}>
                <div className="min-w-0 flex-1">
                  <div className="flex items-center gap-2 text-sm font-medium">
                    {r.name}
                    <Badge variant="outline">{scopeLabel[r.scopeType] ?? r.scopeType}</Badge>
                  </div>
                  <div className="truncate text-xs text-muted-foreground">{r.description}</div>
                </div>
                <Switch
                  checked={r.requiresMfa}
                  disabled={set.isPending}
                  aria-label={`${r.name} (${scopeLabel[r.scopeType] ?? r.scopeType}) requires two-factor authentication`}
                  onCheckedChange={(requiresMfa) => set.mutate({ roleId: r.id, requiresMfa })}
                />
              </li>
            ))}
          </ul>
        )}
      </CardContent>
    </Card>
  );
}
