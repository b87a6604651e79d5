import { expect, type Page } from '@playwright/test';
import { admin } from '../playwright.config';

export { admin };
export const uniqueName = (prefix: string) => `${prefix} ${Math.random().toString(36).slice(2, 8)}`;

/** Signs in through the real sign-in page, as a person would. */
export async function signIn(page: Page, who: { email: string; password: string } = admin) {
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(who.email);
  await page.getByLabel('Password').fill(who.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page).not.toHaveURL(/sign-in/);
}
