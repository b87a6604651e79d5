import { describe, expect, it } from 'vitest';
import { builtInDetectors, LABELS } from '../classification/index';
import {
  allDetectorLabels,
  builtInRuleSets,
  effectiveDetectors,
  getBuiltInRuleSet,
  SYSTEM_SCHEMAS,
} from './builtin';
import { scanRuleSetInput } from './schemas';
import { selectColumns } from './scope';

const category = (label: string) => LABELS.find((l) => l.id === label)!.category;

describe('built-in rule sets', () => {
  it('are the three keyed sets, valid by the same schema as user rule sets', () => {
    expect(builtInRuleSets.map((r) => [r.key, r.name])).toEqual([
      ['all', 'All detectors'],
      ['pii', 'PII only'],
      ['financial-secrets', 'Financial + secrets'],
    ]);
    for (const r of builtInRuleSets) {
      const { key: _key, builtIn: _builtIn, ...stored } = r;
      expect(scanRuleSetInput.parse(stored)).toEqual(stored);
      expect(r).toMatchObject({
        builtIn: true,
        sampleSize: 100,
        sampleStrategy: 'random',
        minNonNull: 10,
        customRules: [],
      });
      expect(r.excludeSchemas).toEqual([...SYSTEM_SCHEMAS]);
    }
    expect(getBuiltInRuleSet('all')!.autoAcceptThreshold).toBe(0.95);
    expect(getBuiltInRuleSet('nope')).toBeUndefined();
  });

  it('run non-empty detector lists derived from the taxonomy', () => {
    const all = effectiveDetectors(getBuiltInRuleSet('all')!);
    const pii = effectiveDetectors(getBuiltInRuleSet('pii')!);
    const fin = effectiveDetectors(getBuiltInRuleSet('financial-secrets')!);
    expect(all).toEqual(builtInDetectors.map((d) => d.label));
    expect(allDetectorLabels()).toEqual(all);
    expect(pii.length).toBeGreaterThan(0);
    expect(fin.length).toBeGreaterThan(0);
    expect(new Set(pii.map(category))).toEqual(new Set(['PII', 'GDPR-special']));
    expect(new Set(fin.map(category))).toEqual(new Set(['PCI', 'Financial', 'Secret']));
    expect(pii).toEqual(
      LABELS.filter((l) => l.category === 'PII' || l.category === 'GDPR-special').map((l) => l.id),
    );
    expect(pii).toContain('PII.Email');
    expect(pii).toContain('GDPR.Health');
    expect(fin).toContain('PCI.CardNumber');
    expect(fin).toContain('Secret.ApiKey');
  });

  it('pii and financial-secrets are disjoint, both inside all; health data only in all', () => {
    const all = new Set(effectiveDetectors(getBuiltInRuleSet('all')!));
    const pii = effectiveDetectors(getBuiltInRuleSet('pii')!);
    const fin = effectiveDetectors(getBuiltInRuleSet('financial-secrets')!);
    expect(pii.filter((l) => fin.includes(l))).toEqual([]);
    for (const l of [...pii, ...fin]) expect(all.has(l)).toBe(true);
    const rest = [...all].filter((l) => !pii.includes(l) && !fin.includes(l));
    expect(rest.length).toBeGreaterThan(0);
    expect(new Set(rest.map(category))).toEqual(new Set(['PHI']));
  });

  it('skip system schemas and SQLite internals', () => {
    const t = (name: string) => ({
      name,
      kind: 'table',
      columns: [{ name: 'c', dataType: 'text', nullable: true, ordinal: 1 }],
    });
    const sel = selectColumns(getBuiltInRuleSet('pii')!, {
      schemas: [
        { name: 'public', tables: [t('users')] },
        { name: 'main', tables: [t('sqlite_sequence'), t('notes')] },
        ...SYSTEM_SCHEMAS.map((name) => ({ name: name.toUpperCase(), tables: [t('x')] })),
      ],
    });
    expect(sel.tables.map((x) => `${x.schema}.${x.table.name}`)).toEqual([
      'public.users',
      'main.notes',
    ]);
    expect(sel.counts.schemas).toEqual({ included: 2, excluded: SYSTEM_SCHEMAS.length });
  });
});
