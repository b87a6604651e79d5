'use client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Badge,
  Card,
  DataTable,
  type DataTableColumn,
  ErrorState,
  PageHeader,
  Select,
  SelectContent,
  SelectItem,
  SelectTrigger,
  SelectValue,
  Skeleton,
  Switch,
  toast,
} from '@racine/ui';
import { useTRPC } from '~/trpc/react';
import type { RouterInputs, RouterOutputs } from '~/trpc/types';

type Prefs = RouterOutputs['notification']['preferences'];
type Row = Prefs['kinds'][number] | (Prefs['default'] & { kind: '*'; label: string; description: string });
type Email = Row['email'];
type KindKey = RouterInputs['notification']['setPreference']['kind'];

const emailOptions: { value: Email; label: string }[] = [
  { value: 'immediate', label: 'Immediately' },
  { value: 'daily', label: 'Daily digest' },
  { value: 'off', label: 'Off' },
];

/** Kinds × channels: in the app (a switch) and by email (off, at once, or in the daily digest). */
export function NotificationSettingsPage() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const prefs = useQuery(trpc.notification.preferences.queryOptions());
  const save = useMutation(
    trpc.notification.setPreference.mutationOptions({
      onSuccess: (r) => {
        toast.success(r.kind === '*' ? 'Default saved' : `Saved for ${labelOf(prefs.data, r.kind)}`);
        void queryClient.invalidateQueries(trpc.notification.preferences.pathFilter());
      },
      onError: (error) => toast.fromError(error, 'Could not save the preference'),
    }),
  );
  const set = (input: RouterInputs['notification']['setPreference']) => save.mutate(input);

  const rows: Row[] | undefined = prefs.data && [
    { kind: '*', label: 'Everything else', description: 'Any kind you have not set on its own below, and new kinds.', ...prefs.data.default },
    ...prefs.data.kinds,
  ];

  const columns: DataTableColumn<Row>[] = [
    {
      id: 'kind',
      header: 'Notification',
      cell: (r) => (
        <div className="grid min-w-0 max-w-lg gap-0.5">
          <span className="flex items-center gap-2 font-medium">
            {r.label}
            {r.kind !== '*' && !r.custom ? (
              <Badge variant="secondary" className="font-normal">
                default
              </Badge>
            ) : null}
          </span>
          <span className="text-xs text-muted-foreground">{r.description}</span>
        </div>
      ),
    },
    {
      id: 'inApp',
      header: 'In-app',
      className: 'w-24',
      cell: (r) => (
        <Switch
          checked={r.inApp}
          disabled={save.isPending}
          aria-label={`In-app notifications: ${r.label}`}
          data-testid="pref-in-app"
          // A digest summarises in-app notifications: turning in-app off moves a daily email to immediate.
          onCheckedChange={(inApp) => set({ kind: r.kind as KindKey, inApp, ...(!inApp && r.email === 'daily' ? { email: 'immediate' as const } : {}) })}
        />
      ),
    },
    {
      id: 'email',
      header: 'Email',
      className: 'w-48',
      cell: (r) => (
        <Select value={r.email} disabled={save.isPending} onValueChange={(email) => set({ kind: r.kind as KindKey, email: email as Email })}>
          <SelectTrigger className="w-40" aria-label={`Email: ${r.label}`} data-testid="pref-email">
            <SelectValue />
          </SelectTrigger>
          <SelectContent>
            {emailOptions.map((o) => (
              <SelectItem key={o.value} value={o.value} disabled={o.value === 'daily' && !r.inApp}>
                {o.label}
              </SelectItem>
            ))}
          </SelectContent>
        </Select>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title="Notifications"
        description="Choose, for each kind of notification, whether it shows in the app and whether it is emailed at once or gathered into one daily digest."
      />
      {prefs.isPending ? (
        <div className="grid gap-2">
          <Skeleton className="h-12" />
          <Skeleton className="h-12" />
          <Skeleton className="h-12" />
        </div>
      ) : prefs.isError ? (
        <Card>
          <ErrorState error={prefs.error} onRetry={() => void prefs.refetch()} />
        </Card>
      ) : (
        <DataTable
          label="Notification preferences"
          columns={columns}
          data={rows}
          getRowId={(r) => r.kind}
          rowTestId="pref-row"
          rowData={(r) => ({ 'data-kind': r.kind, 'data-in-app': String(r.inApp), 'data-email': r.email })}
        />
      )}
      <p className="mt-3 text-xs text-muted-foreground">
        The daily digest lists the previous day’s unread notifications of the kinds set to “Daily digest”, in one email sent after midnight (UTC).
      </p>
    </>
  );
}

function labelOf(prefs: Prefs | undefined, kind: string) {
  return prefs?.kinds.find((k) => k.kind === kind)?.label ?? kind;
}
