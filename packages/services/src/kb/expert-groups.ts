/**
 * The governance groups an expert can be found for, and which activity rows
 * belong to each: the log's `sourceGroup` as every `mutate(…)` call spells
 * it; the glossary is audited under the catalog group, so it is told apart
 * by its resource type.
 */
export const governanceGroups = ['datasource', 'scan', 'classification', 'catalog', 'glossary', 'compliance', 'workflow', 'pipeline', 'workspace', 'collaboration'] as const;
export type GovernanceGroup = (typeof governanceGroups)[number];

export const groupActivity: Record<GovernanceGroup, { sourceGroup: string; resourceType?: string }> = {
  datasource: { sourceGroup: 'datasource' },
  scan: { sourceGroup: 'scan' },
  classification: { sourceGroup: 'classification' },
  catalog: { sourceGroup: 'catalog' },
  glossary: { sourceGroup: 'catalog', resourceType: 'glossaryTerm' },
  compliance: { sourceGroup: 'compliance' },
  workflow: { sourceGroup: 'workflow' },
  pipeline: { sourceGroup: 'pipeline' },
  workspace: { sourceGroup: 'workspace' },
  collaboration: { sourceGroup: 'collaboration' },
};
