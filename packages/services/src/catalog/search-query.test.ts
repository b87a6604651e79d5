import { describe, expect, it } from 'vitest';
import { searchCatalogInput } from './schemas';
import { buildSearchSql } from './search-sql';
import { editDistance, expandLabelFilters, exactForm, highlight, hitHighlight, prefixTsQuery, snippet, transpositionTsQuery } from './search-query';

describe('query parts', () => {
  it('builds a prefix tsquery from letters and digits only', () => {
    expect(prefixTsQuery('customer email')).toBe('customer & email:*');
    expect(prefixTsQuery("cust'); DROP TABLE x; --")).toBe('cust & drop & table & x:*');
    expect(prefixTsQuery('  !!  ')).toBeNull();
    expect(exactForm('Customer_Email')).toBe('customer email');
  });

  it('asks for each word as typed or with two neighbours swapped', () => {
    expect(transpositionTsQuery('emial')).toBe('(emial:* | meial:* | eimal:* | email:* | emila:*)');
    expect(transpositionTsQuery('ab cdde')).toBe('ab & (cdde:* | dcde:* | cded:*)');
    expect(transpositionTsQuery('id x')).toBeNull();
    expect(transpositionTsQuery("emial'); --")).toBe('(emial:* | meial:* | eimal:* | email:* | emila:*)');
  });

  it('expands label prefixes over the taxonomy and known labels', () => {
    const pci = expandLabelFilters(['PCI.*']);
    expect(pci.sort()).toEqual(['PCI.CardExpiry', 'PCI.CardNumber', 'PCI.CardVerificationCode']);
    expect(expandLabelFilters(['Custom.*', 'PII.Email'], ['Custom.Badge'])).toEqual(['Custom.Badge', 'PII.Email']);
  });

  it('keeps user text out of the SQL: it travels only as parameters', () => {
    const input = searchCatalogInput.parse({ q: "o'brien; drop", tags: ["x'y"], labels: ['PII.*'] });
    const built = buildSearchSql({ input, visible: ['s1'], includeTerms: true, labels: expandLabelFilters(input.labels!), resolvedTsQuery: "'o' & 'brien' & 'drop':*", fullTextMatches: 0 });
    expect(built.sql).not.toContain('brien');
    expect(built.sql).not.toContain("x'y");
    expect(built.params).toContain("o'brien; drop");
    expect(built.fuzzy).toBe(true);
    // Full text that already finds plenty turns the typo branch off.
    expect(buildSearchSql({ input, visible: 'all', includeTerms: false, labels: null, resolvedTsQuery: "'drop':*", fullTextMatches: 200 }).fuzzy).toBe(false);
    expect(buildSearchSql({ input: searchCatalogInput.parse({}), visible: 'all', includeTerms: false, labels: null }).fuzzy).toBe(false);
  });
});

describe('highlighting', () => {
  it('marks whole matching words and joins a marked run across separators', () => {
    expect(highlight('customer_email', 'customer email')).toEqual([{ text: 'customer_email', match: true }]);
    expect(highlight('dim_customer_email_daily', 'email')).toEqual([
      { text: 'dim_customer_', match: false },
      { text: 'email', match: true },
      { text: '_daily', match: false },
    ]);
  });

  it('marks prefixes and close typos, not unrelated words', () => {
    expect(highlight('customers.orders', 'cust').filter((s) => s.match).map((s) => s.text)).toEqual(['customers']);
    expect(highlight('customer_email', 'custmer emial')).toEqual([{ text: 'customer_email', match: true }]);
    expect(highlight('order_items', 'custmer').some((s) => s.match)).toBe(false);
    expect(editDistance('emial', 'email')).toBe(1);
  });

  it('falls back from the name to the qualified name, then the description snippet', () => {
    expect(hitHighlight({ name: 'id', qualifiedName: 'db.app.invoices.id', description: '' }, 'invoices').map((s) => s.text).join('')).toBe('db.app.invoices.id');
    const long = `${'Filler words here. '.repeat(12)}Tokenized card numbers live here.`;
    const segments = hitHighlight({ name: 'payments', qualifiedName: 'db.payments', description: long }, 'tokenized');
    expect(segments.find((s) => s.match)?.text).toBe('Tokenized');
    expect(snippet(long, 'tokenized').startsWith('…')).toBe(true);
    expect(hitHighlight({ name: 'x', qualifiedName: 'x', description: '' }, '')).toEqual([{ text: 'x', match: false }]);
  });
});
