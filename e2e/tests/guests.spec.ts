import { expect, type Page, test } from '@playwright/test';
import { signIn, uniqueName } from './fixtures';

/** With GUEST_SHOTS=<dir>, the spec also saves screenshots of the guest pages there (for looking at them, not for asserting). */
async function shot(page: Page, name: string) {
  const dir = process.env.GUEST_SHOTS;
  if (dir) await page.screenshot({ path: `${dir}/${name}.png`, fullPage: true });
}

/**
 * Issue 8's guest flow: an admin invites an outside collaborator to Demo
 * governance from /admin/guests and reads the one-time link from the dialog;
 * in another browser the guest opens it, picks a name and password, and
 * lands signed in on the workspace. The admin revokes them, and the guest's
 * next navigation finds them signed out, their API calls refused.
 */
test('a guest invite is accepted and then revoked', async ({ browser }) => {
  test.setTimeout(300_000);
  const adminContext = await browser.newContext();
  const guestContext = await browser.newContext();
  const adminPage = await adminContext.newPage();
  const guestPage = await guestContext.newPage();

  const name = uniqueName('Auditor');
  const email = `${name.toLowerCase().replace(/\s+/g, '-')}@outside.test`;
  const password = 'guest-password-12345';

  // The admin invites the guest to Demo governance, as a viewer, for two weeks.
  await signIn(adminPage);
  await adminPage.goto('/admin/guests');
  await adminPage.getByTestId('invite-guest').click();
  const dialog = adminPage.getByTestId('invite-guest-dialog');
  await dialog.getByTestId('guest-workspace').click();
  await adminPage.getByRole('option', { name: 'Demo governance', exact: true }).click();
  await dialog.getByLabel('Email').fill(email);
  await dialog.getByLabel('Message').fill('Welcome: the Q4 review starts Monday.');
  await dialog.getByTestId('send-guest-invite').click();
  const linkBox = dialog.getByTestId('guest-invite-link');
  await expect(linkBox).toBeVisible();
  const link = await linkBox.inputValue();
  expect(link).toMatch(/\/invite\/[A-Za-z0-9_-]{43}$/);
  await shot(adminPage, 'admin-invite-link');
  await dialog.getByRole('button', { name: 'Done' }).click();
  const row = adminPage.locator(`[data-testid="guest-row"][data-email="${email}"]`);
  await expect(row.getByTestId('guest-status')).toHaveAttribute('data-status', 'pending');

  // The guest opens the link (signed out), sees what they are invited to, and joins.
  await guestPage.goto(new URL(link).pathname);
  await expect(guestPage.getByRole('heading', { name: 'Join Demo governance' })).toBeVisible();
  await expect(guestPage.getByText('Welcome: the Q4 review starts Monday.')).toBeVisible();
  await shot(guestPage, 'guest-invite-page');
  await guestPage.getByLabel('Your name').fill(name);
  await guestPage.getByLabel('Password', { exact: true }).fill(password);
  await guestPage.getByLabel('Repeat the password').fill(password);
  await guestPage.getByTestId('accept-invite-submit').click();

  // Signed in, on the workspace, told they are a guest there.
  await expect(guestPage).toHaveURL(/\/workspaces\/[^/?]+$/);
  await expect(guestPage.getByRole('heading', { name: /Demo governance/ })).toBeVisible();
  await expect(guestPage.getByTestId('guest-banner')).toContainText('You are a guest in Demo governance until');
  const workspacePath = new URL(guestPage.url()).pathname;
  await shot(guestPage, 'guest-workspace');
  // Global pages degrade instead of failing: the Overview still renders for them.
  await guestPage.goto('/');
  await expect(guestPage.getByTestId('guest-banner')).toBeVisible();
  await shot(guestPage, 'guest-overview');

  // The link was single-use.
  const again = await guestContext.newPage();
  await again.goto(new URL(link).pathname);
  await expect(again.getByTestId('invite-unusable')).toContainText('already used');
  await again.close();

  // The admin sees them active, with what they did flagged in the activity log.
  await adminPage.reload();
  await expect(row.getByTestId('guest-status')).toHaveAttribute('data-status', 'active');
  await expect(row).toContainText(name);
  await adminPage.goto('/activity?guests=1');
  await expect(adminPage.getByTestId('activity-guest-only')).toHaveAttribute('data-state', 'checked');
  await expect(adminPage.getByText('guest.accepted').first()).toBeVisible();
  await expect(adminPage.getByTestId('guest-badge').first()).toBeVisible();

  // The admin revokes them.
  await adminPage.goto('/admin/guests');
  await row.getByTestId('revoke-guest').click();
  await adminPage.getByRole('button', { name: 'Revoke access' }).click();
  await expect(adminPage.getByText(`${name}'s access has ended`)).toBeVisible();
  await expect(row.getByTestId('guest-status')).toHaveAttribute('data-status', 'revoked');

  // The guest's next call is refused and their next navigation finds them signed out.
  const api = await guestPage.request.get('/api/trpc/user.me');
  expect(api.status()).toBe(401);
  await guestPage.goto(workspacePath);
  await expect(guestPage).toHaveURL(/\/sign-in/);
  // And they cannot sign back in.
  await guestPage.getByLabel('Email').fill(email);
  await guestPage.getByLabel('Password').fill(password);
  await guestPage.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(guestPage.getByTestId('sign-in-error')).toBeVisible();

  await adminContext.close();
  await guestContext.close();
});
