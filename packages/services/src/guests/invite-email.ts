/** The invitation email: plain text plus a small HTML part, both carrying the one-time link. */
import { utc } from './shared';

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export interface InviteEmailFacts {
  inviterName: string;
  workspaceName: string;
  roleName: string;
  link: string;
  linkExpiresAt: Date;
  accessEndsAt: Date;
  message: string;
}

export function renderInviteEmail(f: InviteEmailFacts) {
  const subject = `${f.inviterName} invited you to ${f.workspaceName} on Racine`.slice(0, 300);
  const intro = `${f.inviterName} invited you to collaborate on the workspace "${f.workspaceName}" as a guest (${f.roleName}).`;
  const window = `Your access will last until ${utc(f.accessEndsAt)}. The link works once, until ${utc(f.linkExpiresAt)}.`;
  const text = [intro, f.message ? `Their message:\n${f.message}` : '', `Accept the invitation: ${f.link}`, window, 'If you did not expect this, ignore this email.'].filter(Boolean).join('\n\n');
  const html = [
    `<p>${escapeHtml(intro)}</p>`,
    f.message ? `<blockquote style="white-space:pre-wrap;border-left:3px solid #d1d5db;margin:0;padding-left:12px">${escapeHtml(f.message)}</blockquote>` : '',
    `<p><a href="${escapeHtml(f.link)}">Accept the invitation</a></p>`,
    `<p style="color:#6b7280;font-size:12px">${escapeHtml(window)} If you did not expect this, ignore this email.</p>`,
  ].join('');
  return { subject, text, html };
}
