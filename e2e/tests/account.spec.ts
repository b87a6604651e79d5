import { type Browser, expect, type Page, test } from '@playwright/test';
import { generateSync } from 'otplib';
import { createUserAsAdmin, signIn } from './fixtures';

/** A fresh user made by the admin in Users & roles: MFA is switched on for them, never for the shared admin. */
async function createUser(browser: Browser) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page);
  const who = await createUserAsAdmin(page, 'Account');
  await context.close();
  return who;
}

/** Sign-in with the second step: the password, then a code computed from the secret the way an authenticator app would. */
async function signInWithCode(page: Page, who: { email: string; password: string }, secret: string) {
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(who.email);
  await page.getByLabel('Password').fill(who.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.getByLabel('Authentication code').fill(generateSync({ secret }));
  await page.getByRole('button', { name: 'Verify' }).click();
  await expect(page).not.toHaveURL(/sign-in/);
}

async function signOut(page: Page) {
  await page.getByTestId('user-menu').click();
  await page.getByTestId('sign-out').click();
  await expect(page).toHaveURL(/sign-in/);
}

test('a user sets their profile and theme, turns on MFA, signs in with a code, and signs out their other session', async ({ browser }) => {
  // Five sign-ins (each an argon2 hash on the server) in four browsers: more than the default minute.
  test.setTimeout(180_000);
  const who = await createUser(browser);
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, who);

  // Profile & theme, from the user menu.
  await page.getByTestId('user-menu').click();
  await page.getByTestId('user-menu-settings').click();
  await expect(page).toHaveURL(/\/settings\/profile/);
  await page.getByLabel('Title').fill('Data steward');
  await page.getByLabel('Time zone').fill('Europe/Paris');
  await page.locator('#profile-theme').click();
  await page.getByRole('option', { name: 'Dark' }).click();
  await page.getByRole('button', { name: 'Save profile' }).click();
  await expect(page.getByText('Profile saved')).toBeVisible();
  await expect(page.locator('html')).toHaveClass(/dark/);
  // Saved on the server: another browser of theirs opens dark with the same details.
  const elsewhere = await (await browser.newContext()).newPage();
  await signIn(elsewhere, who);
  await elsewhere.goto('/settings/profile');
  await expect(elsewhere.getByLabel('Title')).toHaveValue('Data steward');
  await expect(elsewhere.getByLabel('Time zone')).toHaveValue('Europe/Paris');
  await expect(elsewhere.locator('html')).toHaveClass(/dark/);
  // Signing out ends that session's row (closing the browser would leave it live, and listed below).
  await signOut(elsewhere);
  await elsewhere.context().close();

  // MFA: the secret is shown for manual entry; the code it gives turns MFA on and shows the recovery codes once.
  await page.goto('/settings/security');
  await page.getByTestId('mfa-enroll').click();
  await expect(page.getByTestId('mfa-qr')).toBeVisible();
  const secret = (await page.getByTestId('mfa-secret').textContent())!.trim();
  expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
  await page.getByLabel('Enter the 6-digit code').fill(generateSync({ secret }));
  await page.getByRole('button', { name: 'Turn on' }).click();
  await expect(page.getByTestId('recovery-code')).toHaveCount(10);
  await page.getByRole('button', { name: 'I have saved them' }).click();
  await expect(page.getByTestId('mfa-card')).toContainText('10 recovery codes left');

  // Signing in now needs the code.
  await signOut(page);
  await page.getByLabel('Email').fill(who.email);
  await page.getByLabel('Password').fill(who.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.getByLabel('Authentication code').fill('000000');
  await page.getByRole('button', { name: 'Verify' }).click();
  await expect(page.getByTestId('sign-in-error')).toContainText('That code is not right');
  await page.getByLabel('Authentication code').fill(generateSync({ secret }));
  await page.getByRole('button', { name: 'Verify' }).click();
  await expect(page).not.toHaveURL(/sign-in/);

  // A second browser signs in too: two sessions, this one marked; signing out the other ends it there.
  const other = await (await browser.newContext()).newPage();
  await signInWithCode(other, who, secret);
  await page.goto('/settings/sessions');
  await expect(page.getByTestId('session-row')).toHaveCount(2);
  await expect(page.locator('[data-testid="session-row"][data-current="true"]')).toHaveCount(1);
  await page.getByTestId('revoke-other-sessions').click();
  await page.getByRole('button', { name: 'Sign out others' }).click();
  await expect(page.getByText('Signed out 1 other session')).toBeVisible();
  await expect(page.getByTestId('session-row')).toHaveCount(1);

  await other.goto('/settings/profile');
  await expect(other).toHaveURL(/sign-in/);
  await other.context().close();

  // This session still works.
  await page.goto('/settings/permissions');
  await expect(page.locator('[data-testid="permission-row"][data-permission="token.manage"]').first()).toBeVisible();
  await context.close();
});
