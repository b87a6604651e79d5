/**
 * `activity.correlate`: cross-group chains scan run → findings → what resolved
 * them, from the rows the groups actually write. The joins (no guessing by
 * time windows beyond the first one):
 *
 * 1. Scan run → evaluations. A successful run enqueues, in its finishing
 *    transaction, one `compliance:evaluate` job per framework with trigger
 *    "scan" (compliance/jobs.ts). So a ComplianceEvaluation with trigger
 *    "scan" and the run's dataSourceId belongs to the latest succeeded run of
 *    that source that finished before the evaluation started.
 * 2. Evaluation → findings raised. applyFindings (compliance/evaluate.ts)
 *    inserts new findings with firstSeenAt = the evaluation's startedAt (the
 *    same `now`), its frameworkId and the asset's dataSourceId: an exact join
 *    on (frameworkId, dataSourceId, firstSeenAt = startedAt). Reopened ones
 *    have no such mark; they are counted in the evaluation's `opened`.
 * 3. Finding → what resolved it.
 *    a. An evaluation that no longer saw the failure sets resolvedAt = its
 *       startedAt and lastEvaluationId = its id. If that evaluation ran from a
 *       workflow step (trigger "workflow"), its `compliance.evaluated`
 *       activity row carries details.evaluationId, workflowId and
 *       executionId (workflow/steps/scope.ts stepAudit): that workflow
 *       execution resolved it. Trigger "scan": a rescan did (join 1 again).
 *    b. Otherwise the latest `compliance.finding.resolved` activity row with
 *       resourceId = the finding: the person (or token) who resolved it.
 *
 * Only sources the caller may read (datasource.read, as the findings board)
 * are followed; a workflow is named only where the caller holds workflow.read.
 */
import type { ServiceDeps } from '../deps';
import type { AccessChecker } from '../rbac/resolve';
import type { ActivityCorrelateInput } from './analytics-schemas';
import { actorNames } from './queries';

export interface ResolvedBy {
  kind: 'workflow' | 'scan' | 'user' | 'evaluation';
  /** Execution id, scan run id, user id or evaluation id. */
  id: string | null;
  name: string;
  workflowId?: string | null;
  at: Date | null;
  href: string | null;
}

export interface CorrelationChain {
  scanRun: { id: string; scanId: string; scanName: string; dataSourceId: string; dataSourceName: string; trigger: string; finishedAt: Date; href: string };
  evaluations: { id: string; frameworkId: string; frameworkName: string; opened: number; resolved: number; startedAt: Date }[];
  findings: { id: string; ruleCode: string; title: string; severity: string; status: string; assetName: string; frameworkName: string; firstSeenAt: Date; resolvedBy: ResolvedBy | null; href: string }[];
  /** The resolvers of this chain's findings, with how many each resolved. */
  resolvedBy: (ResolvedBy & { count: number })[];
}

export interface Correlation {
  range: { from: Date; to: Date };
  chains: CorrelationChain[];
  totals: { scanRuns: number; findingsRaised: number; resolved: number; byWorkflow: { workflowId: string | null; name: string; executions: number; resolved: number }[]; byKind: Record<ResolvedBy['kind'], number> };
  summary: string;
  truncated: boolean;
}

const findingHref = (id: string) => `/compliance/findings?finding=${id}`;
const runHref = (dataSourceId: string) => `/scans?tab=runs&source=${dataSourceId}`;

/** Sources the caller may read, narrowed to the requested workspace (its own and linked sources) or source. */
async function sourcesInScope(deps: ServiceDeps, access: AccessChecker, input: ActivityCorrelateInput): Promise<string[] | 'all'> {
  const visible = await access.dataSourcesWith('datasource.read');
  let scoped: string[] | 'all' = 'all';
  if (input.dataSourceId) scoped = [input.dataSourceId];
  else if (input.workspaceId) {
    const [own, linked] = await Promise.all([
      deps.db.dataSource.findMany({ where: { workspaceId: input.workspaceId }, select: { id: true } }),
      deps.db.workspaceResource.findMany({ where: { workspaceId: input.workspaceId, resourceType: 'datasource' }, select: { resourceId: true } }),
    ]);
    scoped = [...own.map((s) => s.id), ...linked.map((l) => l.resourceId)];
  }
  if (visible === 'all') return scoped;
  const allowed = new Set(visible);
  return scoped === 'all' ? visible : scoped.filter((id) => allowed.has(id));
}

export async function correlateActivity(deps: ServiceDeps, access: AccessChecker, input: ActivityCorrelateInput): Promise<Correlation> {
  const { db } = deps;
  const sources = await sourcesInScope(deps, access, input);
  const sourceWhere = sources === 'all' ? {} : { dataSourceId: { in: sources } };
  const empty: Correlation = { range: { from: input.from, to: input.to }, chains: [], totals: { scanRuns: 0, findingsRaised: 0, resolved: 0, byWorkflow: [], byKind: { workflow: 0, scan: 0, user: 0, evaluation: 0 } }, summary: 'No scan runs finished in this range.', truncated: false };
  if (sources !== 'all' && sources.length === 0) return empty;

  const runs = await db.scanRun.findMany({
    where: { ...sourceWhere, status: 'succeeded', finishedAt: { gte: input.from, lte: input.to } },
    orderBy: { finishedAt: 'desc' },
    take: input.limit + 1,
    select: { id: true, scanId: true, dataSourceId: true, trigger: true, finishedAt: true, scan: { select: { name: true } }, dataSource: { select: { name: true } } },
  });
  const truncated = runs.length > input.limit;
  runs.length = Math.min(runs.length, input.limit);
  if (runs.length === 0) return empty;
  const runSources = [...new Set(runs.map((r) => r.dataSourceId))];
  const earliest = runs.at(-1)!.finishedAt!;

  // Join 1: every succeeded run of these sources since the earliest (also later ones outside the page, which bound the windows).
  const [allRuns, evaluations] = await Promise.all([
    db.scanRun.findMany({ where: { dataSourceId: { in: runSources }, status: 'succeeded', finishedAt: { gte: earliest } }, select: { id: true, dataSourceId: true, finishedAt: true }, orderBy: { finishedAt: 'asc' } }),
    db.complianceEvaluation.findMany({
      where: { dataSourceId: { in: runSources }, trigger: 'scan', status: 'succeeded', startedAt: { gte: earliest } },
      select: { id: true, frameworkId: true, dataSourceId: true, startedAt: true, opened: true, resolved: true, framework: { select: { name: true } } },
    }),
  ]);
  const runOf = (dataSourceId: string, at: Date) => {
    let found: string | null = null;
    for (const r of allRuns) if (r.dataSourceId === dataSourceId && r.finishedAt! <= at) found = r.id;
    return found;
  };
  const evalsByRun = new Map<string, typeof evaluations>();
  for (const e of evaluations) {
    const runId = runOf(e.dataSourceId!, e.startedAt);
    if (runId) evalsByRun.set(runId, [...(evalsByRun.get(runId) ?? []), e]);
  }
  const pageRunIds = new Set(runs.map((r) => r.id));
  const chainEvals = evaluations.filter((e) => {
    const runId = runOf(e.dataSourceId!, e.startedAt);
    return runId !== null && pageRunIds.has(runId);
  });

  // Join 2: findings first seen at an evaluation's start, for its framework and source.
  const raised = chainEvals.length
    ? await db.$queryRawUnsafe<{ id: string; evaluationId: string }[]>(
        `SELECT f.id, e.id AS "evaluationId"
           FROM unnest($1::text[], $2::text[], $3::text[], $4::timestamp(3)[]) AS e(id, "frameworkId", "dataSourceId", "startedAt")
           JOIN "ComplianceFinding" f ON f."frameworkId" = e."frameworkId" AND f."dataSourceId" = e."dataSourceId" AND f."firstSeenAt" = e."startedAt"`,
        chainEvals.map((e) => e.id),
        chainEvals.map((e) => e.frameworkId),
        chainEvals.map((e) => e.dataSourceId),
        chainEvals.map((e) => e.startedAt.toISOString()),
      )
    : [];
  const findingRows = raised.length
    ? await db.complianceFinding.findMany({
        where: { id: { in: raised.map((r) => r.id) } },
        select: { id: true, severity: true, status: true, firstSeenAt: true, resolvedAt: true, lastEvaluationId: true, workspaceId: true, rule: { select: { code: true, title: true } }, framework: { select: { name: true } }, asset: { select: { name: true } } },
      })
    : [];
  const resolvers = await resolversOf(deps, access, findingRows, allRuns, runOf);

  const evalRun = new Map(chainEvals.map((e) => [e.id, runOf(e.dataSourceId!, e.startedAt)!]));
  const findingsByRun = new Map<string, CorrelationChain['findings']>();
  for (const r of raised) {
    const f = findingRows.find((x) => x.id === r.id);
    if (!f) continue;
    const runId = evalRun.get(r.evaluationId)!;
    const list = findingsByRun.get(runId) ?? [];
    list.push({ id: f.id, ruleCode: f.rule.code, title: f.rule.title, severity: f.severity, status: f.status, assetName: f.asset.name, frameworkName: f.framework.name, firstSeenAt: f.firstSeenAt, resolvedBy: resolvers.get(f.id) ?? null, href: findingHref(f.id) });
    findingsByRun.set(runId, list);
  }

  const chains: CorrelationChain[] = runs.map((run) => {
    const findings = (findingsByRun.get(run.id) ?? []).sort((a, b) => a.ruleCode.localeCompare(b.ruleCode) || a.assetName.localeCompare(b.assetName));
    const tally = new Map<string, ResolvedBy & { count: number }>();
    for (const f of findings)
      if (f.resolvedBy) {
        const key = `${f.resolvedBy.kind}:${f.resolvedBy.workflowId ?? f.resolvedBy.id}`;
        const t = tally.get(key) ?? { ...f.resolvedBy, count: 0 };
        t.count++;
        tally.set(key, t);
      }
    return {
      scanRun: { id: run.id, scanId: run.scanId, scanName: run.scan.name, dataSourceId: run.dataSourceId, dataSourceName: run.dataSource.name, trigger: run.trigger, finishedAt: run.finishedAt!, href: runHref(run.dataSourceId) },
      evaluations: (evalsByRun.get(run.id) ?? []).map((e) => ({ id: e.id, frameworkId: e.frameworkId, frameworkName: e.framework.name, opened: e.opened, resolved: e.resolved, startedAt: e.startedAt })),
      findings,
      resolvedBy: [...tally.values()].sort((a, b) => b.count - a.count),
    };
  });
  return { range: { from: input.from, to: input.to }, chains, truncated, ...totalsOf(chains) };
}

type FindingRow = { id: string; status: string; resolvedAt: Date | null; lastEvaluationId: string | null };

/** Join 3 for every resolved finding: the evaluation (workflow or rescan) that resolved it, else the person. */
async function resolversOf(deps: ServiceDeps, access: AccessChecker, findings: FindingRow[], runs: { id: string; dataSourceId: string; finishedAt: Date | null }[], runOf: (dataSourceId: string, at: Date) => string | null) {
  const { db } = deps;
  const resolved = findings.filter((f) => f.status === 'resolved' && f.resolvedAt);
  const out = new Map<string, ResolvedBy>();
  if (resolved.length === 0) return out;
  const evalIds = [...new Set(resolved.map((f) => f.lastEvaluationId).filter((id): id is string => !!id))];
  const evals = await db.complianceEvaluation.findMany({ where: { id: { in: evalIds } }, select: { id: true, trigger: true, startedAt: true, dataSourceId: true, triggeredById: true } });
  const evalById = new Map(evals.map((e) => [e.id, e]));
  const byEvaluation = resolved.filter((f) => {
    const e = f.lastEvaluationId ? evalById.get(f.lastEvaluationId) : undefined;
    return e && e.startedAt.getTime() === f.resolvedAt!.getTime();
  });
  const byPerson = resolved.filter((f) => !byEvaluation.includes(f));

  const workflowEvalIds = byEvaluation.map((f) => evalById.get(f.lastEvaluationId!)!).filter((e) => e.trigger === 'workflow').map((e) => e.id);
  const [evaluatedRows, resolvedRows, readableWorkspaces] = await Promise.all([
    workflowEvalIds.length
      ? db.activityEvent.findMany({ where: { type: 'compliance.evaluated', OR: workflowEvalIds.map((id) => ({ details: { path: ['evaluationId'], equals: id } })) }, select: { details: true } })
      : [],
    byPerson.length
      ? db.activityEvent.findMany({ where: { type: 'compliance.finding.resolved', resourceType: 'complianceFinding', resourceId: { in: byPerson.map((f) => f.id) } }, orderBy: { id: 'desc' }, select: { resourceId: true, actorId: true, actorType: true, occurredAt: true, details: true } })
      : [],
    access.workspacesWith('workflow.read'),
  ]);
  type StepDetails = { evaluationId?: string; workflowId?: string; executionId?: string };
  const execOfEval = new Map(evaluatedRows.map((r) => [(r.details as StepDetails).evaluationId!, r.details as StepDetails]));
  const executionIds = [...new Set([...execOfEval.values()].map((d) => d.executionId).filter((id): id is string => !!id))];
  const executions = executionIds.length
    ? await db.workflowExecution.findMany({ where: { id: { in: executionIds } }, select: { id: true, workflowId: true, workspaceId: true, workflow: { select: { name: true } } } })
    : [];
  const execById = new Map(executions.map((x) => [x.id, x]));
  const mayRead = (workspaceId: string) => readableWorkspaces === 'all' || readableWorkspaces.includes(workspaceId);

  for (const f of byEvaluation) {
    const e = evalById.get(f.lastEvaluationId!)!;
    const at = f.resolvedAt;
    if (e.trigger === 'workflow') {
      const x = execById.get(execOfEval.get(e.id)?.executionId ?? '');
      const named = x && mayRead(x.workspaceId);
      out.set(f.id, { kind: 'workflow', id: named ? x.id : null, workflowId: named ? x.workflowId : null, name: named ? x.workflow.name : 'a workflow you cannot read', at, href: named ? `/workflows/executions/${x.id}` : null });
    } else if (e.trigger === 'scan') {
      const runId = e.dataSourceId ? runOf(e.dataSourceId, e.startedAt) : null;
      const run = runs.find((r) => r.id === runId);
      out.set(f.id, { kind: 'scan', id: runId, name: 'a later scan', at, href: run ? runHref(run.dataSourceId) : null });
    } else out.set(f.id, { kind: 'evaluation', id: e.id, name: `a ${e.trigger} evaluation`, at, href: null });
  }
  const names = await actorNames(db, resolvedRows.map((r) => r.actorId));
  for (const f of byPerson) {
    const row = resolvedRows.find((r) => r.resourceId === f.id);
    if (!row) continue;
    const d = row.details as StepDetails;
    if (d.executionId) {
      const x = await db.workflowExecution.findUnique({ where: { id: d.executionId }, select: { id: true, workflowId: true, workspaceId: true, workflow: { select: { name: true } } } });
      const named = x && mayRead(x.workspaceId);
      out.set(f.id, { kind: 'workflow', id: named ? x.id : null, workflowId: named ? x.workflowId : null, name: named ? x.workflow.name : 'a workflow you cannot read', at: row.occurredAt, href: named ? `/workflows/executions/${x.id}` : null });
    } else out.set(f.id, { kind: 'user', id: row.actorId, name: row.actorType === 'system' ? 'system' : (row.actorId ? names.get(row.actorId) : null) ?? 'unknown', at: row.occurredAt, href: null });
  }
  return out;
}

function totalsOf(chains: CorrelationChain[]): Pick<Correlation, 'totals' | 'summary'> {
  const findings = chains.flatMap((c) => c.findings);
  const byKind: Record<ResolvedBy['kind'], number> = { workflow: 0, scan: 0, user: 0, evaluation: 0 };
  const workflows = new Map<string, { workflowId: string | null; name: string; executions: Set<string>; resolved: number }>();
  for (const f of findings) {
    if (!f.resolvedBy) continue;
    byKind[f.resolvedBy.kind]++;
    if (f.resolvedBy.kind !== 'workflow') continue;
    const key = f.resolvedBy.workflowId ?? 'hidden';
    const w = workflows.get(key) ?? { workflowId: f.resolvedBy.workflowId ?? null, name: f.resolvedBy.name, executions: new Set(), resolved: 0 };
    if (f.resolvedBy.id) w.executions.add(f.resolvedBy.id);
    w.resolved++;
    workflows.set(key, w);
  }
  const byWorkflow = [...workflows.values()].map((w) => ({ workflowId: w.workflowId, name: w.name, executions: w.executions.size, resolved: w.resolved })).sort((a, b) => b.resolved - a.resolved);
  const resolved = Object.values(byKind).reduce((a, b) => a + b, 0);
  const plural = (k: number, word: string) => `${k} ${word}${k === 1 ? '' : 's'}`;
  const parts = [`${plural(findings.length, 'finding')} raised by ${plural(chains.length, 'scan run')}`];
  for (const w of byWorkflow) parts.push(`${w.resolved} resolved by workflow “${w.name}”`);
  if (byKind.scan) parts.push(`${byKind.scan} resolved by a later scan`);
  if (byKind.user) parts.push(`${byKind.user} resolved by hand`);
  return { totals: { scanRuns: chains.length, findingsRaised: findings.length, resolved, byWorkflow, byKind }, summary: `${parts.join('; ')}.` };
}
