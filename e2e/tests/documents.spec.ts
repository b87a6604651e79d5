import { expect, type Locator, type Page, test } from '@playwright/test';
import { signIn, uniqueName } from './fixtures';

async function pick(page: Page, trigger: Locator, option: string | RegExp) {
  await trigger.click();
  await page.getByRole('option', { name: option }).first().click();
}

/** Types at the end of the CodeMirror editor, as a person would. */
async function typeAtEnd(page: Page, text: string) {
  const content = page.getByTestId('document-editor-content');
  await content.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(text);
}

const editor = (page: Page) => page.getByTestId('document-editor-content');

/**
 * Issue 8 §4: a runbook edited in two browsers at once; each sees the
 * other's text live; a saved version is restored after an edit, and the
 * text returns on both screens.
 */
test('two browsers co-edit a runbook, then a version is restored on both', async ({ browser }) => {
  test.setTimeout(180_000);
  const aContext = await browser.newContext();
  const bContext = await browser.newContext({ colorScheme: 'dark' });
  const a = await aContext.newPage();
  const b = await bContext.newPage();
  const title = uniqueName('Failover runbook');

  await signIn(a);
  await a.goto('/collaboration/documents');
  await a.getByTestId('new-document').click();
  const dialog = a.getByTestId('new-document-dialog');
  await dialog.getByLabel('Title').fill(title);
  await pick(a, dialog.getByTestId('new-document-workspace'), 'Demo governance');
  await pick(a, dialog.getByTestId('new-document-template'), 'Runbook');
  await dialog.getByTestId('create-document').click();
  await expect(a).toHaveURL(/\/collaboration\/documents\/[0-9a-f-]{36}$/);
  const url = new URL(a.url()).pathname;
  await expect(a.getByTestId('document-title')).toHaveText(title);
  await expect(editor(a)).toContainText('## Rollback');
  await expect(a.getByTestId('sync-status')).toHaveAttribute('data-status', 'saved', { timeout: 15_000 });

  await signIn(b);
  await b.goto(url);
  await expect(editor(b)).toContainText('## Rollback');
  await expect(b.getByTestId('sync-status')).toHaveAttribute('data-status', 'saved', { timeout: 15_000 });

  // Each types; the other sees it without reloading.
  const fromA = uniqueName('Promote the replica');
  await typeAtEnd(a, `\n${fromA}`);
  await expect(editor(b)).toContainText(fromA, { timeout: 15_000 });
  const fromB = uniqueName('Repoint the DNS');
  await typeAtEnd(b, `\n${fromB}`);
  await expect(editor(a)).toContainText(fromB, { timeout: 15_000 });
  await expect(a.getByTestId('sync-status')).toHaveAttribute('data-status', 'saved');
  await expect(b.getByTestId('sync-status')).toHaveAttribute('data-status', 'saved');

  // Both lines are in the list's excerpt too (the server's text).
  await a.screenshot({ path: test.info().outputPath('document-light.png'), fullPage: true });
  await b.screenshot({ path: test.info().outputPath('document-dark.png'), fullPage: true });

  // Save a version, edit, restore: the edit goes away on both screens.
  await a.getByTestId('save-version').click();
  await expect(a.getByText(/Saved as version 1/)).toBeVisible();
  const temporary = uniqueName('Delete the primary');
  await typeAtEnd(a, `\n${temporary}`);
  await expect(editor(b)).toContainText(temporary, { timeout: 15_000 });
  await expect(a.getByTestId('sync-status')).toHaveAttribute('data-status', 'saved');

  await b.getByTestId('open-history').click();
  const history = b.getByTestId('history-sheet');
  await history.getByTestId('version-item').filter({ hasText: 'v1' }).click();
  await expect(history.getByTestId('markdown')).toContainText(fromB);
  await b.screenshot({ path: test.info().outputPath('history-dark.png') });
  await history.getByTestId('restore-version').click();
  await b.getByRole('alertdialog').getByRole('button', { name: 'Restore' }).click();
  await expect(b.getByText(/Restored version 1/)).toBeVisible();

  for (const page of [a, b]) {
    await expect(editor(page)).not.toContainText(temporary, { timeout: 15_000 });
    await expect(editor(page)).toContainText(fromA);
    await expect(editor(page)).toContainText(fromB);
  }

  // The preview renders the markdown; the list shows the document with who edited it.
  await a.getByTestId('preview-tab').click();
  await expect(a.getByTestId('document-preview').getByRole('heading', { name: 'Rollback' })).toBeVisible();
  await a.goto('/collaboration/documents');
  const row = a.getByTestId('document-row').filter({ hasText: title });
  await expect(row).toBeVisible();
  await expect(row).toContainText('Racine Admin');
  await a.screenshot({ path: test.info().outputPath('documents-list.png'), fullPage: true });

  await aContext.close();
  await bContext.close();
});
