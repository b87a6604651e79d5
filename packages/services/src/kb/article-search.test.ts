import { describe, expect, it } from 'vitest';
import { excerpt } from './article-queries';
import { headlineSegments } from './article-search';
import { articleTsQuerySql } from './article-tsquery';

describe('article search helpers', () => {
  it('builds the tsquery from letters and digits only, every word required, the last as a prefix', () => {
    const built = articleTsQuerySql("mask card'); DROP TABLE x; --", 2)!;
    expect(built.sql).not.toContain('DROP');
    expect(built.sql.match(/\$\d+/g)).toEqual(['$3', '$4', '$5', '$6', '$7', '$8', '$9', '$10', '$11', '$12']);
    expect(built.params.filter((_, i) => i % 2 === 0)).toEqual(['mask', 'card', 'drop', 'table', 'x:*']);
    expect(articleTsQuerySql('  ;; ')).toBeNull();
  });

  it('cuts ts_headline output into marked runs and drops markdown marks', () => {
    expect(headlineSegments('First **find** the \u0002person\u0003. Then \u0002erase\u0003 them')).toEqual([
      { text: 'First find the ', match: false },
      { text: 'person', match: true },
      { text: '. Then ', match: false },
      { text: 'erase', match: true },
      { text: ' them', match: false },
    ]);
  });

  it('excerpts a body as plain text', () => {
    expect(excerpt('## How\n\nSee [the vault](https://x) and `code`.\n\n```\nsecret\n```')).toBe('How See the vault and code .');
    expect(excerpt('a'.repeat(300), 10)).toBe(`${'a'.repeat(9)}…`);
  });
});
