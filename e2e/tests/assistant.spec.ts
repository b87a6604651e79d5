import { expect, type Page, test } from '@playwright/test';
import { signIn, trpc, uniqueName, scanDemoShop } from './fixtures';

/** With ASSISTANT_SHOTS=<dir>, the spec also saves screenshots there (for looking at them, not for asserting). */
async function shot(page: Page, name: string) {
  const dir = process.env.ASSISTANT_SHOTS;
  if (dir) await page.screenshot({ path: `${dir}/${name}.png`, fullPage: true });
}

interface LabelRow {
  columnId: string;
  column: string;
  table: string;
  state: string;
}

/**
 * Issue 7's assistant in built-in mode (no model configured): after a scan of
 * the seeded Demo shop, a question typed in the command palette opens the
 * side panel, and the answer names the columns the scan labelled PII.Email,
 * read here from the classification queue rather than guessed, each linked
 * to its asset page; the calls made show the tool that found them. Then the
 * conversation is renamed and deleted on /assistant, and a recommendation
 * dismissed.
 */
test('ask which columns hold email addresses, follow a link, rename and delete the conversation, dismiss a recommendation', async ({
  page,
}) => {
  test.setTimeout(300_000);
  await signIn(page);

  // ── the seeded Demo shop source, scanned (again, if another test already did) ──
  await scanDemoShop(page);

  // ── the real email columns: what the scan labelled PII.Email (and no one rejected) ──
  const sources = await trpc<{ items: { id: string; name: string }[] }>(
    page,
    'datasource.list',
    { limit: 100 },
    'query',
  );
  const demo = sources.items.find((s) => s.name === 'Demo shop');
  expect(demo, 'the seeded Demo shop source').toBeTruthy();
  const labelled = await trpc<{ items: LabelRow[] }>(
    page,
    'classification.list',
    { dataSourceId: demo!.id, label: 'PII.Email', limit: 200 },
    'query',
  );
  const emailColumns = labelled.items.filter((l) => l.state !== 'rejected');
  expect(emailColumns.length).toBeGreaterThan(0);

  // ── the command palette: type the question, choose "Ask" ──
  await page.goto('/');
  await page.getByTestId('command-palette-trigger').click();
  const palette = page.getByRole('dialog', { name: 'Command palette' });
  await expect(palette.getByRole('option', { name: /Ask the assistant/ })).toContainText('Ctrl J');
  const question = 'which columns contain email addresses?';
  await palette.getByRole('combobox', { name: 'Command' }).fill(question);
  await palette.getByRole('option', { name: `Ask “${question}”` }).click();

  const sheet = page.getByTestId('assistant-sheet');
  await expect(sheet).toBeVisible();
  const turn = sheet.getByTestId('assistant-turn').last();
  await expect(turn.getByTestId('turn-question')).toHaveText(question);
  await expect(turn).toHaveAttribute('data-status', 'done', { timeout: 60_000 });

  // Every email column is named and linked to its asset page.
  const answer = turn.getByTestId('turn-answer');
  for (const column of emailColumns) {
    await expect(answer).toContainText(column.column);
    await expect(
      answer.locator(`a[href="/catalog/assets/${column.columnId}"]`).first(),
    ).toBeVisible();
  }

  // ── the calls made: the tool that found them, with its input and output ──
  await turn.getByTestId('calls-made-toggle').click();
  const calls = turn.getByTestId('tool-call');
  await expect(calls.first()).toBeVisible();
  const labelCall = turn.locator('[data-testid="tool-call"][data-tool="list_columns_with_label"]');
  await expect(labelCall).toBeVisible();
  await expect(labelCall.getByTestId('call-status')).toHaveAttribute('data-status', 'done');
  await expect(labelCall.getByTestId('call-input')).toContainText('PII.Email');
  await labelCall.getByRole('button', { name: 'Raw JSON' }).click();
  await expect(labelCall.getByTestId('call-json')).toContainText(emailColumns[0]!.columnId);
  await shot(page, 'assistant-sheet-light');

  // ── a link opens the column's page (the panel steps aside) ──
  const first = emailColumns[0]!;
  await answer.locator(`a[href="/catalog/assets/${first.columnId}"]`).first().click();
  await expect(page).toHaveURL(new RegExp(`/catalog/assets/${first.columnId}$`));
  await expect(page.getByTestId('asset-title')).toContainText(first.column);
  await expect(sheet).toBeHidden();

  // The panel knows what this page is about.
  await page.getByTestId('assistant-trigger').click();
  await expect(sheet.getByTestId('assistant-context')).toContainText(first.column);
  await expect(sheet.getByTestId('assistant-context')).toHaveAttribute('data-kind', 'asset');
  await sheet.getByTestId('assistant-full-page').click();

  // ── /assistant: the conversation is listed; rename it, then delete it ──
  await expect(page).toHaveURL(/\/assistant\?c=[0-9a-f-]{36}$/);
  const conversationId = new URL(page.url()).searchParams.get('c')!;
  const row = page.locator(`[data-testid="conversation-row"][data-id="${conversationId}"]`);
  await expect(row).toHaveAttribute('data-selected', 'true');
  await expect(page.getByTestId('assistant-main').getByTestId('turn-question').first()).toHaveText(
    question,
  );
  const title = uniqueName('Email columns');
  await row.getByTestId('conversation-rename').click();
  await page.getByTestId('conversation-title-input').fill(title);
  await page.getByTestId('conversation-title-input').press('Enter');
  await expect(page.getByText('Renamed', { exact: true }).first()).toBeVisible();
  await expect(row.getByTestId('conversation-title')).toHaveText(title);
  await page.reload();
  await expect(row.getByTestId('conversation-title')).toHaveText(title);
  await shot(page, 'assistant-page-light');
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(page.locator('html')).toHaveClass(/dark/);
  await shot(page, 'assistant-page-dark');
  await page.emulateMedia({ colorScheme: 'light' });

  await row.getByTestId('conversation-delete').click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByText('Conversation deleted', { exact: true }).first()).toBeVisible();
  await expect(row).toHaveCount(0);
  const left = await trpc<{ items: { id: string }[] }>(page, 'ai.conversations', {}, 'query');
  expect(left.items.map((c) => c.id)).not.toContain(conversationId);

  // ── a recommendation, dismissed: it leaves the list and stays gone ──
  const recommendations = page.getByTestId('recommendations');
  const rec = recommendations.getByTestId('recommendation-card').first();
  await expect(rec).toBeVisible();
  const key = await rec.getAttribute('data-key');
  await rec.getByTestId('recommendation-dismiss').click();
  await expect(page.getByText('Dismissed', { exact: true }).first()).toBeVisible();
  const gone = recommendations.locator(`[data-testid="recommendation-card"][data-key="${key}"]`);
  await expect(gone).toHaveCount(0);
  await page.reload();
  await expect(recommendations).toHaveAttribute('data-state', 'ready');
  await expect(gone).toHaveCount(0);
});
