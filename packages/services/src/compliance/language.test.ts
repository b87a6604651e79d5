import { describe, expect, it } from 'vitest';
import { builtInFrameworks } from './builtin/index';
import { checkAsset, compileRule } from './check';
import { type AssetFacts, holds, parseCondition } from './language';

const facts = (over: Partial<AssetFacts> = {}): AssetFacts => ({
  'asset.type': 'column',
  'asset.name': 'card_number',
  'asset.qualifiedName': 'shop.main.payments.card_number',
  'asset.dataType': 'text',
  'asset.normalizedType': 'string',
  'asset.labels': ['PCI.CardNumber'],
  'asset.sensitivity': 'Restricted',
  'asset.tags': [],
  'asset.certification': 'draft',
  'asset.owners': [],
  'asset.stewards': ['user:42'],
  'asset.description': null,
  'asset.lastScannedDaysAgo': 2,
  'table.name': 'payments',
  'source.name': 'Shop',
  'source.engine': 'sqlite',
  'source.environment': 'dev',
  'source.criticality': 'high',
  'source.tags': ['pci'],
  'source.labels': ['PCI.CardNumber', 'PII.Email'],
  'source.lastScanDaysAgo': null,
  'source.lastScanStatus': null,
  'access.readers': 12,
  ...over,
});

const ok = (src: string, f = facts()) => {
  const r = parseCondition(src);
  if (!r.ok) throw new Error(r.error.message);
  return holds(r.ast, f);
};
const err = (src: string) => {
  const r = parseCondition(src);
  if (r.ok) throw new Error(`expected an error for ${src}`);
  return r.error;
};

describe('the compliance language', () => {
  it('tests lists with has, has_any, has_all and their not forms', () => {
    expect(ok('asset.labels has "PCI.CardNumber"')).toBe(true);
    expect(ok('asset.labels has "PII.Email"')).toBe(false);
    expect(ok('source.labels has_all ["PCI.CardNumber", "PII.Email"]')).toBe(true);
    expect(ok('source.labels has_all ["PCI.CardNumber", "PHI.Diagnosis"]')).toBe(false);
    expect(ok('asset.tags has_any ["masked", "tokenized"]')).toBe(false);
    expect(ok('asset.tags not has_any ["masked", "tokenized"]')).toBe(true);
    expect(ok('asset.tags has_any ["masked"]', facts({ 'asset.tags': ['masked'] }))).toBe(true);
  });

  it('matches list elements with globs (like) and regexes (matches), with any / all / none', () => {
    expect(ok('asset.labels any like "PCI.*"')).toBe(true);
    expect(ok('asset.labels any like "pci.*"')).toBe(true); // globs ignore case
    expect(ok('asset.labels any like "PII.*"')).toBe(false);
    expect(ok('source.labels all like "P*"')).toBe(true);
    expect(ok('source.labels none like "PHI.*"')).toBe(true);
    expect(ok('asset.tags any like "retention:*"', facts({ 'asset.tags': ['retention:7y'] }))).toBe(true);
    // `like` is whole-value: "retention" alone is not "retention:*".
    expect(ok('asset.tags any like "retention:*"', facts({ 'asset.tags': ['retention'] }))).toBe(false);
    expect(ok('source.labels any matches "^PII\\\\."')).toBe(true);
    expect(ok('asset.name like "card_*"')).toBe(true);
    // Empty lists: any is false, all and none are true.
    expect(ok('asset.tags any like "*"')).toBe(false);
    expect(ok('asset.tags all like "x"')).toBe(true);
    expect(ok('asset.tags none like "*"')).toBe(true);
  });

  it('counts lists with .count and orders sensitivity and criticality', () => {
    expect(ok('asset.owners.count > 0')).toBe(false);
    expect(ok('asset.stewards.count == 1')).toBe(true);
    expect(ok('asset.sensitivity >= "Confidential"')).toBe(true);
    expect(ok('asset.sensitivity >= "Confidential"', facts({ 'asset.sensitivity': 'Internal' }))).toBe(false);
    expect(ok('asset.sensitivity < "Restricted"', facts({ 'asset.sensitivity': 'Public' }))).toBe(true);
    // Alphabetically "Public" > "Confidential"; by level it is not.
    expect(ok('asset.sensitivity > "Confidential"', facts({ 'asset.sensitivity': 'Public' }))).toBe(false);
    expect(ok('source.criticality >= "high"')).toBe(true);
    expect(ok('access.readers <= 10')).toBe(false);
  });

  it('treats null as failing every comparison except == null / != null', () => {
    expect(ok('source.lastScanDaysAgo <= 7')).toBe(false);
    expect(ok('source.lastScanDaysAgo > 7')).toBe(false);
    expect(ok('not (source.lastScanDaysAgo <= 7)')).toBe(true);
    expect(ok('source.lastScanDaysAgo == null')).toBe(true);
    expect(ok('asset.description != null')).toBe(false);
    expect(ok('asset.sensitivity >= "Internal"', facts({ 'asset.sensitivity': null }))).toBe(false);
  });

  it('keeps every scalar operator of the scan language', () => {
    expect(ok('asset.name contains "card"')).toBe(true);
    expect(ok('asset.name startsWith "card" and asset.name endsWith "number"')).toBe(true);
    expect(ok('asset.certification != "certified"')).toBe(true);
    expect(ok('asset.type in ["column", "table"]')).toBe(true);
    expect(ok('source.environment not in ["prod"]')).toBe(true);
    expect(ok('source.labels any startsWith "PII."')).toBe(true);
    expect(ok('source.labels any contains "Card"')).toBe(true);
    expect(ok('asset.tags all endsWith "ed"', facts({ 'asset.tags': ['masked', 'encrypted'] }))).toBe(true);
    expect(ok('asset.tags all endsWith "ed"', facts({ 'asset.tags': ['masked', 'retention:7y'] }))).toBe(false);
  });

  it('combines with and, or, not and parentheses', () => {
    expect(ok('source.environment == "dev" and (asset.labels any like "PII.*" or asset.labels has "PCI.CardNumber")')).toBe(true);
    expect(ok('not source.environment == "dev" or asset.tags has "masked"')).toBe(false);
  });

  it('says where and what is wrong', () => {
    expect(err('asset.tag has "masked"').message).toBe('Unknown field "asset.tag" at 1:1 — did you mean "asset.tags"?');
    expect(err('asset.tags == "masked"').message).toMatch(/^asset.tags is a list: "==" cannot compare it at 1:12 — test it with asset.tags has/);
    expect(err('asset.tags').message).toMatch(/^asset.tags is a list, not a condition at 1:1/);
    expect(err('asset.name has "x"').message).toMatch(/^"has" works on lists, but asset.name is a string at 1:12/);
    expect(err('asset.sensitivity >= "Secret"').message).toMatch(/^"Secret" is not a possible value of asset.sensitivity \(Public, Internal, Confidential, Restricted\) at 1:22/);
    expect(err('asset.tags any equals "x"').message).toMatch(/^Expected matches, like, contains, startsWith or endsWith after "any", found "equals" at 1:16/);
    expect(err('asset.tags has_any "x"').message).toMatch(/^Expected a list after "has_any", found the string "x" at 1:20/);
    expect(err('asset.tags has_any ["x", 3]').message).toBe('Type mismatch: asset.tags holds strings but 3 is a number at 1:26');
    expect(err('asset.owners.count > "1"').message).toMatch(/Type mismatch: asset.owners.count is a number/);
    expect(err('asset.labels in ["PII.Email"]').message).toMatch(/^asset.labels is a list: "in" cannot compare it at 1:14 — test it with asset.labels has "…", has_any/);
    expect(err('column.name == "x"').message).toMatch(/^Unknown field "column.name" at 1:1/);
  });
});

describe('checking a rule against facts', () => {
  const pan = compileRule({ target: 'column', appliesWhen: 'asset.labels has "PCI.CardNumber"', requires: 'asset.tags has_any ["masked", "tokenized", "encrypted"]' });

  it('fails with the facts read as evidence', () => {
    const out = checkAsset(pan, facts());
    expect(out).toEqual({
      result: 'fail',
      evidence: {
        appliesWhen: 'asset.labels has "PCI.CardNumber"',
        requires: 'asset.tags has_any ["masked", "tokenized", "encrypted"]',
        facts: { 'asset.labels': ['PCI.CardNumber'], 'asset.tags': [] },
        message: 'shop.main.payments.card_number does not satisfy asset.tags has_any ["masked", "tokenized", "encrypted"] (asset.labels = [PCI.CardNumber]; asset.tags = [] (none))',
      },
    });
  });

  it('passes, or does not apply', () => {
    expect(checkAsset(pan, facts({ 'asset.tags': ['tokenized'] }))).toEqual({ result: 'pass' });
    expect(checkAsset(pan, facts({ 'asset.labels': ['PII.Email'] }))).toEqual({ result: 'not-applicable' });
  });

  it('refuses a bad condition with the field and the position', () => {
    expect(() => compileRule({ target: 'table', appliesWhen: 'true', requires: 'asset.owners > 0' })).toThrow(/^requires: asset.owners is a list: ">" cannot compare it at 1:14/);
  });
});

describe('the built-in frameworks', () => {
  it('are the five, each with at least five rules that parse, with unique codes', () => {
    expect(builtInFrameworks.map((f) => f.key)).toEqual(['gdpr', 'hipaa', 'pci-dss', 'soc2', 'ccpa']);
    for (const f of builtInFrameworks) {
      expect(f.rules.length, f.key).toBeGreaterThanOrEqual(5);
      expect(new Set(f.rules.map((r) => r.code)).size).toBe(f.rules.length);
      for (const r of f.rules) expect(() => compileRule(r), `${r.code}`).not.toThrow();
    }
  });
});
