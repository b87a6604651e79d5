/**
 * Insights, end to end: a burst of Restricted reads after a normal baseline is seeded through the
 * real recording path (recordRestrictedRead with backdated clocks, against the server's own
 * database) and the real detector; the Insights page shows it with its evidence (chart and
 * numbers), an admin acknowledges it, and the kind filter hides and shows it. Screenshots in light
 * and dark mode.
 */
import { expect, test } from '@playwright/test';
import pg from 'pg';
import { createDb } from '@racine/db';
import { makeUser } from '@racine/db/factories';
import { detectInsights, InProcessBus, recordRestrictedRead, type ServiceDeps } from '@racine/services';
import { signIn, uniqueName } from './fixtures';

const DAY = 86_400_000;

/** The database serve.mjs made for this run: the newest racine_e2e_<time>_<pid> whose server process is alive (runs are serialised by flock). */
async function serverDatabaseUrl(): Promise<string> {
  const base = process.env.TEST_DATABASE_URL;
  if (!base) return `postgresql://postgres@127.0.0.1:${process.env.E2E_PG_PORT ?? '54339'}/postgres`;
  const c = new pg.Client({ connectionString: base });
  await c.connect();
  const { rows } = await c.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname ~ '^racine_e2e_[0-9]+_[0-9]+$' ORDER BY datname DESC`);
  await c.end();
  const alive = (pid: number) => {
    try {
      process.kill(pid, 0);
      return true;
    } catch (e) {
      return (e as NodeJS.ErrnoException).code === 'EPERM';
    }
  };
  const ours = rows.find((r) => alive(Number(r.datname.split('_').at(-1))));
  if (!ours) throw new Error('No live e2e database found');
  const url = new URL(base);
  url.pathname = `/${ours.datname}`;
  return url.toString();
}

test('a restricted-read burst shows as an insight with its evidence, and is acknowledged', async ({ page }) => {
  test.setTimeout(180_000);
  const db = createDb(await serverDatabaseUrl(), { max: 2 });
  const deps: ServiceDeps = { db, bus: new InProcessBus(), clock: () => new Date() };
  try {
    const name = uniqueName('Reader');
    const reader = await makeUser(db, { roles: ['viewer'], name });
    const actor = { kind: 'user' as const, userId: reader.id };
    const source = await db.dataSource.create({ data: { name: uniqueName('hr-db'), engine: 'sqlite', database: '/tmp/none.sqlite' } });
    const assets = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        db.asset.create({
          data: { dataSourceId: source.id, type: 'column', qualifiedName: `main.hr.people.national_id_${i}`, name: `national_id_${i}`, sensitivity: 'Restricted' },
          select: { id: true, sensitivity: true, qualifiedName: true, type: true, dataSource: { select: { id: true, workspaceId: true } } },
        }),
      ),
    );
    const now = new Date();
    const at = (t: Date): ServiceDeps => ({ ...deps, clock: () => t });
    // A normal three weeks: one Restricted read a day.
    for (let d = 1; d <= 21; d++) await recordRestrictedRead(at(new Date(now.getTime() - d * DAY - 4 * 3_600_000)), actor, assets[d % assets.length]!, 'asset');
    // Then 36 in the last hour.
    for (let i = 0; i < 36; i++) await recordRestrictedRead(at(new Date(now.getTime() - (i + 1) * 60_000)), actor, assets[i % assets.length]!, 'asset');
    const report = await detectInsights(deps, { now, only: ['restrictedReads'] });
    expect(report.failed).toEqual([]);

    await signIn(page);
    await page.goto('/insights');
    const card = page.getByTestId('insight-card').filter({ hasText: name });
    await expect(card).toBeVisible();
    await expect(card.getByTestId('insight-title')).toHaveText(`${name} read 36 Restricted assets in 24 hours, 36× their usual`);
    await expect(card.getByTestId('insight-severity')).toHaveText('Critical');
    const numbers = card.getByTestId('insight-numbers');
    await expect(numbers).toContainText('Observed36');
    await expect(numbers).toContainText('Usual (median of 21 days)1');
    await expect(numbers).toContainText('robust z35 (threshold 5)');
    // The chart is drawn: a line for the series and the baseline band.
    await expect(card.locator('.recharts-line-curve').first()).toBeVisible();
    await expect(card.getByTestId('insight-action')).toHaveAttribute('href', new RegExp(`/activity\\?actor=${reader.id}`));
    await card.scrollIntoViewIfNeeded();
    await page.screenshot({ path: '/tmp/shots/insights-light.png', fullPage: true });

    await card.getByTestId('insight-acknowledge').click();
    await expect(page.getByText('Acknowledged: it stays on the list until dismissed or actioned')).toBeVisible();
    await expect(card.getByTestId('insight-status')).toHaveText('acknowledged');
    await expect(card.getByTestId('insight-acknowledge')).toHaveCount(0);

    // The kind filter: this is an anomaly, so Forecasts hides it and Anomalies shows it again.
    await page.getByTestId('insight-kind-filter').click();
    await page.getByRole('option', { name: 'Forecasts', exact: true }).click();
    await expect(card).toHaveCount(0);
    await page.getByTestId('insight-kind-filter').click();
    await page.getByRole('option', { name: 'Anomalies', exact: true }).click();
    await expect(card).toBeVisible();
    await expect(card.getByTestId('insight-status')).toHaveText('acknowledged');

    await page.emulateMedia({ colorScheme: 'dark' });
    await expect(page.locator('html')).toHaveClass(/dark/);
    await page.screenshot({ path: '/tmp/shots/insights-dark.png', fullPage: true });

  } finally {
    await db.$disconnect();
  }
});
