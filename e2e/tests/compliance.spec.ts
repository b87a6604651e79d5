import { expect, type Page, test } from '@playwright/test';
import { signIn } from './fixtures';

/** The PCI-DSS card's score as the posture page shows it (a number, or NaN before any evaluation). */
async function pciScore(page: Page): Promise<number> {
  const score = page
    .locator('[data-testid="framework-card"][data-key="pci-dss"]')
    .getByTestId('framework-score');
  await expect(score).toHaveText(/^\d+$/);
  return Number(await score.getAttribute('data-score'));
}

async function evaluateAll(page: Page) {
  await page.getByTestId('evaluate-now').click();
  await expect(page.getByTestId('evaluate-now')).toBeDisabled();
  const summary = page.getByTestId('evaluation-summary');
  await expect(summary).toBeVisible({ timeout: 60_000 });
  await expect(summary).toContainText('PCI-DSS:');
  await expect(page.getByTestId('evaluate-now')).toBeEnabled();
}

/**
 * Issue 4 end to end, as a compliance officer would walk it: scan the demo
 * shop, evaluate the frameworks, find the unmasked card-number column in the
 * PCI-DSS findings with its evidence, fix it (tag it masked), evaluate again,
 * and see the finding resolve and the PCI-DSS score go up.
 */
test('evaluate, remediate a PCI-DSS finding, and see it resolve and the score rise', async ({
  page,
}) => {
  test.setTimeout(240_000);
  await signIn(page);

  // ── scan the seeded "Demo shop" source with its ready scan ──
  await page.goto('/datasources');
  await page
    .getByTestId('datasource-link')
    .filter({ hasText: /^Demo shop$/ })
    .click();
  await expect(page.getByTestId('datasource-title')).toContainText('Demo shop');
  await page.getByRole('tab', { name: /^Scans/ }).click();
  const card = page.getByTestId('scan-card').filter({ hasText: 'Demo shop — all detectors' });
  await card.getByRole('button', { name: 'Run now' }).click();
  const progress = card.getByTestId('run-progress');
  await expect(progress).toHaveAttribute('data-status', 'succeeded', { timeout: 90_000 });

  // ── evaluate every framework from the posture page ──
  await page.getByRole('link', { name: 'Compliance' }).first().click();
  await expect(page).toHaveURL(/\/compliance$/);
  for (const key of ['gdpr', 'hipaa', 'pci-dss', 'soc2', 'ccpa'])
    await expect(page.locator(`[data-testid="framework-card"][data-key="${key}"]`)).toBeVisible();
  await evaluateAll(page);
  const before = await pciScore(page);
  expect(before).toBeLessThan(100);

  // ── the PCI-DSS findings board: the card-number column fails 3.5.1 ──
  await page
    .locator('[data-testid="framework-card"][data-key="pci-dss"]')
    .getByTestId('framework-open-findings')
    .click();
  await expect(page).toHaveURL(/\/compliance\/findings\?framework=[0-9a-f-]{36}/);
  const board = page.getByTestId('findings-board');
  await board.getByLabel('Search findings').fill('card_number');
  await expect(page).toHaveURL(/q=card_number/);
  await expect(board).toHaveAttribute('data-settled', 'true');
  const row = board
    .getByTestId('finding-row')
    .filter({ hasText: 'PCI-DSS 3.5.1' })
    .filter({ hasText: /payments\.card_number/ })
    .filter({ hasText: 'Demo shop' })
    .filter({ hasNotText: 'Demo shop copy' });
  await expect(row).toHaveCount(1);
  await expect(row.getByTestId('finding-status')).toHaveAttribute('data-status', 'open');
  await expect(row.getByTestId('severity')).toHaveAttribute('data-severity', 'critical');
  const findingId = await row.getAttribute('data-row-id');

  // ── its sheet: the evidence says the tags are missing ──
  // On the rule, not the row's middle: the asset cell is a link to the catalog.
  await row.getByTestId('finding-rule').click();
  const sheet = page.getByTestId('finding-sheet');
  await expect(sheet).toBeVisible();
  await expect(sheet).toHaveAttribute('data-status', 'open');
  const evidence = sheet.getByTestId('finding-evidence');
  await expect(evidence.locator('[data-fact="asset.tags"]')).toBeVisible();
  await expect(evidence.locator('[data-fact="asset.tags"]')).toHaveAttribute('data-failed', 'true');
  await expect(evidence.locator('[data-fact="asset.labels"]')).toContainText('PCI.CardNumber');
  await expect(sheet.getByTestId('finding-remediation')).toContainText(/tokenize|encrypt/i);
  await expect(sheet.getByTestId('open-asset')).toHaveAttribute(
    'href',
    /\/catalog\/assets\/[0-9a-f-]{36}/,
  );

  // ── fix it: tag the column "masked" ──
  const fix = sheet.getByTestId('tag-remediation');
  await expect(fix).toHaveText(/Tag the column masked/);
  await fix.click();
  await expect(page.getByText('Tagged “masked”')).toBeVisible();
  await expect(sheet.getByTestId('tag-remediation-done')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(sheet).toBeHidden();

  // ── evaluate again: the score rises ──
  await page.goto('/compliance');
  await expect(
    page
      .locator('[data-testid="framework-card"][data-key="pci-dss"]')
      .getByTestId('framework-score'),
  ).toHaveText(/^\d+$/, { timeout: 30_000 });
  await evaluateAll(page);
  await expect(page.getByTestId('evaluation-summary')).toContainText(
    /PCI-DSS: \d+ new findings?, [1-9]\d* resolved/,
  );
  await expect.poll(() => pciScore(page)).toBeGreaterThan(before);

  // ── and the finding shows as resolved on the board ──
  const frameworkId = await page
    .locator('[data-testid="framework-card"][data-key="pci-dss"]')
    .getAttribute('data-framework-id');
  await page.goto(`/compliance/findings?framework=${frameworkId}&status=all&q=card_number`);
  await expect(board).toHaveAttribute('data-settled', 'true');
  const resolved = board.locator(`[data-testid="finding-row"][data-row-id="${findingId}"]`);
  await expect(resolved.getByTestId('finding-status')).toHaveAttribute('data-status', 'resolved');
  await board.getByTestId('status-tab-resolved').click();
  await expect(board.getByTestId('status-tab-resolved')).toHaveAttribute('aria-selected', 'true');
  await expect(resolved).toBeVisible();
  await page.screenshot({ path: 'test-results/compliance-findings.png' });
});
