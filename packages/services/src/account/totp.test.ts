import { describe, expect, it } from 'vitest';
import { hashRecoveryCode, looksLikeRecoveryCode, newRecoveryCodes, newTotpSecret, totpCode, totpUri, verifyTotp } from './totp';

// RFC 6238 appendix B's SHA-1 secret ("12345678901234567890"), base32-encoded.
const RFC_SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';

describe('TOTP', () => {
  it('computes the RFC 6238 test vectors (last six digits)', () => {
    expect(totpCode(RFC_SECRET, new Date(59_000))).toBe('287082');
    expect(totpCode(RFC_SECRET, new Date(1_111_111_109_000))).toBe('081804');
    expect(totpCode(RFC_SECRET, new Date(1_234_567_890_000))).toBe('005924');
  });

  it('accepts the code of the current step and of one step either side, not two', () => {
    const secret = newTotpSecret();
    const at = new Date('2026-12-01T10:00:15Z'); // the middle of a 30 s step
    const code = totpCode(secret, at);
    expect(verifyTotp(secret, code, at)).toBe(true);
    expect(verifyTotp(secret, code, new Date(at.getTime() + 30_000))).toBe(true);
    expect(verifyTotp(secret, code, new Date(at.getTime() - 30_000))).toBe(true);
    expect(verifyTotp(secret, code, new Date(at.getTime() + 60_000))).toBe(false);
    expect(verifyTotp(secret, code, new Date(at.getTime() - 60_000))).toBe(false);
  });

  it('refuses malformed codes and another secret’s code, and ignores spaces', () => {
    const secret = newTotpSecret();
    const at = new Date('2026-12-01T10:00:00Z');
    const code = totpCode(secret, at);
    expect(verifyTotp(secret, `${code.slice(0, 3)} ${code.slice(3)}`, at)).toBe(true);
    expect(verifyTotp(secret, '12345', at)).toBe(false);
    expect(verifyTotp(secret, 'abcdef', at)).toBe(false);
    // Another secret's codes around `at` match only by a one-in-a-million coincidence.
    const other = newTotpSecret();
    const coincides = [-30_000, 0, 30_000].some((d) => totpCode(other, new Date(at.getTime() + d)) === code);
    expect(verifyTotp(other, code, at)).toBe(coincides);
  });

  it('names Racine as the issuer in the otpauth URI', () => {
    const uri = totpUri('JBSWY3DPEHPK3PXP', 'ada@racine.test');
    expect(uri).toMatch(/^otpauth:\/\/totp\/Racine:ada%40racine\.test\?/);
    expect(uri).toContain('secret=JBSWY3DPEHPK3PXP');
    expect(uri).toContain('issuer=Racine');
  });
});

describe('recovery codes', () => {
  it('are ten distinct codes of the form xxxxx-xxxxx', () => {
    const codes = newRecoveryCodes();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const c of codes) expect(c).toMatch(/^[a-z2-9]{5}-[a-z2-9]{5}$/);
  });

  it('hash the same however they are typed back', () => {
    const [code] = newRecoveryCodes(1);
    const typed = ` ${code!.toUpperCase().replace('-', ' ')} `;
    expect(hashRecoveryCode(typed)).toBe(hashRecoveryCode(code!));
    expect(looksLikeRecoveryCode(typed)).toBe(true);
    expect(looksLikeRecoveryCode('123456')).toBe(false);
  });
});
