import { Badge } from '@racine/ui';
import { formatDateTime } from '~/lib/format';
import { actorLabel, type ActivityEvent } from './event-bits';

function Json({ value, label }: { value: unknown; label: string }) {
  const empty =
    value === null ||
    value === undefined ||
    (typeof value === 'object' && Object.keys(value as object).length === 0);
  return (
    <div className="grid min-w-0 content-start gap-1.5">
      <div className="text-xs font-medium text-muted-foreground">{label}</div>
      {empty ? (
        <div className="rounded-md border border-dashed px-3 py-2 text-xs text-muted-foreground">
          none
        </div>
      ) : (
        <pre className="max-h-72 overflow-auto rounded-md border bg-background p-3 font-mono text-xs leading-relaxed">
          {JSON.stringify(value, null, 2)}
        </pre>
      )}
    </div>
  );
}

/** Everything recorded about one event: who, what, where, the before/after snapshot and its place in the hash chain. */
export function ActivityDetails({ event }: { event: ActivityEvent }) {
  const facts: [string, React.ReactNode][] = [
    ['Event', `#${event.id}`],
    ['When', formatDateTime(event.occurredAt)],
    ['Actor', `${actorLabel(event)} · ${event.actorType}`],
    [
      'Action',
      `${event.action} (${event.sourceGroup}${event.targetGroup ? ` → ${event.targetGroup}` : ''})`,
    ],
    ['Resource', event.resourceType ? `${event.resourceType} ${event.resourceId ?? ''}` : '—'],
    ['Workspace', event.workspaceId ?? '—'],
    ['Duration', event.durationMs !== null ? `${Math.round(event.durationMs)} ms` : '—'],
  ];
  return (
    <div className="grid gap-4" data-testid="activity-details">
      <div className="flex flex-wrap items-center gap-2">
        {event.complianceRelevant ? <Badge variant="warning">compliance relevant</Badge> : null}
        <span
          className="font-mono text-[11px] text-muted-foreground"
          title="This event's hash in the tamper-evident chain"
        >
          hash {event.hash.slice(0, 16)}…
        </span>
      </div>
      <dl className="grid gap-x-6 gap-y-1.5 text-sm sm:grid-cols-2 lg:grid-cols-3">
        {facts.map(([k, v]) => (
          <div key={k} className="flex min-w-0 gap-2">
            <dt className="shrink-0 text-muted-foreground">{k}</dt>
            <dd className="min-w-0 truncate font-medium">{v}</dd>
          </div>
        ))}
      </dl>
      <Json label="Details" value={event.details} />
      <div className="grid gap-4 md:grid-cols-2">
        <Json label="Before" value={event.before} />
        <Json label="After" value={event.after} />
      </div>
    </div>
  );
}
