import { describe, expect, it } from 'vitest';
import { previousDay } from './digest';
import { nextAttemptAt } from './email';
import { absoluteLink, publicBaseUrl, renderDigestEmail, renderNotificationEmail } from './email-render';

describe('notification emails', () => {
  it('makes app links absolute, keeps http(s) links, drops the rest', () => {
    expect(absoluteLink('/tasks?task=1', 'https://racine.example')).toBe('https://racine.example/tasks?task=1');
    expect(absoluteLink('https://elsewhere.example/x', 'https://racine.example')).toBe('https://elsewhere.example/x');
    expect(absoluteLink('//evil.example/x', 'https://racine.example')).toBeNull();
    expect(absoluteLink('javascript:alert(1)', 'https://racine.example')).toBeNull();
    expect(absoluteLink(null)).toBeNull();
  });

  it('takes the public address from RACINE_PUBLIC_URL, then NEXTAUTH_URL', () => {
    expect(publicBaseUrl({ RACINE_PUBLIC_URL: 'https://a.example/', NEXTAUTH_URL: 'https://b.example' })).toBe('https://a.example');
    expect(publicBaseUrl({ NEXTAUTH_URL: 'https://b.example' })).toBe('https://b.example');
  });

  it('escapes what people wrote in the HTML part', () => {
    const email = renderNotificationEmail({ kind: 'mention', title: 'Ada <b>mentioned</b> you', body: 'see "this" & that', link: '/x' }, 'https://r.example');
    expect(email.subject).toBe('Ada <b>mentioned</b> you');
    expect(email.html).toContain('Ada &lt;b&gt;mentioned&lt;/b&gt; you');
    expect(email.html).toContain('see &quot;this&quot; &amp; that');
    expect(email.text).toContain('Open: https://r.example/x');
    expect(email.text).toContain('https://r.example/settings/notifications');
  });

  it('a digest counts and lists its entries with links', () => {
    const d = renderDigestEmail('2031-02-03', [{ kind: 'mention', title: 'One', link: '/a', createdAt: new Date() }], 'https://r.example');
    expect(d.subject).toBe('Your Racine digest for 2031-02-03: 1 notification');
    expect(d.text).toContain('- One (Mentions)\n  https://r.example/a');
  });
});

describe('schedules', () => {
  it('retries after 1, 2, 4 and 8 minutes', () => {
    const t0 = new Date('2031-01-01T00:00:00Z');
    expect([1, 2, 3, 4].map((n) => (nextAttemptAt(t0, n).getTime() - t0.getTime()) / 60_000)).toEqual([1, 3, 7, 15]);
  });

  it('the digest covers the previous UTC day', () => {
    expect(previousDay(new Date('2031-03-01T00:30:00Z'))).toEqual({ day: '2031-02-28', from: new Date('2031-02-28T00:00:00Z'), to: new Date('2031-03-01T00:00:00Z') });
  });
});
