import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { signIn } from './fixtures';

/**
 * Activity analytics as a steward or admin uses it: the page opens on the
 * last 30 days with the weekday × hour heatmap of real log rows (this run's
 * sign-ins at least), the correlation card answers, and the compliance
 * activity report downloads as CSV and as PDF. Screenshots in light and dark
 * mode, checked by eye.
 */
test('activity analytics: heatmap, correlation, CSV and PDF report', async ({ page }) => {
  test.setTimeout(240_000);
  await signIn(page);
  await page.goto('/activity/analytics');
  await expect(page.getByRole('heading', { name: 'Activity analytics & reports' })).toBeVisible();

  const heatmap = page.getByTestId('heatmap');
  await expect(heatmap).toBeVisible({ timeout: 30_000 });
  await expect(heatmap.getByRole('gridcell')).toHaveCount(7 * 24);
  // At least one cell counts an event (the sign-in above is one).
  await expect(heatmap.getByRole('gridcell', { name: /: [1-9][\d,]* events?$/ }).first()).toBeVisible();
  await expect(page.getByTestId('top-types')).toContainText('.');
  await expect(page.getByTestId('correlation-card')).toContainText(/scan run|No scan runs in this range/);

  const csvDownload = page.waitForEvent('download');
  await page.getByTestId('report-csv').click();
  const csv = await csvDownload;
  expect(csv.suggestedFilename()).toMatch(/^compliance-activity-\d{4}-\d{2}-\d{2}-to-\d{4}-\d{2}-\d{2}\.csv$/);
  const csvText = readFileSync((await csv.path())!, 'utf8');
  expect(csvText).toContain('# Compliance activity report');
  expect(csvText).toContain('id,time (UTC),actor,type,action,resource,status,details');
  await expect(page.getByText(`Downloaded ${csv.suggestedFilename()}`)).toBeVisible();

  const pdfDownload = page.waitForEvent('download');
  await page.getByTestId('report-pdf').click();
  const pdf = await pdfDownload;
  expect(pdf.suggestedFilename()).toMatch(/\.pdf$/);
  expect(readFileSync((await pdf.path())!).subarray(0, 5).toString()).toBe('%PDF-');

  await page.screenshot({ path: '/tmp/shots/activity-analytics-light.png', fullPage: true });
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(page.locator('html')).toHaveClass(/dark/);
  await page.screenshot({ path: '/tmp/shots/activity-analytics-dark.png', fullPage: true });
});
