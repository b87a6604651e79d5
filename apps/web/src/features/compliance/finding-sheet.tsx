'use client';
import * as React from 'react';
import Link from 'next/link';
import { useQuery } from '@tanstack/react-query';
import { Check, CheckCheck, ExternalLink, RotateCcw, ShieldOff } from 'lucide-react';
import {
  Button,
  cn,
  Field,
  Input,
  Sheet,
  SheetBody,
  SheetContent,
  SheetDescription,
  SheetFooter,
  SheetHeader,
  SheetTitle,
  Skeleton,
  Textarea,
} from '@racine/ui';
import { useTRPC } from '~/trpc/react';
import { EnvironmentBadge } from '~/components/environment-badge';
import { CommentThread, PresenceAvatars } from '~/features/collab';
import { formatDate, formatDateTime } from '~/lib/format';
import { AssigneePicker } from './assignee-picker';
import { Condition, FindingStatusBadge, SeverityBadge } from './bits';
import { EvidenceList } from './evidence-list';
import { requiredTags } from './required-tags';
import { TagRemediation } from './tag-remediation';
import type { Finding } from './types';
import { useUpdateFinding } from './use-update-finding';
import { WaiveDialog } from './waive-dialog';

const dayOf = (d: Date | string | null | undefined) =>
  d ? new Date(d).toISOString().slice(0, 10) : '';

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <section className="grid gap-2">
      <h3 className="text-xs font-semibold uppercase tracking-wide text-muted-foreground">
        {title}
      </h3>
      {children}
    </section>
  );
}

/**
 * The evidence as the evaluator stored it (compliance/check.ts): the
 * conditions as evaluated, the value of every field they read, and a
 * one-line message. Older or foreign shapes fall back to "all of it is facts".
 */
function evidenceParts(evidence: unknown): {
  facts: unknown;
  message: string | null;
  appliesWhen: string | null;
  requires: string | null;
} {
  if (evidence && typeof evidence === 'object' && !Array.isArray(evidence) && 'facts' in evidence) {
    const e = evidence as Record<string, unknown>;
    const str = (v: unknown) => (typeof v === 'string' ? v : null);
    return {
      facts: e.facts,
      message: str(e.message),
      appliesWhen: str(e.appliesWhen),
      requires: str(e.requires),
    };
  }
  return { facts: evidence, message: null, appliesWhen: null, requires: null };
}

/**
 * One finding: what failed and why (the facts, the rule's conditions, the
 * remediation), and what can be done about it.
 */
export function FindingSheet({
  finding,
  onOpenChange,
}: {
  finding: Finding | null;
  onOpenChange: (open: boolean) => void;
}) {
  const trpc = useTRPC();
  const [waiveOpen, setWaiveOpen] = React.useState(false);
  const update = useUpdateFinding(() => setWaiveOpen(false));
  // The finding names its rule; the conditions come with the framework (cached per framework).
  const framework = useQuery({
    ...trpc.compliance.framework.queryOptions({ id: finding?.framework.id ?? '' }),
    enabled: !!finding,
    staleTime: 60_000,
  });
  const rule = framework.data?.rules.find((r) => r.id === finding?.rule.id);
  const f = finding;
  const pendingStatus = update.isPending ? update.variables?.status : undefined;
  // Read-only for people who may see the finding but not change it; the server checks again.
  const busy = update.isPending || !f?.canManage;
  const overdue = f?.dueAt && f.status !== 'resolved' && new Date(f.dueAt).getTime() < Date.now();
  const evidence = evidenceParts(f?.evidence);
  // The conditions the finding was evaluated with; the rule's current ones if the evidence lacks them.
  const appliesWhen = evidence.appliesWhen ?? rule?.appliesWhen ?? null;
  const requires = evidence.requires ?? rule?.requires ?? null;
  const tags = rule ? requiredTags(rule.requires) : [];

  return (
    <Sheet open={!!f} onOpenChange={onOpenChange}>
      <SheetContent data-testid="finding-sheet" data-status={f?.status} className="max-w-2xl">
        {f ? (
          <>
            <SheetHeader>
              <div className="flex flex-wrap items-center gap-2">
                <SeverityBadge severity={f.severity} />
                <FindingStatusBadge status={f.status} />
                <span className="text-xs text-muted-foreground">{f.framework.name}</span>
                <PresenceAvatars className="ml-auto mr-8" resourceType="finding" resourceId={f.id} />
              </div>
              <SheetTitle>
                <span className="font-mono text-base">{f.rule.code}</span> · {f.rule.title}
              </SheetTitle>
              <SheetDescription className="flex flex-wrap items-center gap-2">
                <span className="font-mono text-xs" data-testid="finding-asset">
                  {f.asset.qualifiedName}
                </span>
                <span>in {f.dataSource.name}</span>
                <EnvironmentBadge environment={f.dataSource.environment} />
              </SheetDescription>
            </SheetHeader>
            <SheetBody className="grid content-start gap-6">
              <Section title="Evidence">
                {evidence.message ? (
                  <p className="text-sm" data-testid="finding-evidence-message">
                    {evidence.message}
                  </p>
                ) : null}
                <EvidenceList facts={evidence.facts} requires={requires} />
              </Section>
              <Section title="Rule">
                {appliesWhen !== null && requires !== null ? (
                  <div className="grid gap-2 text-sm">
                    {rule?.description ? (
                      <p className="text-muted-foreground">{rule.description}</p>
                    ) : null}
                    <div className="grid gap-1">
                      <span className="text-xs text-muted-foreground">Applies when</span>
                      <Condition>{appliesWhen}</Condition>
                    </div>
                    <div className="grid gap-1">
                      <span className="text-xs text-muted-foreground">Requires</span>
                      <Condition>{requires}</Condition>
                    </div>
                  </div>
                ) : framework.isPending ? (
                  <Skeleton className="h-12 w-full" />
                ) : (
                  <p className="text-sm text-muted-foreground">The rule could not be loaded.</p>
                )}
              </Section>
              <Section title="Remediation">
                <p className="whitespace-pre-wrap text-sm" data-testid="finding-remediation">
                  {f.rule.remediation || 'The rule gives no remediation advice.'}
                </p>
                <div className="flex flex-wrap items-center gap-2">
                  {tags.length && f.status !== 'resolved' ? (
                    <TagRemediation assetId={f.asset.id} assetType={f.asset.type} tags={tags} />
                  ) : null}
                  <Button variant="ghost" size="sm" asChild>
                    <Link href={`/catalog/assets/${f.asset.id}`} data-testid="open-asset">
                      <ExternalLink />
                      Open the asset
                    </Link>
                  </Button>
                </div>
              </Section>
              <Section title="Tracking">
                <div className="grid gap-4 sm:grid-cols-2">
                  <Field label="Assignee" htmlFor="finding-assignee">
                    <AssigneePicker
                      id="finding-assignee"
                      value={f.assignee?.id ?? null}
                      current={f.assignee}
                      disabled={busy}
                      onChange={(assigneeId) => update.mutate({ id: f.id, assigneeId })}
                    />
                  </Field>
                  <Field
                    label="Due"
                    htmlFor="finding-due"
                    error={overdue ? `Overdue since ${formatDate(f.dueAt)}` : undefined}
                  >
                    <Input
                      id="finding-due"
                      type="date"
                      defaultValue={dayOf(f.dueAt)}
                      key={`${f.id}:${dayOf(f.dueAt)}`}
                      disabled={busy}
                      className={cn(overdue && 'border-destructive text-destructive')}
                      onBlur={(e) => {
                        const next = e.currentTarget.value;
                        if (next === dayOf(f.dueAt)) return;
                        update.mutate({
                          id: f.id,
                          dueAt: next ? new Date(`${next}T23:59:59.999Z`) : null,
                        });
                      }}
                    />
                  </Field>
                </div>
                <Field
                  label="Note"
                  htmlFor="finding-note"
                  hint="For whoever picks this up next; saved when you leave the field."
                >
                  <Textarea
                    id="finding-note"
                    rows={2}
                    defaultValue={f.note ?? ''}
                    key={`${f.id}:${f.note ?? ''}`}
                    disabled={busy}
                    onBlur={(e) => {
                      const next = e.currentTarget.value.trim();
                      if (next !== (f.note ?? '')) update.mutate({ id: f.id, note: next });
                    }}
                  />
                </Field>
                <dl className="grid grid-cols-[8rem_1fr] gap-y-1 text-sm">
                  <dt className="text-muted-foreground">First seen</dt>
                  <dd>{formatDateTime(f.firstSeenAt)}</dd>
                  <dt className="text-muted-foreground">Last seen</dt>
                  <dd>{formatDateTime(f.lastSeenAt)}</dd>
                  {f.resolvedAt ? (
                    <>
                      <dt className="text-muted-foreground">Resolved</dt>
                      <dd>{formatDateTime(f.resolvedAt)}</dd>
                    </>
                  ) : null}
                  {f.status === 'waived' ? (
                    <>
                      <dt className="text-muted-foreground">Waived until</dt>
                      <dd>{formatDate(f.waivedUntil)}</dd>
                      <dt className="text-muted-foreground">Justification</dt>
                      <dd className="whitespace-pre-wrap">{f.waiverReason}</dd>
                    </>
                  ) : null}
                </dl>
              </Section>
              <CommentThread resourceType="finding" resourceId={f.id} />
            </SheetBody>
            <SheetFooter>
              {f.canManage ? null : (
                <p
                  className="mr-auto self-center text-xs text-muted-foreground"
                  data-testid="finding-read-only"
                >
                  Read only: changing findings needs compliance.findings.manage on{' '}
                  {f.dataSource.name}.
                </p>
              )}
              {f.status === 'open' ? (
                <Button
                  variant="outline"
                  disabled={busy}
                  data-testid="acknowledge-finding"
                  onClick={() => update.mutate({ id: f.id, status: 'acknowledged' })}
                >
                  <Check />
                  {pendingStatus === 'acknowledged' ? 'Acknowledging…' : 'Acknowledge'}
                </Button>
              ) : null}
              {f.status === 'open' || f.status === 'acknowledged' ? (
                <>
                  <Button
                    variant="outline"
                    disabled={busy || !f.canWaive}
                    title={
                      f.canWaive
                        ? undefined
                        : 'Waiving needs the compliance.waive permission on this source'
                    }
                    data-testid="waive-finding"
                    onClick={() => setWaiveOpen(true)}
                  >
                    <ShieldOff />
                    Waive…
                  </Button>
                  <Button
                    disabled={busy}
                    data-testid="resolve-finding"
                    onClick={() => update.mutate({ id: f.id, status: 'resolved' })}
                  >
                    <CheckCheck />
                    {pendingStatus === 'resolved' ? 'Resolving…' : 'Resolve'}
                  </Button>
                </>
              ) : (
                <Button
                  variant="outline"
                  disabled={busy}
                  data-testid="reopen-finding"
                  onClick={() => update.mutate({ id: f.id, status: 'open' })}
                >
                  <RotateCcw />
                  {pendingStatus === 'open' ? 'Reopening…' : 'Reopen'}
                </Button>
              )}
            </SheetFooter>
            <WaiveDialog
              open={waiveOpen}
              onOpenChange={setWaiveOpen}
              pending={pendingStatus === 'waived'}
              onWaive={(v) => update.mutate({ id: f.id, status: 'waived', ...v })}
            />
          </>
        ) : null}
      </SheetContent>
    </Sheet>
  );
}
