/**
 * "Test this rule": which assets an unsaved rule would fail, and how many
 * pass or do not apply, over the sources the caller may read. Reads only.
 */
import type { z } from 'zod';
import type { ServiceDeps } from '../deps';
import { AppError } from '../errors';
import type { AccessChecker } from '../rbac/resolve';
import { checkAsset, compileRule, type FindingEvidence } from './check';
import { loadSources, loadSubjects } from './facts';
import type { testRuleInput } from './schemas';

export async function testRule(deps: ServiceDeps, access: AccessChecker, input: z.output<typeof testRuleInput>) {
  const rule = compileRule(input);
  const visible = await access.dataSourcesWith('datasource.read');
  if (input.dataSourceId && visible !== 'all' && !visible.includes(input.dataSourceId))
    throw new AppError('FORBIDDEN', `You need the datasource.read permission on data source ${input.dataSourceId}`);
  const sources = await loadSources(deps.db, input.dataSourceId ?? null, visible);
  const subjects = await loadSubjects(deps.db, new Set([rule.target]), sources, deps.clock());
  const names = new Map(sources.map((s) => [s.id, s.name]));
  let applies = 0;
  let passing = 0;
  let failingTotal = 0;
  const failing: { assetId: string; qualifiedName: string; dataSourceId: string; dataSourceName: string; evidence: FindingEvidence }[] = [];
  for (const subject of subjects[rule.target]) {
    const outcome = checkAsset(rule, subject.facts);
    if (outcome.result === 'not-applicable') continue;
    applies++;
    if (outcome.result === 'pass') passing++;
    else {
      failingTotal++;
      if (failing.length < input.limit) failing.push({ assetId: subject.assetId, qualifiedName: subject.qualifiedName, dataSourceId: subject.dataSourceId, dataSourceName: names.get(subject.dataSourceId)!, evidence: outcome.evidence });
    }
  }
  return { applies, passing, failingTotal, notApplicable: subjects[rule.target].length - applies, failing };
}
