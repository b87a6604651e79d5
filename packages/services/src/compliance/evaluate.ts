/**
 * Evaluating a framework: every enabled rule against every subject of its
 * target, then one transaction that writes the findings' new state, the
 * evaluation row, posture snapshots and the activity row together.
 *
 * Finding lifecycle on evaluation: a new failure opens a finding; a finding
 * still failing keeps its status (lastSeenAt and evidence refreshed); a
 * resolved one that fails again reopens; a waived one stays waived until
 * `waivedUntil` passes, then reopens; any finding whose check no longer
 * fails (it passes, or no longer applies) is resolved.
 */
import { randomUUID } from 'node:crypto';
import type { Tx } from '@racine/db';
import { type BulkColumn, bulkInsert } from '@racine/db/bulk';
import type { Actor } from '../actor';
import { actorUserId } from '../actor';
import { mutate } from '../activity/record';
import type { ServiceDeps } from '../deps';
import { AppError, notFound } from '../errors';
import { checkAsset, compileRule, type FindingEvidence } from './check';
import { loadSources, loadSubjects, type SourceRow, type SubjectsByTarget } from './facts';
import { RULE_TARGETS, type RuleTarget } from './language';
import { scoreOf, writeSnapshots } from './snapshots';

export { scoreOf };

export type EvaluationTrigger = 'manual' | 'scan' | 'schedule' | 'workflow';

export interface EvaluationSummary {
  evaluationId: string;
  frameworkId: string;
  frameworkName: string;
  dataSourceId: string | null;
  rulesEvaluated: number;
  assetsEvaluated: number;
  checks: number;
  failures: number;
  opened: number;
  resolved: number;
  reopened: number;
  /** Of what was evaluated: the whole catalog, or the one source of an incremental run. */
  score: number;
  durationMs: number;
  /** Where the time went: loading facts, checking rules, writing (one transaction). */
  timings: { loadMs: number; checkMs: number; writeMs: number };
}


interface Failure {
  ruleId: string;
  assetId: string;
  dataSourceId: string;
  workspaceId: string | null;
  severity: string;
  evidence: FindingEvidence;
}

const FINDING_COLUMNS: BulkColumn[] = [
  { name: 'id', type: 'text' },
  { name: 'ruleId', type: 'text' },
  { name: 'frameworkId', type: 'text' },
  { name: 'assetId', type: 'text' },
  { name: 'dataSourceId', type: 'text' },
  { name: 'workspaceId', type: 'text' },
  { name: 'severity', type: '"Severity"' },
  { name: 'status', type: '"FindingStatus"' },
  { name: 'evidence', type: 'jsonb' },
  { name: 'firstSeenAt', type: 'timestamp(3)' },
  { name: 'lastSeenAt', type: 'timestamp(3)' },
  { name: 'lastEvaluationId', type: 'text' },
  { name: 'createdAt', type: 'timestamp(3)' },
  { name: 'updatedAt', type: 'timestamp(3)' },
];

/** Catalog facts loaded once and shared by several frameworks' evaluations (they must cover every target the rules use). */
export interface LoadedCatalog {
  sources: SourceRow[];
  subjects: SubjectsByTarget;
}

export async function loadCatalog(deps: ServiceDeps, dataSourceId: string | null, targets: ReadonlySet<RuleTarget> = new Set(RULE_TARGETS)): Promise<LoadedCatalog> {
  const sources = await loadSources(deps.db, dataSourceId);
  if (dataSourceId && sources.length === 0) throw notFound('Data source', dataSourceId);
  return { sources, subjects: await loadSubjects(deps.db, targets, sources, deps.clock()) };
}

export async function evaluateFramework(
  deps: ServiceDeps,
  actor: Actor,
  /** `audit` adds to the activity row's details (e.g. the workflow step that asked). */
  params: { frameworkId: string; dataSourceId?: string | null; trigger: EvaluationTrigger; audit?: Record<string, unknown> },
  preloaded?: LoadedCatalog,
): Promise<EvaluationSummary> {
  const started = performance.now();
  const now = deps.clock();
  const dataSourceId = params.dataSourceId ?? null;
  const framework = await deps.db.complianceFramework.findUnique({ where: { id: params.frameworkId }, include: { rules: { where: { enabled: true }, orderBy: { code: 'asc' } } } });
  if (!framework) throw notFound('Framework', params.frameworkId);
  if (!framework.enabled) throw new AppError('PRECONDITION_FAILED', `Framework ${framework.name} is disabled; enable it to evaluate it`);
  const rules = framework.rules.map((r) => compileRule({ ...r, target: r.target as RuleTarget }));
  const { sources, subjects } = preloaded ?? (await loadCatalog(deps, dataSourceId, new Set(rules.map((r) => r.target))));
  const loaded = performance.now();

  // Checks per source (for the snapshots) and the failures to write.
  const perSource = new Map(sources.map((s) => [s.id, { checks: 0, failures: 0, workspaceId: s.workspaceId }]));
  const failures = new Map<string, Failure>();
  let checks = 0;
  for (const rule of rules) {
    for (const subject of subjects[rule.target]) {
      const outcome = checkAsset(rule, subject.facts);
      if (outcome.result === 'not-applicable') continue;
      checks++;
      const tally = perSource.get(subject.dataSourceId)!;
      tally.checks++;
      if (outcome.result === 'fail') {
        tally.failures++;
        failures.set(`${rule.id}:${subject.assetId}`, { ruleId: rule.id, assetId: subject.assetId, dataSourceId: subject.dataSourceId, workspaceId: subject.workspaceId, severity: rule.severity, evidence: outcome.evidence });
      }
    }
  }
  const assetsEvaluated = subjects.column.length + subjects.table.length + subjects.source.length;
  const evaluationId = randomUUID();
  const checked = performance.now();

  return mutate(
    deps,
    actor,
    { type: 'compliance.evaluated', category: 'execution', sourceGroup: 'compliance', action: 'evaluate', resourceType: 'complianceFramework', resourceId: framework.id, complianceRelevant: true },
    async (tx) => {
      // Two evaluations of one framework (a scan's job and a click) take turns.
      await tx.$executeRawUnsafe('SELECT pg_advisory_xact_lock(hashtext($1))', `compliance:${framework.id}`);
      const changes = await applyFindings(tx, { frameworkId: framework.id, dataSourceId, evaluationId, now, failures });
      const score = scoreOf(checks, failures.size);
      await tx.complianceEvaluation.create({
        data: {
          id: evaluationId,
          frameworkId: framework.id,
          trigger: params.trigger,
          dataSourceId,
          triggeredById: actorUserId(actor),
          status: 'succeeded',
          startedAt: now,
          finishedAt: deps.clock(),
          rulesEvaluated: rules.length,
          assetsEvaluated,
          checks,
          failures: failures.size,
          opened: changes.opened + changes.reopened,
          resolved: changes.resolved,
        },
      });
      const globalScore = await writeSnapshots(tx, { frameworkId: framework.id, evaluationId, now, perSource, full: dataSourceId === null });
      const summary: EvaluationSummary = {
        evaluationId,
        frameworkId: framework.id,
        frameworkName: framework.name,
        dataSourceId,
        rulesEvaluated: rules.length,
        assetsEvaluated,
        checks,
        failures: failures.size,
        ...changes,
        score,
        durationMs: Math.round(performance.now() - started),
        timings: { loadMs: Math.round(loaded - started), checkMs: Math.round(checked - loaded), writeMs: Math.round(performance.now() - checked) },
      };
      const { evaluationId: _e, frameworkName: _n, timings, ...counts } = summary;
      return { result: summary, details: { ...params.audit, evaluationId, frameworkName: framework.name, trigger: params.trigger, globalScore, timings }, after: counts };
    },
  );
}

interface ExistingFinding {
  id: string;
  key: string;
  status: string;
  waivedUntil: Date | null;
}

/** Writes the findings' new state in a few set-based statements; returns what changed. */
async function applyFindings(tx: Tx, p: { frameworkId: string; dataSourceId: string | null; evaluationId: string; now: Date; failures: Map<string, Failure> }) {
  const existing = await tx.$queryRawUnsafe<ExistingFinding[]>(
    `SELECT id, "ruleId" || ':' || "assetId" AS key, status::text AS status, "waivedUntil" FROM "ComplianceFinding" WHERE "frameworkId" = $1 AND ($2::text IS NULL OR "dataSourceId" = $2)`,
    p.frameworkId,
    p.dataSourceId,
  );
  const seen = new Set<string>();
  const toResolve: string[] = [];
  const updates: { id: string; evidence: string; severity: string; status: string; reopen: boolean }[] = [];
  let reopened = 0;
  for (const f of existing) {
    const failure = p.failures.get(f.key);
    if (!failure) {
      if (f.status !== 'resolved') toResolve.push(f.id);
      continue;
    }
    seen.add(f.key);
    const waiverLapsed = f.status === 'waived' && (!f.waivedUntil || f.waivedUntil <= p.now);
    const reopen = f.status === 'resolved' || waiverLapsed;
    if (reopen) reopened++;
    updates.push({ id: f.id, evidence: JSON.stringify(failure.evidence), severity: failure.severity, status: reopen ? 'open' : f.status, reopen });
  }
  const fresh = [...p.failures.entries()].filter(([key]) => !seen.has(key)).map(([, f]) => [randomUUID(), f.ruleId, p.frameworkId, f.assetId, f.dataSourceId, f.workspaceId, f.severity, 'open', f.evidence, p.now, p.now, p.evaluationId, p.now, p.now]);
  if (fresh.length) await bulkInsert(tx, 'ComplianceFinding', FINDING_COLUMNS, fresh, { onConflictDoNothing: true });
  for (let i = 0; i < updates.length; i += 5000) {
    const chunk = updates.slice(i, i + 5000);
    await tx.$executeRawUnsafe(
      `UPDATE "ComplianceFinding" f
          SET "lastSeenAt" = $6::timestamp(3), "updatedAt" = $6::timestamp(3), "lastEvaluationId" = $7, evidence = u.evidence::jsonb, severity = u.severity::"Severity", status = u.status::"FindingStatus",
              "resolvedAt" = CASE WHEN u.reopen THEN NULL ELSE f."resolvedAt" END,
              "waiverReason" = CASE WHEN u.reopen THEN NULL ELSE f."waiverReason" END,
              "waivedUntil" = CASE WHEN u.reopen THEN NULL ELSE f."waivedUntil" END,
              "waivedById" = CASE WHEN u.reopen THEN NULL ELSE f."waivedById" END
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::boolean[]) AS u(id, evidence, severity, status, reopen)
        WHERE f.id = u.id`,
      chunk.map((u) => u.id),
      chunk.map((u) => u.evidence),
      chunk.map((u) => u.severity),
      chunk.map((u) => u.status),
      chunk.map((u) => u.reopen),
      p.now.toISOString(),
      p.evaluationId,
    );
  }
  if (toResolve.length)
    await tx.$executeRawUnsafe(`UPDATE "ComplianceFinding" SET status = 'resolved', "resolvedAt" = $2::timestamp(3), "updatedAt" = $2::timestamp(3), "lastEvaluationId" = $3 WHERE id = ANY($1::text[])`, toResolve, p.now.toISOString(), p.evaluationId);
  return { opened: fresh.length, reopened, resolved: toResolve.length };
}

/** Every enabled framework (or the one named), one after the other, over facts loaded once. */
export async function evaluateFrameworks(deps: ServiceDeps, actor: Actor, params: { frameworkId?: string; dataSourceId?: string; trigger: EvaluationTrigger }) {
  const frameworks = params.frameworkId ? [{ id: params.frameworkId }] : await deps.db.complianceFramework.findMany({ where: { enabled: true }, select: { id: true }, orderBy: { name: 'asc' } });
  const catalog = frameworks.length > 1 ? await loadCatalog(deps, params.dataSourceId ?? null) : undefined;
  const evaluations: EvaluationSummary[] = [];
  for (const f of frameworks) evaluations.push(await evaluateFramework(deps, actor, { frameworkId: f.id, dataSourceId: params.dataSourceId, trigger: params.trigger }, catalog));
  return { evaluations };
}
