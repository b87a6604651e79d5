import { describe, expect, it } from 'vitest';
import { pageContextOf } from './page-route';
import { linksFromCalls, turnsFromMessages } from './stored-turns';
import { summarize } from './summarize';
import { applyEvent, unwrapEvent } from './turn';
import type { AskEvent, Turn } from './types';

const id = '3f2b8c1e-7a4d-4e5f-9b6a-1c2d3e4f5a6b';

describe('the page a question is asked on', () => {
  it('reads what the page is about from its route', () => {
    expect(pageContextOf(`/catalog/assets/${id}`)).toEqual({
      path: `/catalog/assets/${id}`,
      assetId: id,
    });
    expect(pageContextOf(`/catalog/assets/${id}/lineage`)).toMatchObject({ assetId: id });
    expect(pageContextOf(`/workspaces/${id.toUpperCase()}`)).toMatchObject({ workspaceId: id });
    expect(pageContextOf(`/datasources/${id}`)).toMatchObject({ dataSourceId: id });
    expect(pageContextOf(`/compliance/frameworks/${id}`)).toMatchObject({ frameworkId: id });
  });
  it('claims nothing on pages about no one thing, or with ids that are not ids', () => {
    expect(pageContextOf('/catalog')).toEqual({ path: '/catalog' });
    expect(pageContextOf('/workspaces/new')).toEqual({ path: '/workspaces/new' });
    expect(pageContextOf(`/x/catalog/assets/${id}`)).toEqual({ path: `/x/catalog/assets/${id}` });
  });
});

describe('an answer folded from its stream', () => {
  const start: Turn = {
    key: 'local-1',
    question: 'which columns contain email addresses?',
    answer: '',
    calls: [],
    links: [],
    suggestions: [],
    status: 'thinking',
  };
  const events: AskEvent[] = [
    { type: 'start', conversationId: 'c1', messageId: 'm1', mode: 'builtin' },
    {
      type: 'tool-call',
      call: {
        id: 't1',
        tool: 'list_columns_with_label',
        input: { label: 'PII.Email' },
        status: 'running',
      },
    },
    {
      type: 'tool-result',
      call: {
        id: 't1',
        tool: 'list_columns_with_label',
        input: { label: 'PII.Email' },
        output: { total: 1 },
        status: 'done',
        ms: 12,
      },
    },
    { type: 'text', delta: '1 column: ' },
    { type: 'text', delta: '[customers.email](/catalog/assets/a1)' },
    { type: 'links', links: [{ label: 'customers.email', href: '/catalog/assets/a1' }] },
    { type: 'links', links: [{ label: 'customers.email', href: '/catalog/assets/a1' }] },
    { type: 'done', messageId: 'm1' },
  ];
  it('keeps one record per call, appends text, dedupes links and ends done', () => {
    const turn = events.reduce(applyEvent, start);
    expect(turn.key).toBe('local-1');
    expect(turn.messageId).toBe('m1');
    expect(turn.calls).toEqual([
      {
        id: 't1',
        tool: 'list_columns_with_label',
        input: { label: 'PII.Email' },
        output: { total: 1 },
        status: 'done',
        ms: 12,
      },
    ]);
    expect(turn.answer).toBe('1 column: [customers.email](/catalog/assets/a1)');
    expect(turn.links).toHaveLength(1);
    expect(turn.status).toBe('done');
  });
  it('shows text as streaming until done, and an error event as the error', () => {
    expect(applyEvent(start, { type: 'text', delta: 'x' }).status).toBe('streaming');
    expect(applyEvent(start, { type: 'error', message: 'No model answered' })).toMatchObject({
      status: 'error',
      error: 'No model answered',
    });
  });
  it('unwraps tracked events', () => {
    expect(unwrapEvent({ id: '5', data: { type: 'text', delta: 'a' } })).toEqual({
      type: 'text',
      delta: 'a',
    });
    expect(unwrapEvent({ type: 'text', delta: 'a' })).toEqual({ type: 'text', delta: 'a' });
  });
});

describe('stored messages as turns', () => {
  const at = '2026-12-01T10:00:00Z';
  it('pairs each answer with the question before it, and keeps an unanswered question', () => {
    const turns = turnsFromMessages([
      {
        id: 'u1',
        role: 'user',
        content: 'who owns orders?',
        toolCalls: [],
        status: 'complete',
        createdAt: at,
      },
      {
        id: 'a1',
        role: 'assistant',
        content: 'Ada owns it.',
        mode: 'builtin',
        toolCalls: [{ id: 't', tool: 'who_owns', input: {}, status: 'done' }],
        links: [{ label: 'orders', href: '/catalog/assets/o' }],
        suggestions: ['who owns payments?'],
        status: 'complete',
        createdAt: at,
      },
      {
        id: 'u2',
        role: 'user',
        content: 'and payments?',
        toolCalls: [],
        status: 'complete',
        createdAt: at,
      },
    ]);
    expect(turns.map((t) => [t.question, t.answer, t.status])).toEqual([
      ['who owns orders?', 'Ada owns it.', 'done'],
      ['and payments?', '', 'error'],
    ]);
    expect(turns[0]!.calls).toHaveLength(1);
    expect(turns[0]!.links).toEqual([{ label: 'orders', href: '/catalog/assets/o' }]);
    expect(turns[0]!.suggestions).toEqual(['who owns payments?']);
  });

  it('reads the links of an answer stored before links were kept back from its tool outputs', () => {
    const output = { items: [{ qualifiedName: 'shop.orders', link: '/catalog/assets/o' }] };
    const answer = (id: string, links: { label: string; href: string }[] | null) => ({
      id,
      role: 'assistant',
      content: 'Found it.',
      toolCalls: [{ id: 't', tool: 'search_catalog', input: {}, status: 'done', output }],
      links,
      status: 'complete',
      createdAt: at,
    });
    const [legacy, none] = turnsFromMessages([answer('old', null), answer('new', [])]);
    expect(legacy!.links).toEqual([{ label: 'shop.orders', href: '/catalog/assets/o' }]);
    // Stored as offering no links: none are made up from its calls.
    expect(none!.links).toEqual([]);
  });
});

describe('the links of a stored answer', () => {
  it('are read back from its tool outputs, deduped, named as the answer names them', () => {
    const links = linksFromCalls([
      {
        id: '1',
        tool: 'list_columns_with_label',
        input: {},
        status: 'done',
        output: {
          total: 2,
          items: [
            { column: 'email', table: 'customers', link: '/catalog/assets/a' },
            { column: 'contact', table: null, link: '/catalog/assets/b' },
          ],
        },
      },
      {
        id: '2',
        tool: 'search_catalog',
        input: {},
        status: 'done',
        output: {
          items: [
            { qualifiedName: 'shop.customers', link: '/catalog/assets/c' },
            { qualifiedName: 'again', link: '/catalog/assets/a' },
          ],
        },
      },
      {
        id: '3',
        tool: 'start_scan',
        input: {},
        status: 'failed',
        error: 'no',
        output: { link: '/scans/x', name: 'never' },
      },
      {
        id: '4',
        tool: 'x',
        input: {},
        status: 'done',
        output: { name: 'external', link: 'https://example.org' },
      },
    ]);
    expect(links).toEqual([
      { label: 'customers.email', href: '/catalog/assets/a' },
      { label: 'contact', href: '/catalog/assets/b' },
      { label: 'shop.customers', href: '/catalog/assets/c' },
    ]);
  });
});

describe('a tool call in a line', () => {
  it('names lists by their records and counts the rest', () => {
    expect(
      summarize({
        total: 2,
        items: [{ qualifiedName: 'shop.customers.email' }, { name: 'contact' }],
      }),
    ).toBe('total: 2 · items: 2 (shop.customers.email, contact)');
    expect(summarize({ label: 'PII.Email', limit: 25 })).toBe('label: PII.Email · limit: 25');
    expect(summarize([1, 2, 3, 4, 5])).toBe('5 (1, 2, 3, +2 more)');
    expect(summarize({})).toBe('nothing');
    expect(summarize(undefined)).toBe('—');
    expect(summarize({ dataSourceId: 'x', nested: { deep: true } })).toBe(
      'data source id: x · nested: {…}',
    );
  });
});
