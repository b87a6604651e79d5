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

export interface NewUser {
  name: string;
  email: string;
  password: string;
}

/**
 * An admin (signed in on `page`) creates a user on Users & roles, as a person
 * would, and waits for the confirmation. Global roles are the checkboxes'
 * labels ("Admin", "Viewer", …); none ticked leaves the dialog's default.
 */
export async function createUserAsAdmin(page: Page, prefix: string, options: { password?: string; globalRoles?: string[] } = {}): Promise<NewUser> {
  const name = uniqueName(prefix);
  const who = { name, email: `${name.toLowerCase().replace(/\s+/g, '-')}@example.test`, password: options.password ?? `${prefix.toLowerCase()}-password-123456` };
  await page.goto('/admin/users');
  await page.getByTestId('create-user').click();
  const dialog = page.getByTestId('create-user-dialog');
  await dialog.getByLabel('Name').fill(who.name);
  await dialog.getByLabel('Email').fill(who.email);
  await dialog.getByLabel('Initial password').fill(who.password);
  for (const role of options.globalRoles ?? []) await dialog.getByRole('group', { name: 'Global roles' }).getByLabel(role, { exact: true }).check();
  await dialog.getByRole('button', { name: 'Create user' }).click();
  await expect(page.getByText(`${who.name} can now sign in as ${who.email}`)).toBeVisible();
  return who;
}

/** Calls a tRPC procedure over HTTP with the page's session (superjson's envelope, no batching). */
export async function trpc<T>(page: Page, path: string, input: unknown, kind: 'query' | 'mutation'): Promise<T> {
  const body = { json: input };
  const res =
    kind === 'query'
      ? await page.request.get(`/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify(body))}`)
      : await page.request.post(`/api/trpc/${path}`, { data: body });
  if (!res.ok()) throw new Error(`${path}: ${res.status()} ${await res.text()}`);
  return ((await res.json()) as { result: { data: { json: T } } }).result.data.json;
}

/** The seeded Demo shop source's scan, run from the Scans page (again, if another test already did), until it succeeds. */
export async function scanDemoShop(page: Page) {
  await page.goto('/scans');
  const scan = page.getByTestId('scan-card').filter({ hasText: 'Demo shop — all detectors' }).first();
  await scan.getByRole('button', { name: 'Run now' }).click();
  await expect(scan.getByTestId('run-progress')).toHaveAttribute('data-status', 'succeeded', { timeout: 120_000 });
}
