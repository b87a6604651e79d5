import { expect, test } from '@playwright/test';
import { signIn, uniqueName, scanDemoShop } from './fixtures';

/**
 * The knowledge base as a steward uses it: write an article, link it to the
 * Demo shop's card_number column, publish it, find it from the command palette
 * by a word of its body, see it on the column's page, and find its author
 * among the column's experts with the reason.
 */
test('write, link and publish an article, find it from the palette and the asset, and see its author as an expert', async ({ page }) => {
  test.setTimeout(240_000);
  await signIn(page);

  // ── the seeded Demo shop, scanned (again, if another test already did), so its columns exist ──
  await scanDemoShop(page);

  // ── write ──
  const title = uniqueName('Masking card numbers');
  const word = `tokenvault${Math.random().toString(36).replace(/[^a-z]/g, '').slice(0, 6)}`;
  await page.goto('/collaboration/kb');
  await page.getByTestId('new-article').click();
  await page.getByTestId('article-title-input').fill(title);
  await page.getByTestId('create-article').click();
  await expect(page).toHaveURL(/\/collaboration\/kb\/[0-9a-f-]{36}\?edit=1$/);
  await page.getByTestId('article-body-input').fill(`## How\n\nCard numbers go to the **${word}** before anything stores them.`);
  await page.getByTestId('article-preview-tab').click();
  await expect(page.getByTestId('markdown').locator('strong')).toHaveText(word);
  await page.getByTestId('save-article').click();
  await expect(page.getByText('Article saved').first()).toBeVisible();
  await expect(page.getByTestId('article-body').locator('strong')).toHaveText(word);
  await expect(page.getByTestId('article-status')).toHaveText('draft');
  const articleUrl = page.url().replace(/\?.*$/, '');

  // ── link it to the card_number column ──
  await page.getByTestId('add-link').click();
  const picker = page.getByTestId('link-picker');
  await picker.getByLabel('Find an asset').fill('card_number');
  await picker.locator('[data-testid="asset-option"][data-name="card_number"]').first().click();
  await expect(page.getByText('Linked', { exact: true }).first()).toBeVisible();
  const linkRow = page.getByTestId('article-link-row').filter({ hasText: 'card_number' });
  await expect(linkRow).toBeVisible();

  // ── publish ──
  await page.getByTestId('publish-article').click();
  await expect(page.getByTestId('article-status')).toHaveText('published');

  // ── the command palette finds it by a word of its body ──
  await page.getByTestId('command-palette-trigger').click();
  const palette = page.getByRole('dialog', { name: 'Command palette' });
  await palette.getByRole('combobox', { name: 'Command' }).fill(word);
  const option = palette.getByRole('option', { name: new RegExp(title) });
  await expect(option).toBeVisible();
  await option.click();
  await expect(page).toHaveURL(articleUrl);

  // ── the column's page lists it as related ──
  await page.getByTestId('article-link-row').filter({ hasText: 'card_number' }).getByRole('link').click();
  await expect(page).toHaveURL(/\/catalog\/assets\/[0-9a-f-]{36}$/);
  const related = page.getByTestId('related-articles');
  await expect(related.getByTestId('related-article').filter({ hasText: title })).toBeVisible();

  // ── its author is among the column's experts, with why ──
  const experts = page.getByTestId('asset-experts');
  await expect(experts.getByTestId('asset-expert').first()).toBeVisible();
  await experts.getByRole('link', { name: 'Why?' }).click();
  await expect(page).toHaveURL(/\/collaboration\/experts\?/);
  const author = page.getByTestId('expert-card').filter({ hasText: 'Racine Admin' });
  await expect(author).toBeVisible();
  await expect(author.getByTestId('expert-reasons')).toContainText(`Wrote`);
  await expect(author.getByTestId('expert-reasons')).toContainText(title);
});
