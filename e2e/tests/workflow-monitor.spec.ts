import { expect, test } from '@playwright/test';
import { signIn, trpc, uniqueName } from './fixtures';

/**
 * Monitoring a run live: a short workflow (delay → approval → notify) started through the
 * API; its execution page colours the graph live, the approval is decided inline, the
 * timeline and logs fill in, the execution shows in the run history, the task moves to
 * Decided in the inbox, and the notification lands in the bell.
 */
test('watch an execution live, approve inline, then find it in history, tasks and the bell', async ({
  page,
}) => {
  test.setTimeout(240_000);
  await signIn(page);
  const name = uniqueName('Monitor');
  const workspaces = await trpc<{ items: { id: string; name: string }[] }>(
    page,
    'workspace.list',
    { limit: 100 },
    'query',
  );
  const workspace = workspaces.items[0]!;
  const workflow = await trpc<{ id: string }>(
    page,
    'workflow.create',
    {
      workspaceId: workspace.id,
      name,
      definition: {
        steps: [
          { id: 'pause', type: 'delay', config: { ms: 1500 } },
          {
            id: 'ok',
            name: 'Sign off',
            type: 'approval',
            dependsOn: ['pause'],
            config: { title: `${name} sign-off`, assigneeRole: 'owner' },
          },
          {
            id: 'tell',
            type: 'notify',
            dependsOn: ['ok'],
            config: { title: `${name} done`, toStarter: true },
          },
        ],
      },
    },
    'mutation',
  );
  const { id } = await trpc<{ id: string }>(
    page,
    'workflow.execute',
    { id: workflow.id, params: {} },
    'mutation',
  );

  await page.goto(`/workflows/executions/${id}`);
  const view = page.getByTestId('execution-page');
  const dagNode = (stepId: string) =>
    page.locator(`[data-testid="dag-node"][data-step-id="${stepId}"]`);
  await expect(view).toBeVisible({ timeout: 60_000 });
  await expect(dagNode('pause')).toBeVisible();
  // The approval parks the run: the graph shows it waiting without a reload.
  await expect(dagNode('ok')).toHaveAttribute('data-status', 'waiting', { timeout: 60_000 });
  await expect(dagNode('pause')).toHaveAttribute('data-status', 'succeeded');
  await expect(dagNode('tell')).toHaveAttribute('data-status', 'pending');
  await expect(page.getByTestId('execution-progress')).toHaveAttribute('data-done', '1');

  // Step detail: clicking a node selects it.
  await dagNode('pause').click();
  await expect(page.getByTestId('step-detail')).toHaveAttribute('data-step-id', 'pause');
  await expect(page.getByTestId('step-output')).toContainText('waitedMs');

  // Approve inline; the live view finishes by itself.
  const approval = page.getByTestId('approval-panel').first();
  await approval.getByTestId('approve-task').click();
  await expect(page.getByText(/Approved “/)).toBeVisible();
  await expect(view).toHaveAttribute('data-status', 'succeeded', { timeout: 60_000 });
  await expect(dagNode('tell')).toHaveAttribute('data-status', 'succeeded');
  await expect(page.getByTestId('execution-progress')).toHaveAttribute('data-done', '3');

  // Timeline: one bar per step, the approval drawn as waiting.
  await page.getByTestId('tab-timeline').click();
  await expect(page.getByTestId('gantt-row')).toHaveCount(3);
  await expect(
    page.locator('[data-testid="gantt-row"][data-step-id="ok"] [data-segment="wait"]').first(),
  ).toBeVisible();

  // Logs: the whole execution's lines.
  await page.getByTestId('tab-logs').click();
  await expect(page.getByTestId('log-line').first()).toBeVisible();

  // Run history, filtered to this workflow.
  await page.goto(`/workflows/executions?workflow=${workflow.id}`);
  const row = page.getByTestId('execution-row').first();
  await expect(row).toHaveAttribute('data-status', 'succeeded');
  await expect(row).toContainText(name);

  // The inbox: no longer open, decided by the admin.
  await page.goto('/tasks?view=decided');
  const decided = page.locator(`[data-testid="task-row"][data-title="${name} sign-off"]`);
  await expect(decided).toHaveAttribute('data-status', 'approved');

  // The bell counts the notification and lists it; marking it read clears the count.
  const bell = page.getByTestId('notification-bell');
  await expect(bell).not.toHaveAttribute('data-unread', '0', { timeout: 35_000 });
  await bell.click();
  const item = page.getByTestId('notification-item').filter({ hasText: `${name} done` });
  await expect(item).toBeVisible();
  await item.getByTestId('mark-read').click();
  await expect(item).not.toHaveAttribute('data-unread', 'true');
});
