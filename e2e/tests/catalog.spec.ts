import { expect, test } from '@playwright/test';
import { signIn, uniqueName, scanDemoShop } from './fixtures';

/**
 * The catalog as a steward uses it: scan the seeded Demo shop, find a column
 * though the search is mistyped, describe and tag it, follow its table's
 * foreign keys in the lineage graph, then name it with a glossary term.
 */
test('find a column despite a typo, curate it, see its lineage, link it to a term', async ({
  page,
}) => {
  test.setTimeout(240_000);
  await signIn(page);

  // ── the seeded Demo shop source, scanned (again, if another test already did) ──
  await scanDemoShop(page);

  // ── search with a typo ("emal" for email), narrowed to the Demo shop ──
  await page.goto('/catalog');
  await page.getByTestId('catalog-search').fill('emal');
  await expect(page).toHaveURL(/[?&]q=emal/);
  await page.getByTestId('facet-dataSources').getByText('Demo shop', { exact: true }).click();
  const results = page.getByTestId('catalog-results');
  await expect(results).toHaveAttribute('data-settled', 'true');
  const link = results.getByTestId('result-link').filter({ hasText: /^email$/ }).first();
  await expect(link).toBeVisible();
  await expect(link.locator('mark')).toHaveText('email');
  await link.click();

  // ── the column's page: describe it and tag it ──
  await expect(page).toHaveURL(/\/catalog\/assets\/[0-9a-f-]{36}$/);
  const columnUrl = page.url();
  await expect(page.getByTestId('asset-title')).toContainText('email');
  await expect(page.getByTestId('asset-classification').first()).toBeVisible();
  const description = `Where we **email** customers ${uniqueName('note')}`;
  await page.getByTestId('edit-description').click();
  await page.getByTestId('description-input').fill(description);
  await page.getByTestId('asset-save').click();
  await expect(page.getByText('Saved', { exact: true }).first()).toBeVisible();
  await expect(page.getByTestId('asset-description').getByTestId('markdown')).toContainText(
    'Where we email customers',
  );
  await expect(page.getByTestId('asset-description').locator('strong')).toHaveText('email');

  const tags = page.getByTestId('asset-tags');
  await tags.locator('input').fill('masked');
  await tags.locator('input').press('Enter');
  await expect(page.getByText('Saved', { exact: true }).first()).toBeVisible();
  await expect(tags).toContainText('masked');
  await page.reload();
  await expect(page.getByTestId('asset-tags')).toContainText('masked');

  // ── the table's lineage: its foreign-key neighbours ──
  await page.getByTestId('asset-breadcrumbs').getByRole('link', { name: 'customers' }).click();
  await expect(page.getByTestId('asset-title')).toContainText('customers');
  await expect(
    page.locator('[data-testid="asset-column-row"][data-name="email"]'),
  ).toBeVisible();
  await page.getByTestId('lineage-tab').click();
  const canvas = page.getByTestId('lineage-canvas');
  await expect(page.locator('[data-testid="lineage-node"][data-root]')).toContainText(
    'customers',
  );
  await expect(page.locator('[data-testid="lineage-node"][data-name="orders"]')).toBeVisible();
  expect(Number(await canvas.getAttribute('data-edges'))).toBeGreaterThan(0);
  await expect(page.getByTestId('lineage-legend')).toContainText('Foreign key');

  // ── a glossary term, linked to the column ──
  await page.goto('/glossary');
  await page.getByTestId('new-term').click();
  const dialog = page.getByTestId('term-dialog');
  const termName = uniqueName('Customer email');
  await dialog.getByLabel('Name').fill(termName);
  await dialog.locator('#term-definition').fill('The address a customer gave us to be contacted at.');
  await dialog.getByTestId('term-submit').click();
  await expect(page.getByText(`Term “${termName}” created`)).toBeVisible();
  await expect(page.getByTestId('term-title')).toContainText(termName);

  await page.getByTestId('link-assets').click();
  const linkDialog = page.getByTestId('link-assets-dialog');
  await linkDialog.getByLabel('Find an asset').fill('customers email');
  const option = linkDialog
    .locator('[data-testid="asset-option"][data-name="email"]')
    .filter({ hasText: 'Demo shop · ' })
    .first();
  await option.click();
  await linkDialog.getByTestId('link-assets-submit').click();
  await expect(page.getByText(`1 asset linked to ${termName}`)).toBeVisible();
  await expect(page.getByTestId('term-linked-assets').getByTestId('term-asset')).toContainText(
    'email',
  );

  // The column shows the term it is now an instance of.
  await page.goto(columnUrl);
  await expect(page.getByTestId('asset-terms')).toContainText(termName);
});
