import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { AppError } from '../errors';

/**
 * Data-source credentials at rest: AES-256-GCM under RACINE_SECRET_KEY (32
 * bytes, base64). Stored as "v1.<iv>.<tag>.<ciphertext>" (base64 parts). The
 * key never leaves this module's caller, and plaintext is never logged.
 */
const VERSION = 'v1';

export function secretKeyFromEnv(value = process.env.RACINE_SECRET_KEY): Buffer {
  if (!value) throw new AppError('UNAVAILABLE', 'RACINE_SECRET_KEY is not set, so credentials cannot be stored or read');
  const key = Buffer.from(value, 'base64');
  if (key.length !== 32) throw new AppError('UNAVAILABLE', 'RACINE_SECRET_KEY must be 32 bytes, base64-encoded');
  return key;
}

export function encryptSecret(plaintext: string, key: Buffer): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const data = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return [VERSION, iv.toString('base64'), cipher.getAuthTag().toString('base64'), data.toString('base64')].join('.');
}

export function decryptSecret(stored: string, key: Buffer): string {
  const [version, iv, tag, data] = stored.split('.');
  if (version !== VERSION || !iv || !tag || data === undefined) throw new AppError('UNAVAILABLE', 'Stored credentials are in an unknown format');
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64'));
    decipher.setAuthTag(Buffer.from(tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(data, 'base64')), decipher.final()]).toString('utf8');
  } catch {
    throw new AppError('UNAVAILABLE', 'Stored credentials cannot be decrypted: RACINE_SECRET_KEY has changed or the data was altered');
  }
}
