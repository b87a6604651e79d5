import { describe, expect, it } from 'vitest';
import { linksFromOutputs } from './links';

describe('linksFromOutputs', () => {
  it('takes each page once, in order, with the name beside it, from nested outputs', () => {
    const outputs = [
      {
        total: 2,
        items: [
          { id: 'a', qualifiedName: 'main.app.customers.email', link: '/catalog/assets/a' },
          { id: 'b', name: 'orders', link: '/catalog/assets/b' },
        ],
      },
      {
        asset: { title: 'Card numbers unmasked', link: '/compliance/findings?finding=f' },
        upstream: [{ name: 'orders again', link: '/catalog/assets/b' }],
      },
    ];
    expect(linksFromOutputs(outputs)).toEqual([
      { label: 'main.app.customers.email', href: '/catalog/assets/a' },
      { label: 'orders', href: '/catalog/assets/b' },
      { label: 'Card numbers unmasked', href: '/compliance/findings?finding=f' },
    ]);
  });

  it('ignores links without a name and anything not a path on this site', () => {
    expect(
      linksFromOutputs([
        { link: '/catalog/assets/x' },
        { name: 'Elsewhere', link: 'https://evil.example/' },
        { name: 'Protocol-relative', link: '//evil.example/x' },
        null,
        'text',
        3,
      ]),
    ).toEqual([]);
  });

  it('stops at twenty', () => {
    const many = Array.from({ length: 30 }, (_, i) => ({
      name: `t${i}`,
      link: `/catalog/assets/${i}`,
    }));
    expect(linksFromOutputs([many])).toHaveLength(20);
  });
});
