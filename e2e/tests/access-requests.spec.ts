import { expect, test } from '@playwright/test';
import { createUserAsAdmin, signIn } from './fixtures';

/**
 * Issue 8's access flow: a user without access to Demo governance asks for
 * ws.viewer there for one minute; an admin approves it in another browser;
 * the user opens the workspace; once the minute is over it refuses them again
 * (the grant stops counting at its end, whether or not the sweep has run).
 */
test('a user requests access, an admin approves it, the user gains it, and after expiry loses it', async ({ browser }) => {
  test.setTimeout(240_000);
  const adminContext = await browser.newContext();
  const userContext = await browser.newContext();
  const adminPage = await adminContext.newPage();
  const userPage = await userContext.newPage();

  // The admin creates the requester on the Users page (a global viewer: no workspace access).
  await signIn(adminPage);
  const { name, email, password } = await createUserAsAdmin(adminPage, 'Requester');

  // Where Demo governance lives.
  await adminPage.goto('/workspaces');
  await adminPage.getByRole('link', { name: 'Demo governance' }).first().click();
  await expect(adminPage).toHaveURL(/\/workspaces\/[^/?]+/);
  const workspaceUrl = new URL(adminPage.url()).pathname;

  // The user cannot open it yet.
  await signIn(userPage, { email, password });
  await userPage.goto(workspaceUrl);
  await expect(userPage.getByText('You cannot open this workspace')).toBeVisible();

  // They ask for Viewer on it, for one minute.
  await userPage.goto('/settings/access');
  await userPage.getByTestId('request-access').click();
  const dialog = userPage.getByTestId('request-access-dialog');
  await dialog.getByLabel('Workspace or data source').fill('Demo governance');
  await dialog.locator('[data-testid="scope-option"][data-name="Demo governance"]').click();
  await expect(dialog.getByLabel('Role')).toHaveText('Viewer');
  await dialog.getByLabel('Duration').click();
  await userPage.getByRole('option', { name: 'Custom (minutes)' }).click();
  await dialog.getByTestId('custom-minutes').fill('1');
  await dialog.getByLabel('Justification').fill('Preparing the quarterly governance review');
  await userPage.screenshot({ path: 'test-results/access-request-dialog.png' });
  await dialog.getByTestId('send-request').click();
  await expect(userPage.getByText(/Request sent: \d+ approvers? notified/)).toBeVisible();
  const mine = userPage.locator('[data-testid="my-request-row"][data-scope="Demo governance"]').first();
  await expect(mine.getByTestId('request-status')).toHaveAttribute('data-status', 'pending');

  // The admin sees it on the access requests page and approves it.
  await adminPage.goto('/admin/access-requests');
  const row = adminPage.locator(`[data-testid="access-request-row"][data-requester="${email}"]`);
  await expect(row).toBeVisible();
  await expect(row).toContainText('Preparing the quarterly governance review');
  await adminPage.screenshot({ path: 'test-results/access-requests-to-decide.png', fullPage: true });
  await row.getByTestId('approve-request').click();
  await adminPage.getByTestId('request-decision-comment').fill('For the review only');
  await adminPage.getByTestId('confirm-request-decision').click();
  await expect(adminPage.getByText(`Approved: ${name} has Viewer on Demo governance`)).toBeVisible();
  await expect(row).toHaveCount(0);

  // The user now opens the workspace, and sees the grant counting down.
  await userPage.goto(workspaceUrl);
  await expect(userPage.getByRole('heading', { name: /Demo governance/ })).toBeVisible();
  await userPage.goto('/settings/access');
  await expect(mine.getByTestId('request-status')).toHaveAttribute('data-status', 'approved');
  await expect(mine.getByTestId('expiry-countdown')).toContainText(/left/);
  await userPage.screenshot({ path: 'test-results/my-access-active.png', fullPage: true });

  // After the minute, the workspace refuses them again.
  await expect
    .poll(
      async () => {
        await userPage.goto(workspaceUrl);
        const refused = userPage.getByText('You cannot open this workspace');
        const opened = userPage.getByRole('heading', { name: /Demo governance/ });
        await expect(refused.or(opened)).toBeVisible();
        return refused.isVisible();
      },
      { timeout: 100_000, intervals: [5_000] },
    )
    .toBe(true);
  await userPage.goto('/settings/access');
  await expect(mine.getByTestId('request-status')).toHaveAttribute('data-status', 'expired');

  await adminContext.close();
  await userContext.close();
});
