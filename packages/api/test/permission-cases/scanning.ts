/** Permission cases: data sources, rule sets, scans, classifications. */
import { personWith, testDeps } from '../harness';
import { demoPath, sourceScene } from '../source-scene';
import { type Case, global, uuid } from './shared';

export const scanningCases: Record<string, Case> = {
  'datasource.create': {
    setup: global(['steward'], [['analyst'], ['viewer']], { name: `Warehouse ${uuid().slice(0, 6)}`, engine: 'sqlite', database: demoPath }),
    badInput: { name: 'W', engine: 'oracle', database: '' },
  },
  'datasource.list': { setup: global(['viewer'], []), badInput: { limit: 0 } },
  'datasource.demoConnection': { setup: global(['steward'], [['analyst']]), badInput: null },
  'datasource.get': {
    setup: async () => {
      const s = await sourceScene();
      return { input: { id: s.source.id }, allowed: s.viewer, denied: [s.outsider] };
    },
    badInput: { id: 'nope' },
  },
  'datasource.update': {
    setup: async () => {
      const s = await sourceScene();
      return { input: { id: s.source.id, description: 'updated', tags: ['pii'] }, allowed: s.admin, denied: [s.member, s.outsider] };
    },
    badInput: { id: uuid(), port: 70000 },
  },
  'datasource.delete': {
    setup: async () => {
      const s = await sourceScene();
      return { input: { id: s.source.id }, allowed: s.admin, denied: [s.member, s.viewer] };
    },
    badInput: { id: '' },
  },
  'datasource.test': {
    setup: async () => {
      const s = await sourceScene();
      return { input: { id: s.source.id }, allowed: s.member, denied: [s.viewer, s.outsider] };
    },
    badInput: { id: 7 },
  },
  'datasource.testDraft': {
    setup: global(['steward'], [['analyst']], { connection: { engine: 'sqlite', database: demoPath } }),
    badInput: { connection: { engine: 'postgres', database: 'x' } },
  },
  'datasource.discover': {
    setup: async () => {
      const s = await sourceScene();
      return { input: { id: s.source.id }, allowed: s.member, denied: [s.viewer] };
    },
    badInput: { id: 'x' },
  },
  'datasource.preview': {
    setup: async () => {
      const s = await sourceScene();
      return { input: { id: s.source.id, schema: 'main', table: 'customers', limit: 5 }, allowed: s.member, denied: [s.viewer, s.outsider] };
    },
    badInput: { id: uuid(), schema: 'main', table: 'customers', limit: 100000 },
  },
  'datasource.profile': {
    setup: async () => {
      const s = await sourceScene();
      return { input: { id: s.source.id, schema: 'main', table: 'customers', column: 'email' }, allowed: s.member, denied: [s.viewer] };
    },
    badInput: { id: uuid(), schema: 'main', table: 'customers' },
  },
  // ── scan rule sets ──
  'scanRuleSet.create': {
    setup: global(['steward'], [['analyst'], ['viewer']], { name: `Rules ${uuid().slice(0, 6)}`, detectors: ['PII.Email'] }),
    badInput: { name: 'R', detectors: ['PII.Emial'] },
  },
  'scanRuleSet.list': { setup: global(['viewer'], [[]]), badInput: null },
  'scanRuleSet.get': {
    setup: async () => {
      const { deps } = await testDeps();
      const all = await deps.db.scanRuleSet.findUniqueOrThrow({ where: { key: 'all' } });
      return { input: { id: all.id }, allowed: await personWith(['analyst']), denied: [await personWith([])] };
    },
    badInput: { id: 'all' },
  },
  'scanRuleSet.update': {
    setup: async () => {
      const steward = await personWith(['steward']);
      const created = await steward.caller.scanRuleSet.create({ name: `Rules ${uuid().slice(0, 6)}` });
      return { input: { id: created.id, ruleSet: { name: `${created.name} v2`, sampleSize: 50 } }, allowed: steward, denied: [await personWith(['analyst'])] };
    },
    badInput: { id: uuid(), ruleSet: { name: 'x', sampleSize: -1 } },
  },
  'scanRuleSet.delete': {
    setup: async () => {
      const steward = await personWith(['steward']);
      const created = await steward.caller.scanRuleSet.create({ name: `Rules ${uuid().slice(0, 6)}` });
      return { input: { id: created.id }, allowed: steward, denied: [await personWith(['viewer'])] };
    },
    badInput: { id: 'x' },
  },
  'scanRuleSet.test': {
    setup: async () => {
      const s = await sourceScene();
      return { input: { ruleSetId: s.ruleSet.id, dataSourceId: s.source.id, schema: 'main', table: 'customers' }, allowed: s.member, denied: [s.viewer, s.outsider] };
    },
    badInput: { dataSourceId: uuid(), schema: 'main', table: 'customers' },
  },
  // ── scans ──
  'scan.create': {
    setup: async () => {
      const s = await sourceScene();
      return { input: { name: 'nightly', dataSourceId: s.source.id, ruleSetId: s.ruleSet.id, schedule: '0 2 * * *' }, allowed: s.admin, denied: [s.member, s.outsider] };
    },
    badInput: { name: 'n', dataSourceId: uuid(), ruleSetId: uuid(), schedule: 'every tuesday' },
  },
  'scan.list': { setup: global(['viewer'], []), badInput: { limit: 500 } },
  'scan.get': {
    setup: async () => {
      const s = await sourceScene();
      return { input: { id: s.scan.id }, allowed: s.viewer, denied: [s.outsider] };
    },
    badInput: { id: uuid() + 'x' },
  },
  'scan.update': {
    setup: async () => {
      const s = await sourceScene();
      return { input: { id: s.scan.id, schedule: '30 3 * * 1' }, allowed: s.admin, denied: [s.member] };
    },
    badInput: { id: uuid(), schedule: '61 * * * *' },
  },
  'scan.delete': {
    setup: async () => {
      const s = await sourceScene();
      const { deps } = await testDeps();
      await deps.db.scanRun.update({ where: { id: s.queued.id }, data: { status: 'cancelled' } });
      return { input: { id: s.scan.id }, allowed: s.admin, denied: [s.member, s.viewer] };
    },
    badInput: { id: '' },
  },
  'scan.run': {
    setup: async () => {
      const s = await sourceScene();
      const { deps } = await testDeps();
      await deps.db.scanRun.update({ where: { id: s.queued.id }, data: { status: 'cancelled' } });
      return { input: { id: s.scan.id }, allowed: s.member, denied: [s.viewer, s.outsider] };
    },
    badInput: { id: 'scan' },
  },
  'scan.cancel': {
    setup: async () => {
      const s = await sourceScene();
      return { input: { runId: s.queued.id }, allowed: s.member, denied: [s.viewer] };
    },
    badInput: { runId: 'r' },
  },
  'scan.getRun': {
    setup: async () => {
      const s = await sourceScene();
      return { input: { runId: s.finished.id }, allowed: s.viewer, denied: [s.outsider] };
    },
    badInput: { runId: 1 },
  },
  'scan.listRuns': { setup: global(['viewer'], []), badInput: { status: 'exploded' } },
  'scan.watchRun': {
    setup: async () => {
      const s = await sourceScene();
      return { input: { runId: s.finished.id }, allowed: s.viewer, denied: [s.outsider] };
    },
    badInput: { runId: 'x' },
  },
  // ── classifications ──
  'classification.list': { setup: global(['viewer'], []), badInput: { minConfidence: 2 } },
  'classification.get': {
    setup: async () => {
      const s = await sourceScene();
      return { input: { id: s.label.id }, allowed: s.viewer, denied: [s.outsider] };
    },
    badInput: { id: 'x' },
  },
  'classification.accept': {
    setup: async () => {
      const s = await sourceScene();
      return { input: { id: s.label.id, note: 'checked' }, allowed: s.member, denied: [s.viewer, s.outsider] };
    },
    badInput: { id: uuid(), note: 'x'.repeat(2000) },
  },
  'classification.reject': {
    setup: async () => {
      const s = await sourceScene();
      return { input: { id: s.label.id }, allowed: s.member, denied: [s.viewer] };
    },
    badInput: { id: 'x' },
  },
  'classification.bulkReview': {
    setup: async () => {
      const s = await sourceScene();
      return { input: { ids: [s.label.id], decision: 'reject' }, allowed: s.member, denied: [s.viewer, s.outsider] };
    },
    badInput: { ids: [], decision: 'maybe' },
  },
  'classification.detectors': { setup: global([], []), badInput: null },
};
