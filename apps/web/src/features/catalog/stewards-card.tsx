'use client';
import { User, Users, X } from 'lucide-react';
import { Button, Card, CardContent, CardHeader, CardTitle } from '@racine/ui';
import { CurateGate } from './curate-gate';
import { PrincipalPicker } from './principal-picker';
import type { AssetSteward } from './types';

type Role = 'owner' | 'steward';
type Principal = { type: 'user' | 'team'; id: string };

const toPrincipals = (list: readonly AssetSteward[]): Principal[] =>
  list.map((s) => ({ type: s.principalType, id: s.principalId }));

/**
 * Owners (accountable) and stewards (keep it described and classified):
 * people or teams. Each change saves the whole list for that role.
 */
export function StewardsCard({
  stewards,
  canCurate,
  saving,
  onSave,
}: {
  stewards: readonly AssetSteward[];
  canCurate: boolean;
  saving: boolean;
  onSave: (change: { owners?: Principal[]; stewards?: Principal[] }) => void;
}) {
  const of = (role: Role) => stewards.filter((s) => s.role === role);
  const save = (role: Role, list: Principal[]) =>
    onSave(role === 'owner' ? { owners: list } : { stewards: list });
  return (
    <Card data-testid="asset-stewards">
      <CardHeader>
        <CardTitle>Owners & stewards</CardTitle>
      </CardHeader>
      <CardContent className="grid gap-4">
        {(['owner', 'steward'] as const).map((role) => {
          const list = of(role);
          return (
            <div key={role} className="grid gap-1.5">
              <div className="flex items-center justify-between">
                <span className="text-xs font-medium text-muted-foreground">
                  {role === 'owner' ? 'Owners' : 'Stewards'}
                </span>
                <CurateGate canCurate={canCurate}>
                  <PrincipalPicker
                    label={role === 'owner' ? 'Add owner' : 'Add steward'}
                    disabled={!canCurate || saving}
                    testId={`add-${role}`}
                    exclude={new Set(list.map((s) => `${s.principalType}:${s.principalId}`))}
                    onPick={(p) => save(role, [...toPrincipals(list), { type: p.type, id: p.id }])}
                  />
                </CurateGate>
              </div>
              {list.length ? (
                <ul className="grid gap-1">
                  {list.map((s) => (
                    <li
                      key={s.id}
                      className="flex items-center gap-2 rounded-md border px-2 py-1 text-sm"
                      data-testid={`${role}-entry`}
                    >
                      {s.principalType === 'user' ? (
                        <User className="size-4 text-muted-foreground" />
                      ) : (
                        <Users className="size-4 text-muted-foreground" />
                      )}
                      <span className="min-w-0 flex-1 truncate">{s.name}</span>
                      <span className="truncate text-xs text-muted-foreground">
                        {s.principalType === 'team' ? 'team' : (s.email ?? '')}
                      </span>
                      {canCurate ? (
                        <Button
                          variant="ghost"
                          size="icon-sm"
                          className="size-6"
                          aria-label={`Remove ${s.name} as ${role}`}
                          disabled={saving}
                          onClick={() =>
                            save(
                              role,
                              toPrincipals(list.filter((x) => x.id !== s.id)),
                            )
                          }
                        >
                          <X />
                        </Button>
                      ) : null}
                    </li>
                  ))}
                </ul>
              ) : (
                <p className="text-xs text-muted-foreground">
                  {role === 'owner' ? 'No owner — nobody is accountable yet.' : 'No steward.'}
                </p>
              )}
            </div>
          );
        })}
      </CardContent>
    </Card>
  );
}
