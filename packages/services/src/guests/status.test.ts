import { describe, expect, it } from 'vitest';
import { inviteStatus, unusableReason } from './status';

const now = new Date('2026-12-01T12:00:00Z');
const at = (minutes: number) => new Date(now.getTime() + minutes * 60_000);
const invite = (over: Partial<Parameters<typeof inviteStatus>[0]> = {}) => ({ linkExpiresAt: at(60), accessEndsAt: at(24 * 60), acceptedAt: null, revokedAt: null, ...over });

describe('inviteStatus', () => {
  it('is pending while the link works, expired the second it ends', () => {
    expect(inviteStatus(invite(), now)).toBe('pending');
    expect(inviteStatus(invite({ linkExpiresAt: now }), now)).toBe('expired');
    expect(unusableReason(invite(), now)).toBeNull();
    expect(unusableReason(invite({ linkExpiresAt: at(-1) }), now)).toMatch(/expired/);
  });

  it('is active once accepted until access ends, then expired', () => {
    expect(inviteStatus(invite({ acceptedAt: at(-5), linkExpiresAt: at(-1) }), now)).toBe('active');
    expect(inviteStatus(invite({ acceptedAt: at(-5), accessEndsAt: now }), now)).toBe('expired');
    expect(unusableReason(invite({ acceptedAt: at(-5) }), now)).toMatch(/already used/);
  });

  it('is revoked whatever the dates say', () => {
    expect(inviteStatus(invite({ revokedAt: at(-1), acceptedAt: at(-5) }), now)).toBe('revoked');
    expect(inviteStatus(invite({ revokedAt: at(-1), linkExpiresAt: at(-2) }), now)).toBe('revoked');
    expect(unusableReason(invite({ revokedAt: at(-1) }), now)).toMatch(/withdrawn/);
  });

  it('counts a link whose access window already ended as expired', () => {
    expect(inviteStatus(invite({ accessEndsAt: at(-1) }), now)).toBe('expired');
  });
});
