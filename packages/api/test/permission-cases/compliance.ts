/** Permission cases: compliance frameworks, rules, evaluation, findings, posture, reports. */
import { syncBuiltInFrameworks } from '@racine/services';
import { personWith, testDeps } from '../harness';
import { sourceScene } from '../source-scene';
import { type Case, global, uuid } from './shared';

let synced: Promise<void> | null = null;
/** The built-in frameworks, synced once per run (the seed does it in the app). */
async function builtIn(key: string) {
  const { deps } = await testDeps();
  synced ??= syncBuiltInFrameworks(deps).catch(() => syncBuiltInFrameworks(deps));
  await synced;
  return deps.db.complianceFramework.findUniqueOrThrow({ where: { key } });
}

const ownedTables = { code: 'OWN-1', title: 'Tables have an owner', severity: 'medium', target: 'table', requires: 'asset.owners.count > 0' } as const;

async function customFramework() {
  const steward = await personWith(['steward']);
  const fw = await steward.caller.compliance.createFramework({ name: `Internal ${uuid().slice(0, 8)}`, rules: [ownedTables] });
  return { steward, fw };
}

export const complianceCases: Record<string, Case> = {
  'compliance.frameworks': { setup: global(['viewer'], [[]], {}), badInput: 'all' },
  'compliance.framework': {
    setup: async () => ({ input: { id: (await builtIn('gdpr')).id }, allowed: await personWith(['viewer']), denied: [await personWith([])] }),
    badInput: { id: 'gdpr' },
  },
  'compliance.createFramework': {
    setup: global(['steward'], [['analyst'], ['viewer']], { name: `Internal ${uuid().slice(0, 8)}`, rules: [ownedTables] }),
    badInput: { name: 'Internal', rules: [{ ...ownedTables, requires: 'asset.owner.count > 0' }] },
  },
  'compliance.updateFramework': {
    setup: async () => {
      const { steward, fw } = await customFramework();
      return { input: { id: fw.id, description: 'What we promise ourselves' }, allowed: steward, denied: [await personWith(['analyst'])] };
    },
    badInput: { id: 'x', enabled: 'yes' },
  },
  'compliance.createRule': {
    setup: async () => {
      const { steward, fw } = await customFramework();
      return { input: { frameworkId: fw.id, ...ownedTables, code: 'OWN-2' }, allowed: steward, denied: [await personWith(['analyst']), await personWith(['viewer'])] };
    },
    badInput: { frameworkId: uuid(), ...ownedTables, requires: 'asset.owners.count >' },
  },
  'compliance.updateRule': {
    setup: async () => {
      const { steward, fw } = await customFramework();
      return { input: { id: fw.rules[0]!.id, title: 'Every table has an owner' }, allowed: steward, denied: [await personWith(['viewer'])] };
    },
    badInput: { id: uuid(), severity: 'urgent' },
  },
  'compliance.testRule': {
    setup: global(['viewer'], [[]], { target: 'column', appliesWhen: 'asset.labels any like "PII.*"', requires: 'asset.tags has "masked"' }),
    badInput: { target: 'column', requires: 'asset.tags ==' },
  },
  'compliance.evaluate': {
    setup: async () => {
      const [s, pci] = await Promise.all([sourceScene(), builtIn('pci-dss')]);
      return { input: { frameworkId: pci.id, dataSourceId: s.source.id }, allowed: await personWith(['steward']), denied: [await personWith(['analyst']), s.owner] };
    },
    badInput: { frameworkId: 'pci-dss' },
  },
  'compliance.findings': { setup: global(['viewer'], [[]]), badInput: { limit: 1000 } },
  'compliance.updateFinding': {
    setup: async () => {
      const [s, gdpr] = await Promise.all([sourceScene(), builtIn('gdpr')]);
      const { deps } = await testDeps();
      const column = await deps.db.asset.findFirstOrThrow({ where: { dataSourceId: s.source.id, type: 'column' } });
      const rule = await deps.db.complianceRule.findFirstOrThrow({ where: { frameworkId: gdpr.id } });
      const finding = await deps.db.complianceFinding.create({
        data: { ruleId: rule.id, frameworkId: gdpr.id, assetId: column.id, dataSourceId: s.source.id, workspaceId: s.ws.id, severity: rule.severity, evidence: { requires: rule.requires, facts: {}, message: 'test' } },
      });
      return { input: { id: finding.id, status: 'acknowledged' }, allowed: s.member, denied: [s.viewer, s.outsider] };
    },
    badInput: { id: uuid(), status: 'closed' },
  },
  'compliance.posture': { setup: global(['viewer'], [[]]), badInput: { days: 0 } },
  'compliance.exportReport': {
    setup: async () => ({ input: { frameworkId: (await builtIn('pci-dss')).id, format: 'csv' }, allowed: await personWith(['viewer']), denied: [await personWith([])] }),
    badInput: { frameworkId: uuid(), format: 'docx' },
  },
};
