import { expect, type Page, test } from '@playwright/test';
import { signIn, trpc, uniqueName } from './fixtures';

/** Picks an option of a Radix select opened from `trigger`. */
async function choose(page: Page, trigger: ReturnType<Page['getByTestId']>, option: string | RegExp) {
  await trigger.click();
  await page.getByRole('option', { name: option, exact: typeof option === 'string' }).click();
}

/** Adds a widget through the editor, waiting for its live preview to be computed first. */
async function addWidget(page: Page, opts: { metric: string; type: string; title: string; source?: string; groupBy?: string }) {
  await page.getByTestId('add-widget').click();
  const editor = page.getByTestId('widget-editor');
  await choose(page, editor.getByTestId('widget-metric'), opts.metric);
  await choose(page, editor.getByTestId('widget-type'), opts.type);
  await editor.getByTestId('widget-title').fill(opts.title);
  if (opts.source) await choose(page, editor.getByTestId('filter-datasource'), opts.source);
  if (opts.groupBy) await choose(page, editor.getByTestId('widget-group-by'), opts.groupBy);
  await expect(editor.getByTestId('widget-preview').getByTestId('widget')).toHaveAttribute('data-state', /ready|empty/, { timeout: 30_000 });
  await editor.getByTestId('widget-editor-done').click();
  await expect(editor).toBeHidden();
}

/**
 * A dashboard built from scratch, as a governance lead would: a new source
 * (the demo database) with a scan not yet run, a dashboard with a KPI of its
 * sensitive columns, a donut of them by category and a table of its labels by
 * state. Saved, then the scan runs while the page stays open: the KPI moves
 * from 0 without a reload, through dashboard.watch. Screenshots in light and
 * dark mode; then the built-in Executive summary renders with no widget error, and the
 * Overview's at-a-glance tiles show numbers too.
 */
test('build a dashboard, see a KPI change live after a scan, and open the executive summary', async ({ page }) => {
  test.setTimeout(600_000);
  // The form must be hydrated before it is filled (a slow first compile under `next dev` would submit it natively).
  await page.request.get('/api/auth/providers');
  await page.request.get('/api/auth/csrf');
  await page.goto('/sign-in');
  await page.waitForLoadState('networkidle');
  await signIn(page);

  // ── a new source from the demo database, with a scan that has not run ──
  await page.goto('/datasources');
  await page.getByRole('button', { name: 'New data source' }).first().click();
  const dialog = page.getByTestId('create-datasource-dialog');
  await dialog.getByRole('button', { name: 'Use the demo database' }).click();
  const source = uniqueName('Dashboard shop');
  await dialog.getByLabel('Name', { exact: true }).fill(source);
  await dialog.getByRole('button', { name: 'Create data source' }).click();
  await expect(page).toHaveURL(/\/datasources\/[0-9a-f-]{36}/, { timeout: 120_000 });
  await page.getByRole('tab', { name: /^Scans/ }).click();
  await page.getByTestId('new-scan').click();
  const scanDialog = page.getByTestId('scan-dialog');
  await scanDialog.getByLabel('Rule set').click();
  await page.getByRole('option', { name: /All detectors/ }).click();
  await scanDialog.getByRole('button', { name: 'Create scan' }).click();
  const scanCard = page.getByTestId('scan-card').filter({ hasText: `${source} — All detectors` });
  await expect(scanCard).toBeVisible();
  const scanId = (await scanCard.getAttribute('data-scan-id'))!;

  // ── a dashboard from scratch ──
  await page.goto('/dashboards?list');
  await page.getByTestId('new-dashboard').click();
  const name = uniqueName('Sensitive data watch');
  await page.getByTestId('new-dashboard-dialog').getByTestId('dashboard-name').fill(name);
  await page.getByTestId('create-dashboard').click();
  await expect(page.getByText(`Dashboard “${name}” created`)).toBeVisible();
  await expect(page).toHaveURL(/\/dashboards\/[0-9a-f-]{36}$/, { timeout: 120_000 });
  await expect(page.getByTestId('save-dashboard')).toBeVisible();

  await addWidget(page, { metric: 'Sensitive columns', type: 'KPI tile', title: 'Sensitive columns here', source });
  await addWidget(page, { metric: 'Sensitive columns', type: 'Donut', title: 'By category', source, groupBy: 'Label category' });
  await addWidget(page, { metric: 'Labels by state', type: 'Table', title: 'Labels by state', source, groupBy: 'Status' });
  await page.getByTestId('save-dashboard').click();
  await expect(page.getByText('Dashboard saved')).toBeVisible();
  await expect(page.getByTestId('edit-dashboard')).toBeVisible();

  const grid = page.getByTestId('dashboard-grid');
  await expect(grid.getByTestId('widget')).toHaveCount(3);
  const kpi = grid.locator('[data-testid="widget"][data-widget-type="kpi"]');
  // Not scanned yet: nothing sensitive is known about the source.
  await expect(kpi).toHaveAttribute('data-state', /ready|empty/, { timeout: 30_000 });
  if ((await kpi.getAttribute('data-state')) === 'ready') await expect(kpi.getByTestId('kpi-value')).toHaveAttribute('data-value', '0');
  await expect(page.getByTestId('live-status')).toHaveAttribute('data-status', 'pending', { timeout: 30_000 });

  // ── the scan runs; the page is not reloaded ──
  const marker = await page.evaluate(() => ((window as unknown as { __sameDocument: number }).__sameDocument = Date.now()));
  await trpc(page, 'scan.run', { id: scanId }, 'mutation');
  await expect(kpi.getByTestId('kpi-value')).not.toHaveAttribute('data-value', /^(0|)$/, { timeout: 120_000 });
  const sensitive = Number(await kpi.getByTestId('kpi-value').getAttribute('data-value'));
  expect(sensitive).toBeGreaterThan(0);
  expect(await page.evaluate(() => (window as unknown as { __sameDocument?: number }).__sameDocument)).toBe(marker);
  const donut = grid.locator('[data-testid="widget"][data-widget-type="donut"]');
  await expect(donut).toHaveAttribute('data-state', 'ready');
  const table = grid.locator('[data-testid="widget"][data-widget-type="table"]');
  await expect(table).toHaveAttribute('data-state', 'ready');
  await expect(table.getByTestId('widget-row').first()).toBeVisible();

  // ── screenshots, light and dark ──
  await page.emulateMedia({ colorScheme: 'light' });
  await page.waitForTimeout(500);
  await page.screenshot({ path: '/tmp/shots/dashboard-light.png', fullPage: true });
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(page.locator('html')).toHaveClass(/dark/);
  await page.waitForTimeout(300);
  await page.screenshot({ path: '/tmp/shots/dashboard-dark.png', fullPage: true });
  await page.emulateMedia({ colorScheme: 'light' });

  // ── the built-in Executive summary: every widget computes ──
  await page.goto('/dashboards?list');
  const executive = page.getByTestId('dashboard-card').filter({ hasText: 'Executive summary' }).first();
  await executive.getByRole('link').click();
  await expect(page).toHaveURL(/\/dashboards\/[0-9a-f-]{36}$/, { timeout: 120_000 });
  const widgets = page.getByTestId('dashboard-grid').getByTestId('widget');
  await expect(widgets).toHaveCount(10);
  await expect(page.locator('[data-testid="widget"][data-state="loading"]')).toHaveCount(0, { timeout: 60_000 });
  const failed = await page.locator('[data-testid="widget"][data-state="error"]').evaluateAll((els) => els.map((e) => `${e.getAttribute('data-widget-id')}: ${e.textContent}`));
  expect(failed).toEqual([]);
  await page.screenshot({ path: '/tmp/shots/dashboard-executive.png', fullPage: true });

  // ── the Overview's "at a glance" row: the same KPI tiles, computed for the caller ──
  await page.goto('/');
  const glance = page.getByTestId('overview-glance');
  await expect(glance.getByTestId('widget')).toHaveCount(4);
  await expect(glance.locator('[data-testid="widget"][data-state="loading"]')).toHaveCount(0, { timeout: 60_000 });
  expect(await glance.locator('[data-testid="widget"][data-state="error"]').count()).toBe(0);
  const glanceSensitive = glance.locator('[data-testid="widget"][data-widget-id="sensitive"]').getByTestId('kpi-value');
  expect(Number(await glanceSensitive.getAttribute('data-value'))).toBeGreaterThanOrEqual(sensitive);
  await page.screenshot({ path: '/tmp/shots/overview.png' });
});
