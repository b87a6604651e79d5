import { afterEach, describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, setDisplayTimeZone } from './format';

describe('dates in the user’s time zone', () => {
  afterEach(() => setDisplayTimeZone('UTC'));
  const lateEvening = new Date('2026-03-01T23:30:00Z');

  it('formats in the zone of the profile', () => {
    setDisplayTimeZone('UTC');
    expect(formatDateTime(lateEvening)).toBe('Mar 1, 2026, 11:30 PM');
    setDisplayTimeZone('Europe/Paris');
    expect(formatDateTime(lateEvening)).toBe('Mar 2, 2026, 12:30 AM');
    expect(formatDate(lateEvening)).toBe('Mar 2, 2026');
    setDisplayTimeZone('America/New_York');
    expect(formatDate(lateEvening)).toBe('Mar 1, 2026');
  });

  it('keeps the current zone when given one this runtime does not know', () => {
    setDisplayTimeZone('Asia/Tokyo');
    setDisplayTimeZone('Mars/Olympus_Mons');
    expect(formatDateTime(lateEvening)).toBe('Mar 2, 2026, 8:30 AM');
  });
});
