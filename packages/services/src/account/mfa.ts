import QRCode from 'qrcode';
import type { Tx } from '@racine/db';
import type { z } from 'zod';
import type { Actor } from '../actor';
import { mutate } from '../activity/record';
import { decryptSecret, encryptSecret, secretKeyFromEnv } from '../crypto/secrets';
import type { ServiceDeps } from '../deps';
import { AppError, notFound } from '../errors';
import { verifyPassword } from '../users/password';
import { roleRequiringMfa } from './mfa-policy';
import { requireUserActor } from './profile';
import type { disableMfaInput, regenerateRecoveryCodesInput, verifyMfaInput } from './schemas';
import { hashRecoveryCode, looksLikeRecoveryCode, newRecoveryCodes, newTotpSecret, totpUri, verifyTotp } from './totp';

// The TOTP secret is encrypted at rest under the same key as data-source credentials.
const keyOf = (deps: ServiceDeps) => deps.secretKey ?? secretKeyFromEnv();
const mfaSpec = { category: 'security', sourceGroup: 'user', resourceType: 'user', complianceRelevant: true } as const;
const wrongCode = () => new AppError('BAD_REQUEST', 'That code is not right: check the code in your authenticator app (and that the phone’s clock is set automatically)');

async function loadMfaUser(deps: ServiceDeps, userId: string) {
  const user = await deps.db.user.findUnique({ where: { id: userId }, select: { email: true, passwordHash: true, mfaSecret: true, mfaEnabledAt: true } });
  if (!user) throw notFound('User', userId);
  return user;
}

const secretOf = (deps: ServiceDeps, stored: string | null) => (stored ? decryptSecret(stored, keyOf(deps)) : null);

async function replaceRecoveryCodes(tx: Tx, userId: string): Promise<string[]> {
  const codes = newRecoveryCodes();
  await tx.mfaRecoveryCode.deleteMany({ where: { userId } });
  await tx.mfaRecoveryCode.createMany({ data: codes.map((c) => ({ userId, codeHash: hashRecoveryCode(c) })) });
  return codes;
}

/**
 * Step one: a fresh secret, stored encrypted but not yet in force, and what
 * an authenticator app needs to learn it (URI, QR code, and the secret itself
 * for typing in by hand). Starting again replaces an unconfirmed secret.
 */
export async function enrollMfa(deps: ServiceDeps, actor: Actor) {
  const userId = requireUserActor(actor);
  const user = await loadMfaUser(deps, userId);
  if (user.mfaEnabledAt) throw new AppError('CONFLICT', 'Two-factor authentication is already on; turn it off first to move to another authenticator');
  const secret = newTotpSecret();
  const uri = totpUri(secret, user.email);
  const qrDataUrl = await QRCode.toDataURL(uri, { margin: 1, width: 220, errorCorrectionLevel: 'M' });
  await mutate(deps, actor, { ...mfaSpec, type: 'user.mfa.enrolment-started', action: 'update', resourceId: userId }, async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { mfaSecret: encryptSecret(secret, keyOf(deps)) } });
    return { result: null };
  });
  return { secret, uri, qrDataUrl };
}

/** Step two: a code from the app proves it holds the secret; MFA is on, and the recovery codes are shown this once. */
export async function verifyMfa(deps: ServiceDeps, actor: Actor, input: z.output<typeof verifyMfaInput>) {
  const userId = requireUserActor(actor);
  const user = await loadMfaUser(deps, userId);
  if (user.mfaEnabledAt) throw new AppError('CONFLICT', 'Two-factor authentication is already on');
  const secret = secretOf(deps, user.mfaSecret);
  if (!secret) throw new AppError('BAD_REQUEST', 'Start setting up two-factor authentication first: there is no authenticator to confirm');
  if (!verifyTotp(secret, input.code, deps.clock())) throw wrongCode();
  return mutate(deps, actor, { ...mfaSpec, type: 'user.mfa.enabled', action: 'update', resourceId: userId }, async (tx) => {
    const enabledAt = deps.clock();
    await tx.user.update({ where: { id: userId }, data: { mfaEnabledAt: enabledAt } });
    const recoveryCodes = await replaceRecoveryCodes(tx, userId);
    return { result: { enabledAt, recoveryCodes }, before: { mfaEnabled: false }, after: { mfaEnabled: true, recoveryCodes: recoveryCodes.length } };
  });
}

export async function disableMfa(deps: ServiceDeps, actor: Actor, input: z.output<typeof disableMfaInput>) {
  const userId = requireUserActor(actor);
  const user = await loadMfaUser(deps, userId);
  if (!user.mfaEnabledAt) throw new AppError('BAD_REQUEST', 'Two-factor authentication is not on');
  const required = await roleRequiringMfa(deps.db, userId, deps.clock());
  if (required) throw new AppError('FORBIDDEN', `Your role ${required} requires two-factor authentication, so it cannot be turned off`);
  if (!user.passwordHash || !(await verifyPassword(user.passwordHash, input.password))) throw new AppError('BAD_REQUEST', 'The password is wrong');
  if (!verifyTotp(secretOf(deps, user.mfaSecret) ?? '', input.code, deps.clock())) throw wrongCode();
  return mutate(deps, actor, { ...mfaSpec, type: 'user.mfa.disabled', action: 'update', resourceId: userId }, async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { mfaEnabledAt: null, mfaSecret: null } });
    await tx.mfaRecoveryCode.deleteMany({ where: { userId } });
    return { result: { enabled: false }, before: { mfaEnabled: true }, after: { mfaEnabled: false } };
  });
}

/** New recovery codes (the old ones stop working), shown once. */
export async function regenerateRecoveryCodes(deps: ServiceDeps, actor: Actor, input: z.output<typeof regenerateRecoveryCodesInput>) {
  const userId = requireUserActor(actor);
  const user = await loadMfaUser(deps, userId);
  if (!user.mfaEnabledAt) throw new AppError('BAD_REQUEST', 'Turn on two-factor authentication first');
  if (!verifyTotp(secretOf(deps, user.mfaSecret) ?? '', input.code, deps.clock())) throw wrongCode();
  return mutate(deps, actor, { ...mfaSpec, type: 'user.mfa.recovery-codes.regenerated', action: 'update', resourceId: userId }, async (tx) => {
    const recoveryCodes = await replaceRecoveryCodes(tx, userId);
    return { result: { recoveryCodes }, after: { recoveryCodes: recoveryCodes.length } };
  });
}

/**
 * The second factor at sign-in: a TOTP code, or an unused recovery code,
 * which is used up here (the update claims it, so two concurrent sign-ins
 * cannot both spend it). Returns how the user proved it, or null.
 */
export async function checkSecondFactor(deps: ServiceDeps, user: { id: string; mfaSecret: string | null }, code: string): Promise<'totp' | 'recovery-code' | null> {
  const secret = secretOf(deps, user.mfaSecret);
  const now = deps.clock();
  if (secret && verifyTotp(secret, code, now)) return 'totp';
  if (!looksLikeRecoveryCode(code)) return null;
  const { count } = await deps.db.mfaRecoveryCode.updateMany({ where: { userId: user.id, codeHash: hashRecoveryCode(code), usedAt: null }, data: { usedAt: now } });
  return count > 0 ? 'recovery-code' : null;
}
