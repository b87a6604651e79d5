/**
 * Findings: the list (only of sources the caller may read) and the lifecycle
 * people drive — acknowledge, assign, set a due date, resolve (the next
 * evaluation that still sees the failure reopens it), reopen, waive (with
 * `compliance.waive`, a justification and an expiry at most a year away) and
 * notes. Every change is audited with before/after.
 */
import type { Prisma } from '@racine/db';
import type { z } from 'zod';
import type { Actor } from '../actor';
import { actorUserId } from '../actor';
import { mutate } from '../activity/record';
import type { ServiceDeps } from '../deps';
import { AppError, notFound } from '../errors';
import { type AccessChecker, dataSourceScope } from '../rbac/resolve';
import { FINDING_STATUSES, type listFindingsInput, MAX_WAIVER_DAYS, SEVERITIES, type UpdateFindingInput } from './schemas';

const findingSelect = {
  id: true,
  status: true,
  severity: true,
  evidence: true,
  dueAt: true,
  waiverReason: true,
  waivedUntil: true,
  firstSeenAt: true,
  lastSeenAt: true,
  resolvedAt: true,
  note: true,
  assigneeId: true,
  rule: { select: { id: true, code: true, title: true, remediation: true } },
  framework: { select: { id: true, name: true } },
  asset: { select: { id: true, type: true, name: true, qualifiedName: true, dataSource: { select: { id: true, name: true, environment: true } } } },
} satisfies Prisma.ComplianceFindingSelect;

type FindingRow = Prisma.ComplianceFindingGetPayload<{ select: typeof findingSelect }>;

const holds = (sources: 'all' | string[], id: string) => sources === 'all' || sources.includes(id);

/** Rows as the API shows them: the assignee's name, and what the caller may do to each (the server still checks). */
async function withAssignees(deps: ServiceDeps, access: AccessChecker, rows: FindingRow[]) {
  const ids = [...new Set(rows.map((r) => r.assigneeId).filter((x): x is string => !!x))];
  const [users, manageable, waivable] = await Promise.all([
    ids.length ? deps.db.user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } }) : [],
    access.dataSourcesWith('compliance.findings.manage'),
    access.dataSourcesWith('compliance.waive'),
  ]);
  const byId = new Map(users.map((u) => [u.id, u]));
  return rows.map(({ asset, assigneeId, ...r }) => {
    const { dataSource, ...assetFields } = asset;
    const assignee = assigneeId ? (byId.get(assigneeId) ?? { id: assigneeId, name: '(unknown user)' }) : null;
    return { ...r, asset: assetFields, dataSource, assignee, canManage: holds(manageable, dataSource.id), canWaive: holds(waivable, dataSource.id) };
  });
}

export async function listFindings(deps: ServiceDeps, access: AccessChecker, input: z.output<typeof listFindingsInput>) {
  const visible = await access.dataSourcesWith('datasource.read');
  const me = actorUserId(access.actor);
  const assignee = input.assigneeId === 'me' ? (me ?? '') : input.assigneeId === 'none' ? null : input.assigneeId;
  const base: Prisma.ComplianceFindingWhereInput = {
    AND: [
      visible === 'all' ? {} : { dataSourceId: { in: visible } },
      input.dataSourceId ? { dataSourceId: input.dataSourceId } : {},
      input.frameworkId ? { frameworkId: input.frameworkId } : {},
      input.ruleId ? { ruleId: input.ruleId } : {},
      input.assetId ? { assetId: input.assetId } : {},
      input.assigneeId !== undefined ? { assigneeId: assignee } : {},
      input.q
        ? { OR: [{ asset: { qualifiedName: { contains: input.q, mode: 'insensitive' } } }, { rule: { code: { contains: input.q, mode: 'insensitive' } } }, { rule: { title: { contains: input.q, mode: 'insensitive' } } }] }
        : {},
    ],
  };
  const where: Prisma.ComplianceFindingWhereInput = {
    AND: [base, input.status ? { status: { in: input.status } } : {}, input.severity ? { severity: { in: input.severity } } : {}],
  };
  const [total, rows, byStatus, bySeverity] = await Promise.all([
    deps.db.complianceFinding.count({ where }),
    deps.db.complianceFinding.findMany({ where, select: findingSelect, orderBy: [{ status: 'asc' }, { severity: 'desc' }, { lastSeenAt: 'desc' }, { id: 'asc' }], take: input.limit, skip: input.offset }),
    // Counts by status ignore the status filter (and by severity the severity filter), so facets show what a click would give.
    deps.db.complianceFinding.groupBy({ by: ['status'], where: { AND: [base, input.severity ? { severity: { in: input.severity } } : {}] }, _count: { _all: true } }),
    deps.db.complianceFinding.groupBy({ by: ['severity'], where: { AND: [base, input.status ? { status: { in: input.status } } : {}] }, _count: { _all: true } }),
  ]);
  return {
    total,
    items: await withAssignees(deps, access, rows),
    counts: {
      byStatus: Object.fromEntries(FINDING_STATUSES.map((s) => [s, byStatus.find((b) => b.status === s)?._count._all ?? 0])) as Record<(typeof FINDING_STATUSES)[number], number>,
      bySeverity: Object.fromEntries(SEVERITIES.map((s) => [s, bySeverity.find((b) => b.severity === s)?._count._all ?? 0])) as Record<(typeof SEVERITIES)[number], number>,
    },
  };
}

const DAY = 86_400_000;

export async function updateFinding(deps: ServiceDeps, actor: Actor, access: AccessChecker, input: UpdateFindingInput) {
  const current = await deps.db.complianceFinding.findUnique({ where: { id: input.id } });
  if (!current) throw notFound('Finding', input.id);
  const scope = dataSourceScope(current.dataSourceId);
  await access.require('compliance.findings.manage', scope);
  const now = deps.clock();
  const data: Prisma.ComplianceFindingUncheckedUpdateInput = {};

  // Waiving a waived finding again renews (or shortens) its waiver.
  if (input.status && (input.status !== current.status || input.status === 'waived')) {
    switch (input.status) {
      case 'waived': {
        await access.require('compliance.waive', scope);
        if (!input.waiverReason || input.waiverReason.length < 10) throw new AppError('BAD_REQUEST', 'waiverReason: say why the risk is accepted (at least 10 characters)');
        if (!input.waivedUntil) throw new AppError('BAD_REQUEST', 'waivedUntil: a waiver needs an expiry date');
        if (input.waivedUntil <= now) throw new AppError('BAD_REQUEST', 'waivedUntil: the expiry must be in the future');
        if (input.waivedUntil.getTime() - now.getTime() > MAX_WAIVER_DAYS * DAY) throw new AppError('BAD_REQUEST', 'waivedUntil: a waiver lasts at most a year; renew it when it expires');
        Object.assign(data, { status: 'waived', waiverReason: input.waiverReason, waivedUntil: input.waivedUntil, waivedById: actorUserId(actor), resolvedAt: null });
        break;
      }
      case 'resolved':
        // A person's word: the next evaluation that still sees the failure reopens it.
        Object.assign(data, { status: 'resolved', resolvedAt: now });
        break;
      case 'open':
      case 'acknowledged':
        Object.assign(data, { status: input.status, resolvedAt: null, ...(current.status === 'waived' ? { waiverReason: null, waivedUntil: null, waivedById: null } : {}) });
        break;
    }
  } else if (input.waiverReason !== undefined || input.waivedUntil !== undefined) {
    throw new AppError('BAD_REQUEST', 'waiverReason/waivedUntil: only with status "waived"');
  }
  if (input.assigneeId !== undefined) {
    if (input.assigneeId !== null) {
      const user = await deps.db.user.findUnique({ where: { id: input.assigneeId }, select: { isActive: true } });
      if (!user?.isActive) throw new AppError('BAD_REQUEST', `assigneeId: ${input.assigneeId} is not an active user`);
    }
    data.assigneeId = input.assigneeId;
  }
  if (input.dueAt !== undefined) data.dueAt = input.dueAt;
  if (input.note !== undefined) data.note = input.note;
  if (Object.keys(data).length === 0) throw new AppError('BAD_REQUEST', 'Nothing to change: give a status, assignee, due date or note');

  const fields = ['status', 'assigneeId', 'dueAt', 'waiverReason', 'waivedUntil', 'note', 'resolvedAt'] as const;
  const pick = (f: Record<string, unknown>) => Object.fromEntries(fields.filter((k) => k in data).map((k) => [k, f[k] ?? null]));
  return mutate(
    deps,
    actor,
    { type: `compliance.finding.${input.status && input.status !== current.status ? input.status : 'updated'}`, category: 'data', sourceGroup: 'compliance', action: 'update', resourceType: 'complianceFinding', resourceId: current.id, workspaceId: current.workspaceId, complianceRelevant: true, details: { dataSourceId: current.dataSourceId, ruleId: current.ruleId } },
    async (tx) => {
      const after = await tx.complianceFinding.update({ where: { id: current.id }, data });
      return { result: after, before: pick(current), after: pick(after) };
    },
  );
}
