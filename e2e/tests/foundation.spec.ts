import { expect, test } from '@playwright/test';
import { admin, signIn, uniqueName } from './fixtures';

test('a wrong password is refused with a clear message', async ({ page }) => {
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(admin.email);
  await page.getByLabel('Password').fill('not-the-password');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByTestId('sign-in-error')).toBeVisible();
  await expect(page).toHaveURL(/sign-in/);
});

test('pages need a session', async ({ page }) => {
  await page.goto('/workspaces');
  await expect(page).toHaveURL(/sign-in/);
});

test('a workspace created in one browser appears live in another’s activity page', async ({ browser }) => {
  const watcher = await browser.newContext();
  const actor = await browser.newContext();
  const watch = await watcher.newPage();
  const act = await actor.newPage();

  await signIn(watch);
  await watch.goto('/activity');
  await expect(watch.getByTestId('live-status')).toHaveAttribute('data-status', 'pending', { timeout: 15_000 });
  await expect(watch.getByTestId('activity-row').first()).toBeVisible();

  await signIn(act);
  await act.goto('/workspaces');
  await act.getByRole('button', { name: 'New workspace' }).first().click();
  const dialog = act.getByTestId('create-workspace-dialog');
  const name = uniqueName('Live demo');
  await dialog.getByLabel('Name').fill(name);
  await dialog.getByRole('button', { name: 'Create workspace' }).click();
  await expect(act.getByText(`Workspace “${name}” created`)).toBeVisible();

  // No reload: the row arrives over the SSE subscription.
  await expect(watch.getByTestId('activity-row').filter({ hasText: name }).first()).toBeVisible({ timeout: 15_000 });
  await watch.screenshot({ path: 'test-results/activity-live.png', fullPage: true });

  await watcher.close();
  await actor.close();
});

test('a new workspace shows its owner, and bad input is explained', async ({ page }) => {
  await signIn(page);
  await page.goto('/workspaces');
  await page.getByRole('button', { name: 'New workspace' }).first().click();
  const dialog = page.getByTestId('create-workspace-dialog');
  await dialog.getByLabel('Name').fill('x');
  await dialog.getByRole('button', { name: 'Create workspace' }).click();
  await expect(dialog.getByText(/at least 2 characters/)).toBeVisible();
  const name = uniqueName('Owned');
  await dialog.getByLabel('Name').fill(name);
  await dialog.getByRole('button', { name: 'Create workspace' }).click();
  await expect(page.getByText(name).first()).toBeVisible();
});
