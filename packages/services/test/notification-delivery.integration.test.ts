/**
 * Notifications go where each person asked: in-app or not, email at once or
 * in the daily digest. Emails leave through a real SMTP peer (smtp-server on
 * a random port), or are kept as `logged` without SMTP. The digest acts once
 * per user and day; the stream resumes from the last seq a client saw.
 */
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServiceDeps } from '../src/deps';
import { sendDailyDigests } from '../src/notifications/digest';
import { deliverPendingEmails, maxEmailAttempts } from '../src/notifications/email';
import { sendNotifications } from '../src/notifications/notifications';
import { getNotificationPreferences, setNotificationPreference } from '../src/notifications/preferences';
import { watchNotifications } from '../src/notifications/stream';
import { person, testDeps } from './harness';

interface Received {
  from: string;
  to: string[];
  raw: string;
}

let smtp: SMTPServer;
let port: number;
const inbox: Received[] = [];
/** When set, the server refuses the next messages with this SMTP reply. */
let refuse: string | null = null;

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onAuth(_auth, _session, callback) {
      callback(null, { user: 'racine' });
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        if (refuse) return callback(Object.assign(new Error(refuse), { responseCode: 451 }));
        inbox.push({ from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '', to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString('utf8') });
        callback();
      });
    },
  });
  smtp.listen(0, '127.0.0.1');
  await once(smtp.server, 'listening');
  port = (smtp.server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => smtp.close(() => resolve())));

/** The message as sent, quoted-printable undone (enough to read a short ASCII email's parts). */
const decoded = (raw: string) => raw.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));

const smtpConfig = () => ({ url: `smtp://127.0.0.1:${port}`, from: 'Racine <racine@example.test>' });

async function send(deps: ServiceDeps, userIds: string[], kind: string, title: string, key = `test:${crypto.randomUUID()}`) {
  const written = await deps.db.$transaction((tx) => sendNotifications(tx, userIds, key, { kind, title, body: `About ${title}`, link: '/catalog/assets/abc' }));
  return { key, written };
}

const emailsOf = (deps: ServiceDeps, userId: string) => deps.db.emailOutbox.findMany({ where: { userId }, orderBy: { createdAt: 'asc' } });

describe('preferences route each notification', () => {
  it('defaults to in-app plus an immediate email; in-app off writes no row; email off writes no email; daily waits for the digest', async () => {
    const deps = await testDeps();
    const [plain, quiet, mailless, digester] = await Promise.all([person(deps), person(deps), person(deps), person(deps)]);
    await setNotificationPreference(deps, quiet.actor, { kind: 'mention', inApp: false });
    await setNotificationPreference(deps, mailless.actor, { kind: '*', email: 'off' });
    await setNotificationPreference(deps, digester.actor, { kind: 'mention', email: 'daily' });
    const ids = [plain, quiet, mailless, digester].map((p) => p.user.id);
    const { key, written } = await send(deps, ids, 'mention', 'Ada mentioned you');
    expect(written).toBe(3);
    const rows = await deps.db.notification.findMany({ where: { sourceKey: key }, select: { userId: true } });
    expect(rows.map((r) => r.userId).sort()).toEqual([plain.user.id, mailless.user.id, digester.user.id].sort());

    const [plainMail] = await emailsOf(deps, plain.user.id);
    expect(plainMail).toMatchObject({ kind: 'immediate', status: 'pending', toAddress: plain.user.email, subject: 'Ada mentioned you' });
    expect(plainMail!.text).toContain('About Ada mentioned you');
    // The link is absolute: a mail client has no current site.
    expect(plainMail!.text).toMatch(/https?:\/\/[^\s]+\/catalog\/assets\/abc/);
    expect(await emailsOf(deps, quiet.user.id)).toHaveLength(1);
    expect(await emailsOf(deps, mailless.user.id)).toHaveLength(0);
    expect(await emailsOf(deps, digester.user.id)).toHaveLength(0);

    // Another kind falls back to the "*" row, then to the built-in default.
    await send(deps, [quiet.user.id, mailless.user.id], 'workflow', 'Step says hi');
    expect(await emailsOf(deps, quiet.user.id)).toHaveLength(2);
    expect(await emailsOf(deps, mailless.user.id)).toHaveLength(0);

    // Sending the same source again tells nobody twice, by row or (in-app off) by email.
    const again = await deps.db.$transaction((tx) => sendNotifications(tx, ids, key, { kind: 'mention', title: 'Ada mentioned you', body: 'About Ada mentioned you', link: '/catalog/assets/abc' }));
    expect(again).toBe(0);
    expect(await emailsOf(deps, plain.user.id)).toHaveLength(1);
    expect(await emailsOf(deps, quiet.user.id)).toHaveLength(2);
  });

  it('shows effective settings per kind and refuses a digest without in-app', async () => {
    const deps = await testDeps();
    const p = await person(deps);
    await setNotificationPreference(deps, p.actor, { kind: '*', email: 'off' });
    await setNotificationPreference(deps, p.actor, { kind: 'mention', email: 'daily' });
    const prefs = await getNotificationPreferences(deps, p.actor);
    expect(prefs.default).toMatchObject({ inApp: true, email: 'off', custom: true });
    expect(prefs.kinds.find((k) => k.kind === 'mention')).toMatchObject({ inApp: true, email: 'daily', custom: true });
    expect(prefs.kinds.find((k) => k.kind === 'task.assigned')).toMatchObject({ inApp: true, email: 'off', custom: false });
    await expect(setNotificationPreference(deps, p.actor, { kind: 'mention', inApp: false })).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringMatching(/digest/) });
    const audit = await deps.db.activityEvent.findMany({ where: { actorId: p.user.id, type: 'notification.preference.set' }, select: { status: true } });
    expect(audit.map((a) => a.status).sort()).toEqual(['failure', 'success', 'success']);
  });
});

describe('email delivery', () => {
  it('sends pending emails through SMTP and marks them sent', async () => {
    const deps = await testDeps();
    const p = await person(deps);
    await send(deps, [p.user.id], 'task.assigned', `Review table ${crypto.randomUUID().slice(0, 6)}`);
    const [email] = await emailsOf(deps, p.user.id);
    const result = await deliverPendingEmails(deps, { smtp: smtpConfig(), ids: [email!.id] });
    expect(result).toMatchObject({ sent: 1, failed: 0 });
    const got = inbox.find((m) => m.to.includes(p.user.email));
    expect(got).toBeDefined();
    const message = decoded(got!.raw);
    expect(message).toContain(`Subject: ${email!.subject}`);
    expect(message).toContain(`About ${email!.subject}`);
    expect(message).toMatch(/Content-Type: text\/html/);
    expect(message).toContain('Open in Racine');
    expect(got!.from).toBe('racine@example.test');
    expect(await deps.db.emailOutbox.findUnique({ where: { id: email!.id } })).toMatchObject({ status: 'sent', attempts: 1, error: null, sentAt: expect.any(Date) });
    // Sent is sent: another tick does not send it again.
    await deliverPendingEmails(deps, { smtp: smtpConfig(), ids: [email!.id] });
    expect(inbox.filter((m) => m.to.includes(p.user.email))).toHaveLength(1);
  });

  it('retries a refused email after a pause, then fails it for good, keeping the error without credentials', async () => {
    const base = await testDeps();
    let now = new Date();
    const deps = { ...base, clock: () => now };
    const p = await person(deps);
    await send(deps, [p.user.id], 'workflow', 'Will bounce');
    const [email] = await emailsOf(deps, p.user.id);
    const config = { url: `smtp://racine:s3cret-pass@127.0.0.1:${port}`, from: 'racine@example.test' };
    refuse = 'Mailbox busy, try later';
    try {
      expect(await deliverPendingEmails(deps, { smtp: config, ids: [email!.id] })).toMatchObject({ retrying: 1 });
      let row = await deps.db.emailOutbox.findUniqueOrThrow({ where: { id: email!.id } });
      expect(row).toMatchObject({ status: 'pending', attempts: 1 });
      expect(row.error).toMatch(/busy/);
      expect(row.error).not.toContain('s3cret-pass');
      // Not yet due: nothing is attempted.
      expect(await deliverPendingEmails(deps, { smtp: config, ids: [email!.id] })).toMatchObject({ retrying: 0, failed: 0 });
      for (let i = 1; i < maxEmailAttempts; i++) {
        now = new Date(email!.createdAt.getTime() + 2 ** (i + 1) * 60_000);
        await deliverPendingEmails(deps, { smtp: config, ids: [email!.id] });
      }
      row = await deps.db.emailOutbox.findUniqueOrThrow({ where: { id: email!.id } });
      expect(row).toMatchObject({ status: 'failed', attempts: maxEmailAttempts });
    } finally {
      refuse = null;
    }
  });

  it('without SMTP keeps emails as logged, never sent', async () => {
    const deps = await testDeps();
    const p = await person(deps);
    await send(deps, [p.user.id], 'workflow', 'Only logged');
    const [email] = await emailsOf(deps, p.user.id);
    const before = inbox.length;
    expect(await deliverPendingEmails(deps, { smtp: null, ids: [email!.id] })).toMatchObject({ logged: 1, sent: 0 });
    expect(await deps.db.emailOutbox.findUnique({ where: { id: email!.id } })).toMatchObject({ status: 'logged', sentAt: null });
    expect(inbox.length).toBe(before);
  });
});

describe('the daily digest', () => {
  it('gathers yesterday’s unread notifications of daily kinds into one email, once', async () => {
    const base = await testDeps();
    // A day of its own, so other tests' notifications never fall into it.
    const day = new Date(Date.UTC(2031, 0, 1 + Math.floor(Math.random() * 300)));
    const deps = { ...base, clock: () => new Date(day.getTime() + 26 * 3_600_000) };
    const p = await person(deps);
    await setNotificationPreference(deps, p.actor, { kind: 'mention', email: 'daily' });
    await setNotificationPreference(deps, p.actor, { kind: 'comment.reply', email: 'daily' });
    const a = await send(deps, [p.user.id], 'mention', 'Mentioned in orders');
    const b = await send(deps, [p.user.id], 'comment.reply', 'Reply on customers');
    const read = await send(deps, [p.user.id], 'mention', 'Already read');
    const other = await send(deps, [p.user.id], 'workflow', 'Not a daily kind');
    const late = await send(deps, [p.user.id], 'mention', 'Today, next digest');
    const at = (h: number) => new Date(day.getTime() + h * 3_600_000);
    await deps.db.notification.updateMany({ where: { sourceKey: { in: [a.key, b.key, read.key, other.key] } }, data: { createdAt: at(10) } });
    await deps.db.notification.updateMany({ where: { sourceKey: read.key }, data: { readAt: at(11) } });
    await deps.db.notification.updateMany({ where: { sourceKey: late.key }, data: { createdAt: at(25) } });
    const digestsBefore = (await emailsOf(deps, p.user.id)).filter((e) => e.kind === 'digest');
    expect(digestsBefore).toHaveLength(0);

    const first = await sendDailyDigests(deps);
    expect(first.day).toBe(day.toISOString().slice(0, 10));
    await sendDailyDigests(deps);
    const digests = (await emailsOf(deps, p.user.id)).filter((e) => e.kind === 'digest');
    expect(digests).toHaveLength(1);
    expect(digests[0]!.subject).toContain('2 notifications');
    expect(digests[0]!.text).toContain('Mentioned in orders');
    expect(digests[0]!.text).toContain('Reply on customers');
    expect(digests[0]!.text).not.toContain('Already read');
    expect(digests[0]!.text).not.toContain('Not a daily kind');
    expect(digests[0]!.text).not.toContain('Today, next digest');
    expect(await deps.db.notificationDigest.findUnique({ where: { userId_day: { userId: p.user.id, day: first.day } } })).toMatchObject({ count: 2, emailId: digests[0]!.id });
  });
});

describe('the live stream', () => {
  it('yields new notifications in order and resumes after the last seq seen', async () => {
    const deps = await testDeps();
    const [p, other] = await Promise.all([person(deps), person(deps)]);
    const stop = new AbortController();
    const stream = watchNotifications(deps, p.actor, null, stop.signal, 200);
    const firstNext = stream.next();
    // The stream starts at "now": let it read its cursor before anything is sent.
    await new Promise((r) => setTimeout(r, 300));
    await send(deps, [other.user.id], 'mention', 'Not for p');
    await send(deps, [p.user.id], 'mention', 'One');
    const first = await firstNext;
    expect(first.value).toMatchObject({ title: 'One', kind: 'mention' });
    stop.abort();
    await stream.return(undefined);

    // While disconnected, two more arrive; resuming from the first seq gets exactly those.
    await send(deps, [p.user.id], 'mention', 'Two');
    await send(deps, [p.user.id], 'task.assigned', 'Three');
    const again = new AbortController();
    const resumed = watchNotifications(deps, p.actor, first.value!.seq, again.signal, 200);
    const titles = [(await resumed.next()).value!.title, (await resumed.next()).value!.title];
    expect(titles).toEqual(['Two', 'Three']);
    again.abort();
    await resumed.return(undefined);
  });
});
