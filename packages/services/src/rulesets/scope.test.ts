import { describe, expect, expectTypeOf, it } from 'vitest';
import type { DiscoverResult } from '../connectors/types';
import {
  compileGlob,
  compileScope,
  compileScopePattern,
  globToRegexSource,
  scopePatternError,
  scopePatternMatches,
  selectColumns,
  splitGlob,
  type DiscoveredCatalog,
  type DiscoveredTable,
} from './scope';

describe('globs', () => {
  it('translate * and ? and quote everything else', () => {
    expect(globToRegexSource('customer_*')).toBe('customer_.*');
    expect(globToRegexSource('a?c')).toBe('a.c');
    expect(globToRegexSource('**')).toBe('.*');
    expect(globToRegexSource('a+b(c)|[d]^$')).toBe(String.raw`a\+b\(c\)\|\[d\]\^\$`);
    expect(globToRegexSource(String.raw`a\*b\?`)).toBe(String.raw`a\*b\?`);
  });

  it('match whole names, case-insensitively', () => {
    const g = compileGlob('pg_*');
    expect(g.testExact('pg_catalog')).toBe(true);
    expect(g.testExact('PG_TOAST')).toBe(true);
    expect(g.testExact('xpg_catalog')).toBe(false);
    expect(compileGlob('tmp?').testExact('tmp1')).toBe(true);
    expect(compileGlob('tmp?').testExact('tmp12')).toBe(false);
    expect(compileGlob('*').testExact('')).toBe(true);
    expect(compileGlob('a.b|c').testExact('a.b|c')).toBe(true);
    expect(compileGlob('a.b|c').testExact('axb')).toBe(false);
    expect(compileGlob(String.raw`100\*`).testExact('100*')).toBe(true);
    expect(compileGlob(String.raw`100\*`).testExact('1000')).toBe(false);
  });

  it('stay linear on adversarial patterns and names', () => {
    const g = compileGlob('*a*a*a*a*a*a*a*a*a*a*a*a*b');
    expect(g.testExact('a'.repeat(5000))).toBe(false);
  });

  it('split on unescaped dots', () => {
    expect(splitGlob('sales.orders')).toEqual(['sales', 'orders']);
    expect(splitGlob(String.raw`my\.table`)).toEqual([String.raw`my\.table`]);
    expect(
      compileScopePattern(String.raw`my\.table`, 'table').parts[0]!.testExact('my.table'),
    ).toBe(true);
    expect(() => splitGlob('abc\\')).toThrow(/lone/);
  });

  it('validate the number of parts per level', () => {
    expect(scopePatternError('public', 'schema')).toBeUndefined();
    expect(scopePatternError('public.users', 'schema')).toMatch(
      /2 dot-separated parts; a schema pattern is `schema`/,
    );
    expect(scopePatternError('public.users', 'table')).toBeUndefined();
    expect(scopePatternError('a.b.c', 'table')).toMatch(
      /a table pattern is `table` or `schema.table`/,
    );
    expect(scopePatternError('a.b.c', 'column')).toBeUndefined();
    expect(scopePatternError('a.b.c.d', 'column')).toMatch(/4 dot-separated parts/);
    expect(scopePatternError('a..b', 'column')).toMatch(/empty part/);
    expect(scopePatternError(' ', 'column')).toMatch(/empty/);
  });

  it('align qualified patterns to the right of the name', () => {
    const colOnly = compileScopePattern('*_ssn', 'column');
    const tableCol = compileScopePattern('users.email', 'column');
    const full = compileScopePattern('crm.*.email', 'column');
    expect(scopePatternMatches(colOnly, ['crm', 'users', 'customer_ssn'])).toBe(true);
    expect(scopePatternMatches(tableCol, ['crm', 'users', 'email'])).toBe(true);
    expect(scopePatternMatches(tableCol, ['crm', 'orders', 'email'])).toBe(false);
    expect(scopePatternMatches(full, ['crm', 'users', 'email'])).toBe(true);
    expect(scopePatternMatches(full, ['billing', 'users', 'email'])).toBe(false);
    // `*` does not cross a dot: `sales.*` is a table in `sales`, never a deeper name.
    expect(scopePatternMatches(compileScopePattern('*', 'table'), ['sales', 'orders'])).toBe(true);
    expect(scopePatternMatches(compileScopePattern('sales.*', 'table'), ['sales', 'orders'])).toBe(
      true,
    );
    expect(scopePatternMatches(compileScopePattern('sales.*', 'table'), ['crm', 'orders'])).toBe(
      false,
    );
  });
});

function table(name: string, columns: string[], kind = 'table'): DiscoveredTable {
  return {
    name,
    kind,
    rowCountEstimate: 100,
    columns: columns.map((c, i) => ({
      name: c,
      dataType: 'text',
      nullable: true,
      comment: null,
      ordinal: i + 1,
    })),
  };
}

const catalog: DiscoveredCatalog = {
  schemas: [
    {
      name: 'public',
      tables: [
        table('users', ['id', 'email', 'ssn', 'password_hash']),
        table('orders', ['id', 'card_number', 'total']),
        table('tmp_import', ['raw']),
      ],
    },
    { name: 'crm', tables: [table('Contacts', ['id', 'Email', 'phone']), table('empty', [])] },
    {
      name: 'pg_catalog',
      tables: [table('pg_class', ['oid', 'relname']), table('pg_type', ['oid'])],
    },
  ],
};

const included = (sel: ReturnType<typeof selectColumns>) =>
  sel.tables.map((t) => `${t.schema}.${t.table.name}: ${t.columns.map((c) => c.name).join(',')}`);

describe('selectColumns', () => {
  it('takes what the connectors discover as is', () => {
    expectTypeOf<DiscoverResult>().toExtend<DiscoveredCatalog>();
  });

  it('selects everything with empty lists (tables without columns aside)', () => {
    const sel = selectColumns({}, catalog);
    expect(included(sel)).toEqual([
      'public.users: id,email,ssn,password_hash',
      'public.orders: id,card_number,total',
      'public.tmp_import: raw',
      'crm.Contacts: id,Email,phone',
      'pg_catalog.pg_class: oid,relname',
      'pg_catalog.pg_type: oid',
    ]);
    expect(sel.excluded).toEqual([
      {
        level: 'table',
        schema: 'crm',
        table: 'empty',
        reason: 'no-columns',
        message: 'crm.empty has no columns',
        columns: 0,
      },
    ]);
  });

  it('excludes schemas with the pattern that matched, counting what goes with them', () => {
    const sel = selectColumns({ excludeSchemas: ['pg_*', 'information_schema'] }, catalog);
    expect(sel.tables.map((t) => t.schema)).not.toContain('pg_catalog');
    expect(sel.excluded[1]).toEqual({
      level: 'schema',
      schema: 'pg_catalog',
      reason: 'excluded',
      list: 'excludeSchemas',
      pattern: 'pg_*',
      message: 'pg_catalog matches excludeSchemas pattern "pg_*"',
      tables: 2,
      columns: 3,
    });
    expect(sel.counts).toEqual({
      schemas: { included: 2, excluded: 1 },
      tables: { included: 4, excluded: 3 },
      columns: { included: 11, excluded: 3 },
    });
  });

  it('lets exclude beat include at every level', () => {
    const sel = selectColumns(
      {
        includeSchemas: ['public', 'crm'],
        excludeSchemas: ['crm'],
        includeTables: ['*'],
        excludeTables: ['tmp_*'],
        includeColumns: ['*'],
        excludeColumns: ['id', 'public.orders.total'],
      },
      catalog,
    );
    expect(included(sel)).toEqual([
      'public.users: email,ssn,password_hash',
      'public.orders: card_number',
    ]);
    const reasons = sel.excluded.map((e) => [
      [e.schema, e.table, e.column].filter(Boolean).join('.'),
      e.reason,
      e.pattern ?? '',
    ]);
    expect(reasons).toEqual([
      ['public.users.id', 'excluded', 'id'],
      ['public.orders.id', 'excluded', 'id'],
      ['public.orders.total', 'excluded', 'public.orders.total'],
      ['public.tmp_import', 'excluded', 'tmp_*'],
      ['crm', 'excluded', 'crm'],
      ['pg_catalog', 'not-included', ''],
    ]);
    expect(sel.excluded.at(-1)!.message).toBe(
      'pg_catalog matches none of the includeSchemas patterns ("public", "crm")',
    );
  });

  it('restricts to included items, case-insensitively, and explains the rest', () => {
    const sel = selectColumns(
      { includeTables: ['crm.contacts', 'users'], includeColumns: ['email', '*.ssn'] },
      catalog,
    );
    expect(included(sel)).toEqual(['public.users: email,ssn', 'crm.Contacts: Email']);
    const orders = sel.excluded.find((e) => e.table === 'orders')!;
    expect(orders).toMatchObject({ level: 'table', reason: 'not-included', list: 'includeTables' });
    expect(orders.message).toBe(
      'public.orders matches none of the includeTables patterns ("crm.contacts", "users")',
    );
    expect(sel.excluded.find((e) => e.column === 'phone')).toMatchObject({
      reason: 'not-included',
      list: 'includeColumns',
    });
  });

  it('reports a table whose columns are all left out', () => {
    const sel = selectColumns({ excludeColumns: ['raw'] }, catalog);
    expect(sel.excluded.filter((e) => e.table === 'tmp_import')).toEqual([
      {
        level: 'column',
        schema: 'public',
        table: 'tmp_import',
        column: 'raw',
        reason: 'excluded',
        list: 'excludeColumns',
        pattern: 'raw',
        message: 'public.tmp_import.raw matches excludeColumns pattern "raw"',
      },
      {
        level: 'table',
        schema: 'public',
        table: 'tmp_import',
        reason: 'no-columns',
        message: 'None of the 1 column(s) of public.tmp_import is in scope',
        columns: 1,
      },
    ]);
  });

  it('compiles a rule set once and answers per item', () => {
    const rules = { excludeTables: ['audit_*'] };
    expect(compileScope(rules)).toBe(compileScope(rules));
    expect(compileScope(rules).table('public', 'AUDIT_log')).toMatchObject({
      included: false,
      reason: 'excluded',
    });
    expect(compileScope(rules).table('public', 'users')).toEqual({ included: true });
    expect(() => compileScope({ includeTables: ['a.b.c'] })).toThrow(/3 dot-separated parts/);
  });
});
