'use client';
import { Avatar, Badge, Card, CardContent, Meter } from '@racine/ui';
import { formatDateTime, formatRelative } from '~/lib/format';
import type { Expert, ExpertReason } from './types';

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** Why someone ranks: one line per kind of evidence, in words. */
export function reasonText(r: ExpertReason): string {
  const last = formatRelative(r.lastAt);
  switch (r.kind) {
    case 'owner':
      return `Owns ${plural(r.count, 'asset')} here (${r.example})`;
    case 'steward':
      return `Stewards ${plural(r.count, 'asset')} here (${r.example})`;
    case 'termOwner':
      return `Owns ${plural(r.count, 'glossary term')}: ${r.example}`;
    case 'resolvedFinding':
      return `Resolved ${plural(r.count, 'finding')}, last ${last} (${r.example})`;
    case 'reviewed':
      return `Reviewed ${plural(r.count, 'label')}, last ${last} (${r.example})`;
    case 'wroteArticle':
      return `Wrote ${plural(r.count, 'article')}: “${r.example}”`;
    case 'curated':
      return `Curated ${plural(r.count, 'time')}, last ${last} (${r.example})`;
    case 'commented':
      return `Commented ${plural(r.count, 'time')}, last ${last}`;
    case 'activity':
      return `${plural(r.count, 'action')} in this area, last ${last} (${r.example})`;
  }
}

export function ExpertCard({ expert, rank, compact = false }: { expert: Expert; rank: number; compact?: boolean }) {
  const reasons = compact ? expert.reasons.slice(0, 2) : expert.reasons;
  return (
    <Card data-testid="expert-card" data-user={expert.user.name}>
      <CardContent className={compact ? 'grid gap-2 p-3' : 'grid gap-3 pt-6'}>
        <div className="flex items-center gap-3">
          <span className="w-5 text-right text-sm tabular-nums text-muted-foreground">{rank}</span>
          <Avatar name={expert.user.name} className={compact ? 'size-7' : undefined} />
          <div className="min-w-0 flex-1">
            <div className="flex items-center gap-2">
              <span className="truncate font-medium">{expert.user.name}</span>
              {expert.user.isGuest ? <Badge variant="warning">guest</Badge> : null}
            </div>
            {!compact ? <div className="truncate text-xs text-muted-foreground">{expert.user.email}</div> : null}
          </div>
          <span className="text-sm font-semibold tabular-nums" title="Score: points from the evidence below, halved every 90 days (roles held do not fade)">
            {expert.score.toFixed(1)}
          </span>
        </div>
        <Meter value={expert.relative} tone="primary" label={`${expert.user.name}'s score relative to the top expert`} />
        <ul className="grid gap-1 text-sm" data-testid="expert-reasons">
          {reasons.map((r) => (
            <li key={r.kind} className="flex gap-2" title={`${r.points.toFixed(1)} points · last ${formatDateTime(r.lastAt)}`}>
              <span className="mt-2 size-1.5 shrink-0 rounded-full bg-muted-foreground/60" />
              <span className="min-w-0 text-muted-foreground">{reasonText(r)}</span>
            </li>
          ))}
        </ul>
      </CardContent>
    </Card>
  );
}
