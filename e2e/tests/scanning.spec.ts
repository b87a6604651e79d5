import { expect, test } from '@playwright/test';
import { signIn, uniqueName } from './fixtures';

/**
 * The scanning path end to end, as a steward would walk it: register the demo
 * database as a new source (testing the connection first), scan it and watch
 * the progress arrive live, then review what the scan suggested.
 */
test('register the demo source, scan it live, and review its suggestions', async ({ page }) => {
  test.setTimeout(180_000);
  await signIn(page);

  // ── register the demo database ──
  await page.goto('/datasources');
  await page.getByRole('button', { name: 'New data source' }).first().click();
  const dialog = page.getByTestId('create-datasource-dialog');
  await dialog.getByRole('button', { name: 'Use the demo database' }).click();
  await expect(dialog.getByLabel('File path')).toHaveValue(/demo-shop\.sqlite$/);
  const name = uniqueName('Demo shop copy');
  await dialog.getByLabel('Name', { exact: true }).fill(name);

  await dialog.getByRole('button', { name: 'Test connection' }).click();
  const tested = dialog.getByTestId('connection-test-result');
  await expect(tested).toHaveAttribute('data-ok', 'true');
  await expect(tested).toContainText('Connected');
  await expect(tested).toContainText('SQLite');
  await expect(tested).toContainText('Can read data');

  await dialog.getByRole('button', { name: 'Create data source' }).click();
  await expect(page.getByText(`Data source “${name}” registered`)).toBeVisible();
  await expect(page).toHaveURL(/\/datasources\/[0-9a-f-]{36}/);
  await expect(page.getByTestId('datasource-title')).toContainText(name);
  const sourceId = /\/datasources\/([0-9a-f-]{36})/.exec(page.url())![1]!;

  // ── a scan with the built-in "All detectors" rule set ──
  await page.getByRole('tab', { name: /^Scans/ }).click();
  await expect(page.getByText('No scan yet')).toBeVisible();
  await page.getByTestId('new-scan').click();
  const scanDialog = page.getByTestId('scan-dialog');
  await scanDialog.getByLabel('Rule set').click();
  await page.getByRole('option', { name: /All detectors/ }).click();
  await expect(scanDialog.getByLabel('Name', { exact: true })).toHaveValue(
    `${name} — All detectors`,
  );
  await scanDialog.getByLabel('Schedule (optional)').fill('0 2 * * *');
  await expect(scanDialog.getByTestId('cron-hint')).toHaveText('Every day at 02:00');
  await scanDialog.getByRole('button', { name: 'Create scan' }).click();
  const card = page.getByTestId('scan-card').filter({ hasText: `${name} — All detectors` });
  await expect(card).toBeVisible();

  // Record every state the progress bar shows, from the moment the run is queued.
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { __progress: string[] }).__progress = seen;
    const record = () => {
      for (const el of document.querySelectorAll('[data-testid="run-progress"]')) {
        const entry = `${el.getAttribute('data-status')}:${el.getAttribute('data-percent')}`;
        if (seen.at(-1) !== entry) seen.push(entry);
      }
    };
    new MutationObserver(record).observe(document.body, {
      subtree: true,
      childList: true,
      attributes: true,
      attributeFilter: ['data-status', 'data-percent'],
    });
  });
  await card.getByRole('button', { name: 'Run now' }).click();
  const progress = card.getByTestId('run-progress');
  await expect(progress).toBeVisible();
  // Only the live stream (scan.watchRun) moves the bar: nothing polls.
  await expect(progress).toHaveAttribute('data-status', 'succeeded', { timeout: 60_000 });
  await expect(progress).toHaveAttribute('data-percent', '100');
  await expect(progress.getByTestId('run-status')).toHaveText('succeeded');
  const states = await page.evaluate(
    () => (window as unknown as { __progress: string[] }).__progress,
  );
  expect(states[0]).toMatch(/^(queued|running):/);
  expect(states.at(-1)).toBe('succeeded:100');
  expect(
    states.some((s) => /^(queued|running):(\d+)$/.test(s) && Number(s.split(':')[1]) < 100),
  ).toBe(true);

  // The run shows in the history too.
  const runRow = page.getByTestId('run-row').first();
  await expect(runRow.getByTestId('run-status')).toHaveText('succeeded');

  // ── the review queue for this source ──
  await page.goto(`/classifications?source=${sourceId}`);
  const queue = page.getByTestId('review-queue');
  await queue.getByTestId('state-tab-all').click();
  await queue.getByLabel('Label filter').fill('PII.Email');
  await expect(queue).toHaveAttribute('data-settled', 'true');
  const email = queue
    .getByTestId('classification-row')
    .filter({ hasText: 'customers.email' })
    .filter({ hasText: 'PII.Email' });
  await expect(email).toHaveCount(1);
  // Clicking the row (not its column name, which links to the catalog) opens the evidence.
  await email.getByTestId('label-state').click();
  const evidence = page.getByTestId('evidence-panel');
  await expect(evidence).toBeVisible();
  await expect(evidence.getByTestId('evidence-reasons').locator('li').first()).toBeVisible();
  await expect(evidence.getByTestId('masked-examples')).toBeVisible();
  await expect(evidence).toContainText('Match rate');

  // Reject one suggestion still waiting for review, accept another.
  await queue.getByLabel('Label filter').fill('');
  await queue.getByTestId('state-tab-suggested').click();
  await expect(queue.getByTestId('state-tab-suggested')).toHaveAttribute('aria-selected', 'true');
  await expect(queue).toHaveAttribute('data-settled', 'true');
  const rows = queue.getByTestId('classification-row');
  await expect(rows.nth(1)).toBeVisible();
  await expect(
    queue.locator('[data-testid="label-state"]:not([data-state="suggested"])'),
  ).toHaveCount(0);
  const [rejectedId, acceptedId] = await Promise.all([
    rows.nth(0).getAttribute('data-row-id'),
    rows.nth(1).getAttribute('data-row-id'),
  ]);
  const byId = (id: string | null) =>
    queue.locator(`[data-testid="classification-row"][data-row-id="${id}"]`);
  const rejected = byId(rejectedId);
  const accepted = byId(acceptedId);

  await rejected.getByTestId('reject-label').click();
  await expect(rejected.getByTestId('label-state')).toHaveAttribute('data-state', 'rejected');
  await expect(page.getByText('Label rejected')).toBeVisible();
  await accepted.getByTestId('accept-label').click();
  await expect(accepted.getByTestId('label-state')).toHaveAttribute('data-state', 'accepted');
  await expect(page.getByText('Label accepted')).toBeVisible();
  // Both stay in view with their new state; the tab counts follow.
  await expect(queue.getByTestId('state-tab-rejected')).toContainText(/[1-9]/);
  await page.screenshot({ path: 'test-results/classifications.png' });

  // The decisions are stored: they survive a reload.
  await page.goto(`/classifications?source=${sourceId}&state=all`);
  await expect(queue).toHaveAttribute('data-settled', 'true');
  await expect(byId(rejectedId).getByTestId('label-state')).toHaveAttribute(
    'data-state',
    'rejected',
  );
  await expect(byId(acceptedId).getByTestId('label-state')).toHaveAttribute(
    'data-state',
    'accepted',
  );
});
