import { describe, expect, it } from 'vitest';
import { generate } from '../classification/testing';
import { getBuiltInRuleSet } from './builtin';
import {
  classifyOptionsFor,
  isRuleSuggestion,
  mergeSuggestions,
  testRuleSet,
  type RuleSetTestTarget,
} from './preview';
import { scanRuleSetInput } from './schemas';
import type { DiscoveredTable } from './scope';

const table: DiscoveredTable = {
  name: 'customers',
  kind: 'table',
  rowCountEstimate: 25_000,
  columns: [
    { name: 'id', dataType: 'integer', nullable: false, ordinal: 1 },
    { name: 'email', dataType: 'character varying(255)', nullable: true, ordinal: 2 },
    { name: 'loyalty_no', dataType: 'text', nullable: true, ordinal: 3 },
    { name: 'card_number', dataType: 'text', nullable: true, ordinal: 4 },
    { name: 'notes', dataType: 'text', nullable: true, comment: 'free text', ordinal: 5 },
    { name: 'tax_ref', dataType: 'text', nullable: true, ordinal: 6 },
  ],
};

const emails = generate(100, (i) => `user${i}.name@example${i % 7}.com`);
const loyalty = generate(100, (i) => `LY-${String(20_000_000 + i * 31).padStart(8, '0')}`);

const target: RuleSetTestTarget = {
  source: { engine: 'postgres', environment: 'prod' },
  schema: 'public',
  table,
  samples: {
    id: generate(100, (i) => i + 1),
    email: emails,
    loyalty_no: loyalty,
    card_number: generate(100, (i) => `note ${i}`),
    notes: emails,
    // tax_ref: not sampled (metadata only)
  },
};

const ruleSet = scanRuleSetInput.parse({
  name: 'Customers',
  excludeColumns: ['notes'],
  detectors: ['PII.Email', 'PII.Phone'],
  autoAcceptThreshold: 0.95,
  customRules: [
    {
      id: 'loyalty',
      label: 'Custom.LoyaltyNumber',
      sensitivity: 'Confidential',
      expression: 'sample.matchRate >= 0.9',
      valuePattern: 'LY-[0-9]{8}',
      confidence: 0.96,
    },
    {
      id: 'tax-by-name',
      label: 'Financial.TaxId',
      expression: 'column.name startsWith "tax_" and source.environment == "prod"',
      confidence: 0.6,
    },
  ],
});

describe('testRuleSet', () => {
  it('shows what would be labelled, column by column', () => {
    const r = testRuleSet(ruleSet, target, { now: Date.UTC(2025, 5, 1) });
    const view = Object.fromEntries(
      r.columns.map((c) => [
        c.name,
        c.suggestions.map(
          (s) =>
            `${s.label}${s.autoAccept ? ' (auto)' : ''}${isRuleSuggestion(s) ? ' [rule]' : ''}`,
        ),
      ]),
    );
    expect(view).toEqual({
      id: [],
      email: ['PII.Email (auto)'],
      loyalty_no: ['Custom.LoyaltyNumber (auto) [rule]'],
      card_number: [],
      notes: [],
      tax_ref: ['Financial.TaxId [rule]'],
    });
    const notes = r.columns.find((c) => c.name === 'notes')!;
    expect(notes).toMatchObject({
      inScope: false,
      sampled: 0,
      exclusion: { reason: 'excluded', pattern: 'notes', list: 'excludeColumns' },
    });
    expect(r.columns.find((c) => c.name === 'email')).toMatchObject({
      inScope: true,
      sampled: 100,
      normalizedType: 'string',
    });
    expect(r.summary).toEqual({
      columns: 6,
      inScope: 5,
      labelled: 3,
      suggestions: 3,
      autoAccepted: 2,
      fromRules: 2,
      byLabel: { 'PII.Email': 1, 'Custom.LoyaltyNumber': 1, 'Financial.TaxId': 1 },
    });
    expect(r).toMatchObject({ schema: 'public', table: 'customers', kind: 'table', inScope: true });
    expect(r.exclusion).toBeUndefined();
  });

  it('only runs the rule set’s detectors, and cuts samples to its sampleSize', () => {
    const piiOnly = { ...getBuiltInRuleSet('pii')!, sampleSize: 20 };
    const cards = generate(100, () => '4111111111111111');
    const r = testRuleSet(piiOnly, {
      ...target,
      samples: { ...target.samples, card_number: cards },
    });
    expect(r.columns.find((c) => c.name === 'email')!.sampled).toBe(20);
    expect(r.columns.flatMap((c) => c.suggestions.map((s) => s.label))).not.toContain(
      'PCI.CardNumber',
    );
    expect(r.columns.find((c) => c.name === 'notes')!.suggestions.map((s) => s.label)).toEqual([
      'PII.Email',
    ]);
  });

  it('honours suppressed labels per column', () => {
    const r = testRuleSet(ruleSet, target, {
      suppressed: { email: ['PII.Email'], tax_ref: ['Financial.TaxId'] },
    });
    expect(r.columns.find((c) => c.name === 'email')!.suggestions).toEqual([]);
    expect(r.columns.find((c) => c.name === 'tax_ref')!.suggestions).toEqual([]);
  });

  it('explains a table out of scope instead of classifying it', () => {
    const excluded = scanRuleSetInput.parse({ name: 'x', excludeTables: ['public.cust*'] });
    const r = testRuleSet(excluded, target);
    expect(r.inScope).toBe(false);
    expect(r.exclusion).toMatchObject({
      level: 'table',
      reason: 'excluded',
      pattern: 'public.cust*',
    });
    expect(
      r.columns.every(
        (c) => !c.inScope && c.suggestions.length === 0 && c.exclusion?.pattern === 'public.cust*',
      ),
    ).toBe(true);
    const noColumns = testRuleSet(
      scanRuleSetInput.parse({ name: 'x', includeColumns: ['nothing_*'] }),
      target,
    );
    expect(noColumns.exclusion).toMatchObject({ reason: 'no-columns' });
    expect(noColumns.columns[0]!.exclusion).toMatchObject({
      reason: 'not-included',
      list: 'includeColumns',
    });
  });
});

describe('helpers', () => {
  it('classifyOptionsFor maps a rule set to engine options', () => {
    expect(classifyOptionsFor(getBuiltInRuleSet('all')!)).toEqual({
      minNonNull: 10,
      autoAcceptThreshold: 0.95,
    });
    expect(classifyOptionsFor(ruleSet, { now: 1 })).toEqual({
      now: 1,
      minNonNull: 10,
      detectors: ['PII.Email', 'PII.Phone'],
      autoAcceptThreshold: 0.95,
    });
    expect(classifyOptionsFor(getBuiltInRuleSet('pii')!).autoAcceptThreshold).toBeUndefined();
  });

  it('mergeSuggestions keeps one suggestion per label, the most confident, first list on ties', () => {
    const s = (label: string, confidence: number, tag: string) =>
      ({ label, confidence, tag }) as never;
    const merged = mergeSuggestions(
      [s('A', 0.5, 'd'), s('B', 0.9, 'd')],
      [s('A', 0.7, 'r'), s('B', 0.9, 'r'), s('C', 0.1, 'r')],
    );
    expect(merged.map((x) => `${x.label}:${(x as unknown as { tag: string }).tag}`)).toEqual([
      'B:d',
      'A:r',
      'C:r',
    ]);
  });
});
