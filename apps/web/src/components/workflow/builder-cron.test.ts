import { describe, expect, it } from 'vitest';
import { describeCron } from './builder-cron';

describe('cron preview', () => {
  it('reads the common schedules in words', () => {
    expect(describeCron('30 2 * * *')).toEqual({ ok: true, text: 'At 02:30, every day (UTC)' });
    expect(describeCron('0 * * * *')).toEqual({ ok: true, text: 'Every hour, on the hour, every day (UTC)' });
    expect(describeCron('*/15 * * * *')).toEqual({ ok: true, text: 'Every 15 minutes, every day (UTC)' });
    expect(describeCron('0 9 * * mon-fri')).toEqual({ ok: true, text: 'At 09:00, on Monday through Friday (UTC)' });
    expect(describeCron('0 0 1 jan,jul *')).toEqual({ ok: true, text: 'At 00:00, on day 1 of the month in January and July (UTC)' });
  });

  it('says what is wrong with an expression it cannot read', () => {
    expect(describeCron('0 2 * *')).toEqual({ ok: false, error: 'Five fields (minute hour day month weekday), found 4' });
    expect(describeCron('61 2 * * *')).toMatchObject({ ok: false, error: expect.stringContaining('minute') });
    expect(describeCron('0 2 * * funday')).toMatchObject({ ok: false });
  });
});
