/**
 * Notification emails as plain text plus a small HTML part. Links are made
 * absolute against the public address of the app (RACINE_PUBLIC_URL, else
 * NEXTAUTH_URL), since a mail client has no "current site".
 */
import { kindLabel } from './kinds';

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

export function publicBaseUrl(env: NodeJS.ProcessEnv = process.env): string {
  return (env.RACINE_PUBLIC_URL || env.NEXTAUTH_URL || 'http://localhost:3000').replace(/\/+$/, '');
}

/** An app path made absolute; an absolute http(s) link kept; anything else dropped. */
export function absoluteLink(link: string | null | undefined, base = publicBaseUrl()): string | null {
  if (!link) return null;
  if (link.startsWith('/') && !link.startsWith('//')) return `${base}${link}`;
  return /^https?:\/\//i.test(link) ? link : null;
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function footer(base: string) {
  const settings = `${base}/settings/notifications`;
  return {
    text: `\n--\nRacine. Choose which emails you get: ${settings}`,
    html: `<p style="color:#6b7280;font-size:12px">Racine. <a href="${escapeHtml(settings)}">Choose which emails you get</a>.</p>`,
  };
}

export function renderNotificationEmail(draft: { kind: string; title: string; body?: string; link?: string | null }, base = publicBaseUrl()): RenderedEmail {
  const url = absoluteLink(draft.link, base);
  const body = (draft.body ?? '').trim();
  const end = footer(base);
  const text = [draft.title, body, url ? `Open: ${url}` : ''].filter(Boolean).join('\n\n') + end.text;
  const html = [
    `<p><strong>${escapeHtml(draft.title)}</strong></p>`,
    body ? `<p style="white-space:pre-wrap">${escapeHtml(body)}</p>` : '',
    url ? `<p><a href="${escapeHtml(url)}">Open in Racine</a></p>` : '',
    `<p style="color:#6b7280;font-size:12px">${escapeHtml(kindLabel(draft.kind))}</p>`,
    end.html,
  ].join('');
  return { subject: draft.title.slice(0, 300), text, html };
}

export interface DigestEntry {
  kind: string;
  title: string;
  link: string | null;
  createdAt: Date;
}

/** One email listing a day's notifications, each with its link. */
export function renderDigestEmail(day: string, entries: readonly DigestEntry[], base = publicBaseUrl()): RenderedEmail {
  const n = entries.length;
  const subject = `Your Racine digest for ${day}: ${n} notification${n === 1 ? '' : 's'}`;
  const end = footer(base);
  const lines = entries.map((e) => {
    const url = absoluteLink(e.link, base);
    return { text: `- ${e.title} (${kindLabel(e.kind)})${url ? `\n  ${url}` : ''}`, html: `<li>${url ? `<a href="${escapeHtml(url)}">${escapeHtml(e.title)}</a>` : escapeHtml(e.title)} <span style="color:#6b7280">· ${escapeHtml(kindLabel(e.kind))}</span></li>` };
  });
  const all = `${base}/notifications?view=unread`;
  const text = `${n} notification${n === 1 ? '' : 's'} on ${day}:\n\n${lines.map((l) => l.text).join('\n')}\n\nAll unread: ${all}${end.text}`;
  const html = `<p><strong>${n} notification${n === 1 ? '' : 's'}</strong> on ${escapeHtml(day)}:</p><ul>${lines.map((l) => l.html).join('')}</ul><p><a href="${escapeHtml(all)}">All unread notifications</a></p>${end.html}`;
  return { subject, text, html };
}
