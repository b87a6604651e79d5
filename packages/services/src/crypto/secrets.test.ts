import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { decryptSecret, encryptSecret, secretKeyFromEnv } from './secrets';

const key = randomBytes(32);

describe('credential encryption', () => {
  it('round-trips, with a fresh IV each time', () => {
    const a = encryptSecret('{"password":"hunter2"}', key);
    const b = encryptSecret('{"password":"hunter2"}', key);
    expect(a).not.toBe(b);
    expect(a).not.toContain('hunter2');
    expect(decryptSecret(a, key)).toBe('{"password":"hunter2"}');
  });
  it('refuses a tampered ciphertext and a wrong key', () => {
    const stored = encryptSecret('secret', key);
    const parts = stored.split('.');
    const flipped = Buffer.from(parts[3]!, 'base64');
    flipped[0]! ^= 1;
    expect(() => decryptSecret([...parts.slice(0, 3), flipped.toString('base64')].join('.'), key)).toThrow(/altered/);
    expect(() => decryptSecret(stored, randomBytes(32))).toThrow(/cannot be decrypted/);
  });
  it('requires a 32-byte base64 key', () => {
    expect(() => secretKeyFromEnv(undefined)).toThrow(/not set/);
    expect(() => secretKeyFromEnv(Buffer.alloc(16).toString('base64'))).toThrow(/32 bytes/);
    expect(secretKeyFromEnv(key.toString('base64'))).toEqual(key);
  });
});
