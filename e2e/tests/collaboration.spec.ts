import { expect, type Page, test } from '@playwright/test';
import { createUserAsAdmin, signIn, uniqueName, scanDemoShop } from './fixtures';

/** The unread count the header's bell shows (its data-unread attribute). */
const unread = async (page: Page) => Number(await page.getByTestId('notification-bell').getAttribute('data-unread'));

/** Types `@query` in a composer, picks the person from the autocomplete, then types the rest. */
async function writeWithMention(composer: ReturnType<Page['getByTestId']>, before: string, query: string, pick: RegExp | string, after: string) {
  const input = composer.getByTestId('comment-input');
  await input.click();
  await input.pressSequentially(`${before} @${query}`);
  await composer.getByTestId('mention-option').filter({ hasText: pick }).first().click();
  await input.pressSequentially(after);
  await composer.getByTestId('comment-submit').click();
}

/**
 * Issue 8: two people on the same asset see each other there, and a comment
 * that mentions the other appears on their screen and in their bell without
 * a reload — both ways.
 */
test('two users comment and mention each other live', async ({ browser }) => {
  test.setTimeout(240_000);
  const adminContext = await browser.newContext();
  const beaContext = await browser.newContext();
  const a = await adminContext.newPage();
  const b = await beaContext.newPage();

  // The admin creates Bea and makes her a member of Demo governance.
  await signIn(a);
  const { name, email, password } = await createUserAsAdmin(a, 'Bea');

  await a.goto('/workspaces');
  await a.getByRole('link', { name: 'Demo governance' }).first().click();
  await a.getByRole('tab', { name: /Members/ }).click();
  await a.getByTestId('add-member-form').getByLabel('Add a member').fill(email);
  await a.getByTestId('add-member-form').getByRole('button', { name: 'Add' }).click();
  await expect(a.getByText(`${name} added as member`)).toBeVisible();

  // An asset of Demo governance's Demo shop: its customers table (scanned, again if another test did).
  await scanDemoShop(a);
  await a.goto('/catalog?q=customers');
  const results = a.getByTestId('catalog-results');
  await expect(results).toHaveAttribute('data-settled', 'true');
  await results.getByTestId('result-link').filter({ hasText: /^customers$/ }).first().click();
  await expect(a).toHaveURL(/\/catalog\/assets\/[0-9a-f-]{36}$/);
  const assetUrl = new URL(a.url()).pathname;

  // Bea opens the same asset; each sees the other's avatar.
  await signIn(b, { email, password });
  await b.goto(assetUrl);
  await expect(b.getByTestId('asset-title')).toContainText('customers');
  await expect(a.getByTestId('presence-avatars').getByLabel(name)).toBeVisible({ timeout: 15_000 });
  await expect(b.getByTestId('presence-avatars').getByLabel('Racine Admin')).toBeVisible({ timeout: 15_000 });
  const threadA = a.getByTestId('comment-thread');
  const threadB = b.getByTestId('comment-thread');
  await expect(threadA).toHaveAttribute('data-live', 'true');
  await expect(threadB).toHaveAttribute('data-live', 'true');
  await expect(b.getByTestId('notification-bell')).toHaveAttribute('data-live', 'true');
  await expect(a.getByTestId('notification-bell')).toHaveAttribute('data-live', 'true');

  // The admin asks Bea, by mention; it appears on Bea's page and in her bell, no reload.
  const question = uniqueName('Is the email column masked in exports?');
  const beaUnread = await unread(b);
  await writeWithMention(threadA.getByTestId('comment-composer'), question, name.split(' ')[0]!, email, ' can you check?');
  const asked = threadB.getByTestId('comment').filter({ hasText: question });
  await expect(asked).toBeVisible({ timeout: 15_000 });
  await expect(asked.getByTestId('mention')).toHaveText(name);
  await expect(b.getByTestId('notification-bell')).toHaveAttribute('data-unread', String(beaUnread + 1), { timeout: 15_000 });

  // Bea replies, mentioning the admin; it appears on the admin's page and in the admin's bell.
  const adminUnread = await unread(a);
  await asked.getByTestId('comment-reply').click();
  const answer = uniqueName('Masked since the last release');
  await writeWithMention(threadB.getByTestId('reply-composer'), answer, 'admin', 'admin@racine.test', ' — see the tag.');
  const answered = threadA.getByTestId('comment-replies').getByTestId('comment').filter({ hasText: answer });
  await expect(answered).toBeVisible({ timeout: 15_000 });
  await expect(answered.getByTestId('mention')).toHaveText('Racine Admin');
  await expect(answered).toHaveAttribute('data-author', name);
  await expect(a.getByTestId('notification-bell')).toHaveAttribute('data-unread', String(adminUnread + 1), { timeout: 15_000 });

  // The bell's newest item says who mentioned whom, and leads back to the comment.
  await b.getByTestId('notification-bell').click();
  await expect(b.getByTestId('notification-item').filter({ hasText: 'Racine Admin mentioned you on' }).first()).toBeVisible();

  // When Bea leaves, the admin sees her go within seconds.
  await b.close();
  await expect(a.getByTestId('presence-avatars').getByLabel(name)).toHaveCount(0, { timeout: 20_000 });

  await adminContext.close();
  await beaContext.close();
});
