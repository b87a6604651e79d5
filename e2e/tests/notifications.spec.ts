import { expect, test } from '@playwright/test';
import { createUserAsAdmin, signIn, trpc, uniqueName } from './fixtures';

/**
 * Issue 8's notification centre: a user tunes their preferences (mentions by
 * daily digest, workflow messages not in the app), an admin in another
 * browser assigns them a task and their bell counts it live, without a
 * reload; they mark everything read. The admin's outbox shows the email.
 */
test('preferences, a live bell when a task is assigned, and mark all read', async ({ browser }) => {
  test.setTimeout(240_000);
  const adminContext = await browser.newContext();
  const userContext = await browser.newContext();
  const adminPage = await adminContext.newPage();
  const userPage = await userContext.newPage();

  // The admin creates the user (an admin too, so they can see whatever they are assigned).
  await signIn(adminPage);
  const { email, password } = await createUserAsAdmin(adminPage, 'Notified', { globalRoles: ['Admin'] });

  // Their preferences: mentions in the daily digest, workflow messages not in the app.
  await signIn(userPage, { email, password });
  await userPage.goto('/settings/notifications');
  const mention = userPage.locator('[data-testid="pref-row"][data-kind="mention"]');
  await mention.getByTestId('pref-email').click();
  await userPage.getByRole('option', { name: 'Daily digest' }).click();
  await expect(userPage.getByText('Saved for Mentions')).toBeVisible();
  await expect(mention).toHaveAttribute('data-email', 'daily');
  const workflow = userPage.locator('[data-testid="pref-row"][data-kind="workflow"]');
  await workflow.getByTestId('pref-in-app').click();
  await expect(workflow).toHaveAttribute('data-in-app', 'false');
  await userPage.reload();
  await expect(mention).toHaveAttribute('data-email', 'daily');
  await expect(workflow).toHaveAttribute('data-in-app', 'false');
  await expect(workflow).toHaveAttribute('data-email', 'immediate');

  // A new user's bell is quiet; the stream is open.
  await userPage.goto('/notifications');
  const bell = userPage.getByTestId('notification-bell');
  await expect(bell).toHaveAttribute('data-unread', '0');
  await expect(bell).toHaveAttribute('data-live', 'true');

  // From the other browser, the admin assigns them a task on Demo governance.
  await adminPage.goto('/workspaces');
  await adminPage.getByRole('link', { name: 'Demo governance' }).first().click();
  await expect(adminPage).toHaveURL(/\/workspaces\/[^/?]+/);
  const workspaceId = new URL(adminPage.url()).pathname.split('/')[2]!;
  const ref = { resourceType: 'workspace', resourceId: workspaceId };
  const people = await trpc<{ items: { id: string; email: string }[] }>(adminPage, 'comment.mentionable', { ...ref, q: email }, 'query');
  const assignee = people.items.find((p) => p.email === email)!;
  const title = uniqueName('Review the retention policy');
  await trpc(adminPage, 'task.create', { ...ref, title, assigneeUserId: assignee.id }, 'mutation');

  // The bell counts it live, and the open list shows it, without a reload.
  await expect(bell).toHaveAttribute('data-unread', '1', { timeout: 15_000 });
  const item = userPage.getByTestId('notification-item').filter({ hasText: title });
  await expect(item).toBeVisible({ timeout: 15_000 });
  await expect(item).toHaveAttribute('data-unread', 'true');

  // The task is in their inbox as a todo they can move.
  await userPage.goto('/tasks');
  const row = userPage.locator(`[data-testid="task-row"][data-title="${title}"]`);
  await expect(row).toHaveAttribute('data-kind', 'todo', { timeout: 30_000 });
  await row.getByTestId('todo-status').click();
  await userPage.getByRole('option', { name: 'In progress' }).click();
  await expect(userPage.getByText(`“${title}” is now In progress`)).toBeVisible();
  await expect(row).toHaveAttribute('data-status', 'in_progress');

  // Mark all read: the count clears.
  await userPage.goto('/notifications');
  await userPage.getByTestId('mark-all-read').first().click();
  await expect(userPage.getByText('All notifications marked read')).toBeVisible();
  await expect(bell).toHaveAttribute('data-unread', '0');
  await expect(userPage.getByTestId('notification-item').filter({ hasText: title })).not.toHaveAttribute('data-unread', 'true');

  // The admin's outbox has the email (kept, not sent: no SMTP here).
  await adminPage.goto('/admin/outbox');
  await expect(adminPage.getByTestId('smtp-banner')).toContainText('SMTP not configured: emails are kept here, not sent');
  const emailRow = adminPage.locator('[data-testid="email-row"]').filter({ hasText: title });
  await expect(emailRow).toBeVisible();
  await emailRow.click();
  await expect(adminPage.getByTestId('email-text')).toContainText(title);

  await adminContext.close();
  await userContext.close();
});
