import { createHash, randomBytes } from 'node:crypto';
import { generateSecret, generateSync, generateURI, verifySync } from 'otplib';

/**
 * TOTP (RFC 6238: SHA-1, 6 digits, 30 s steps — what every authenticator app
 * speaks) and the single-use recovery codes that stand in for it.
 */
export const TOTP_ISSUER = 'Racine';
const STEP_SECONDS = 30;

export const newTotpSecret = (): string => generateSecret();

/** The otpauth:// URI an authenticator app reads from the QR code. */
export const totpUri = (secret: string, accountName: string): string => generateURI({ issuer: TOTP_ISSUER, label: accountName, secret });

/** The current code for a secret (tests and the e2e spec compute codes the way an app would). */
export const totpCode = (secret: string, now: Date): string => generateSync({ secret, epoch: Math.floor(now.getTime() / 1000) });

/**
 * True when `code` is the secret's code for the step containing `now`, or the
 * one before or after: phone clocks drift, and a code typed in the last
 * seconds of its step arrives in the next one.
 */
export function verifyTotp(secret: string, code: string, now: Date): boolean {
  const token = code.replace(/\s+/g, '');
  if (!/^\d{6}$/.test(token)) return false;
  try {
    return verifySync({ secret, token, epoch: Math.floor(now.getTime() / 1000), epochTolerance: STEP_SECONDS }).valid;
  } catch {
    return false;
  }
}

// Recovery codes: 10 of "xxxxx-xxxxx" from an alphabet without look-alikes (no 0/o, 1/l/i).
export const RECOVERY_CODE_COUNT = 10;
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

export function newRecoveryCodes(count = RECOVERY_CODE_COUNT): string[] {
  return Array.from({ length: count }, () => {
    const bytes = randomBytes(10);
    const chars = [...bytes].map((b) => ALPHABET[b % ALPHABET.length]).join('');
    return `${chars.slice(0, 5)}-${chars.slice(5)}`;
  });
}

/** Case, spaces and the dash do not matter when a person types a code back. */
export const normalizeRecoveryCode = (code: string) => code.toLowerCase().replace(/[\s-]/g, '');
export const hashRecoveryCode = (code: string) => createHash('sha256').update(normalizeRecoveryCode(code)).digest('hex');
export const looksLikeRecoveryCode = (code: string) => /^[a-z0-9]{10}$/.test(normalizeRecoveryCode(code));
