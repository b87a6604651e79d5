import { describe, expect, it } from 'vitest';
import {
  activeFilterCount,
  emptyFilters,
  PAGE_SIZE,
  paramsFromQuery,
  queryFromParams,
  searchInput,
} from './search-params';

describe('catalog URL state', () => {
  it('reads repeated facet parameters as multi-select values, without duplicates', () => {
    const q = queryFromParams(
      new URLSearchParams('q=emial&type=column&type=table&type=column&label=PII.Email&page=3'),
    );
    expect(q.q).toBe('emial');
    expect(q.filters.types).toEqual(['column', 'table']);
    expect(q.filters.labels).toEqual(['PII.Email']);
    expect(q.filters.tags).toEqual([]);
    expect(q.page).toBe(3);
    expect(activeFilterCount(q)).toBe(3);
  });

  it('ignores pages that are not whole numbers above one', () => {
    for (const page of ['0', '-2', '1.5', 'abc', ''])
      expect(queryFromParams(new URLSearchParams(`page=${page}`)).page).toBe(1);
  });

  it('round-trips through the URL, leaving out what is empty', () => {
    const filters = { ...emptyFilters(), sensitivities: ['Restricted'], environments: ['prod'] };
    const params = paramsFromQuery({ q: '  customers ', filters, page: 1 });
    expect(params.toString()).toBe('q=customers&sensitivity=Restricted&env=prod');
    expect(queryFromParams(params)).toEqual({ q: 'customers', filters, page: 1 });
  });

  it('maps facets onto catalog.search input fields, with the page as an offset', () => {
    const filters = { ...emptyFilters(), dataSources: ['s1'], owners: ['u1'], certifications: ['certified'] };
    expect(searchInput({ q: 'email', filters, page: 2 })).toEqual({
      q: 'email',
      dataSourceIds: ['s1'],
      ownerIds: ['u1'],
      certifications: ['certified'],
      limit: PAGE_SIZE,
      offset: PAGE_SIZE,
    });
    expect(searchInput({ q: ' ', filters: emptyFilters(), page: 1 })).toEqual({
      limit: PAGE_SIZE,
      offset: 0,
    });
  });
});
