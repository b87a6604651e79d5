import { describe, expect, it } from 'vitest';
import { conditionReads, flattenFacts } from './facts';
import { filtersFromUrl, filtersToUrl, findingsInput } from './findings-filters';
import { requiredTags } from './required-tags';

describe('requiredTags', () => {
  it('reads the tags a requirement asks for', () => {
    expect(requiredTags('asset.tags has "masked"')).toEqual(['masked']);
    expect(requiredTags('asset.tags has_all ["masked", "owned"]')).toEqual(['masked', 'owned']);
    // PCI-DSS 3.5.1: any one of them will do, so the first is suggested.
    expect(
      requiredTags(
        'asset.tags has_any ["masked", "tokenized", "encrypted", "truncated", "hashed"]',
      ),
    ).toEqual(['masked']);
    expect(requiredTags('asset.owners.count > 0 and asset.tags has "encrypted"')).toEqual([
      'encrypted',
    ]);
  });

  it('asks for nothing when adding a tag cannot help', () => {
    expect(requiredTags('asset.owners.count > 0')).toEqual([]);
    expect(requiredTags('not asset.tags has "public"')).toEqual([]);
    expect(requiredTags('asset.tags not has "public"')).toEqual([]);
    expect(requiredTags('source.tags has "pci"')).toEqual([]);
    expect(requiredTags('asset.tags any like "retention:*"')).toEqual([]);
  });
});

describe('evidence facts', () => {
  it('flattens nested facts to dotted keys and keeps lists whole', () => {
    expect(flattenFacts({ 'asset.tags': [], asset: { owners: ['user:1'] }, n: 3 })).toEqual([
      ['asset.tags', []],
      ['asset.owners', ['user:1']],
      ['n', 3],
    ]);
    expect(flattenFacts(null)).toEqual([]);
  });

  it('knows which facts a condition reads, by whole name', () => {
    expect(conditionReads('asset.tags has_any ["masked"]', 'asset.tags')).toBe(true);
    expect(conditionReads('asset.tags has_any ["masked"]', 'asset.tag')).toBe(false);
    expect(conditionReads('asset.owners.count > 0', 'asset.owners.count')).toBe(true);
    expect(conditionReads('source.environment == "prod"', 'asset.environment')).toBe(false);
  });
});

describe('findings filters in the URL', () => {
  const fw = '0b6f1c57-3a44-4c43-9d43-0a7d2f2f5b11';
  it('round-trips and becomes the API input', () => {
    const f = filtersFromUrl(
      new URLSearchParams(
        `framework=${fw}&status=resolved&severity=high,critical&assignee=me&q=card&page=2`,
      ),
    );
    expect(f).toMatchObject({
      frameworkId: fw,
      tab: 'resolved',
      severity: ['high', 'critical'],
      assignee: 'me',
      q: 'card',
      page: 2,
    });
    expect(filtersFromUrl(filtersToUrl(f))).toEqual(f);
    expect(findingsInput(f)).toEqual({
      frameworkId: fw,
      status: ['resolved'],
      severity: ['high', 'critical'],
      assigneeId: 'me',
      q: 'card',
      limit: 25,
      offset: 25,
    });
  });

  it('defaults to the active findings and drops malformed values', () => {
    const f = filtersFromUrl(
      new URLSearchParams('framework=nope&status=weird&severity=huge&assignee=bob&page=-1'),
    );
    expect(f).toMatchObject({
      frameworkId: null,
      tab: 'active',
      severity: [],
      assignee: null,
      page: 1,
    });
    expect(findingsInput(f)).toEqual({ status: ['open', 'acknowledged'], limit: 25, offset: 0 });
    expect(findingsInput({ ...f, tab: 'all' })).toEqual({ limit: 25, offset: 0 });
  });
});
