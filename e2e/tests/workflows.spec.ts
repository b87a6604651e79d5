import { expect, type Locator, type Page, test } from '@playwright/test';
import { signIn, uniqueName } from './fixtures';

/** The canvas node of a step. */
const node = (page: Page, stepId: string) =>
  page.getByTestId('workflow-canvas').locator(`[data-testid="step-node"][data-step-id="${stepId}"]`);

/** Drags a palette item onto the canvas at (x, y) within it: real HTML5 drag and drop. */
async function dropStep(page: Page, type: string, at: { x: number; y: number }) {
  const before = Number(await page.getByTestId('workflow-canvas').getAttribute('data-steps'));
  await page
    .getByTestId('palette-item')
    .and(page.locator(`[data-type="${type}"]`))
    .dragTo(page.getByTestId('workflow-canvas'), { targetPosition: at });
  await expect(page.getByTestId('workflow-canvas')).toHaveAttribute('data-steps', String(before + 1));
}

/** Connects two nodes by dragging from the first's out-handle to the second's in-handle, with the mouse. */
async function connectByDrag(page: Page, from: Locator, to: Locator) {
  const a = await from.getByTestId('step-handle-out').boundingBox();
  const b = await to.getByTestId('step-handle-in').boundingBox();
  if (!a || !b) throw new Error('handles not on screen');
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await page.mouse.down();
  await page.mouse.move((a.x + b.x) / 2, (a.y + b.y) / 2, { steps: 8 });
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 8 });
  await page.mouse.up();
}

/** Picks an option of one of the panel's selects (Radix select: a trigger, then a listbox). */
async function pick(page: Page, trigger: Locator, option: string | RegExp) {
  await trigger.click();
  await page.getByRole('option', { name: option }).first().click();
}

/**
 * Issue 5 end to end, as a steward would walk it: compose "Data discovery"
 * on the canvas from a blank workflow (scan → auto-accept → evaluate →
 * approval → notify; dragged from the palette, connected by dragging
 * handles, and added from the palette after the selected step), configure
 * it on the demo source, validate, save, run it, approve its approval step,
 * watch the canvas go green live, then check what it produced: accepted
 * labels, compliance findings and the notification in the bell.
 */
// A builder wants room: palette, canvas and side panel side by side.
test.use({ viewport: { width: 1440, height: 900 } });

test('build Data discovery on the canvas, run it, approve, and see its results', async ({ page, context }) => {
  test.setTimeout(300_000);
  await signIn(page);
  const name = uniqueName('Data discovery');

  // ── a new, blank workflow ──
  await page.goto('/workflows');
  await page.getByTestId('new-workflow').click();
  const dialog = page.getByTestId('new-workflow-dialog');
  await dialog.locator('[data-testid="template-option"][data-key="__blank__"]').click();
  // The Demo shop belongs to the demo workspace; the dialog starts on the first one, which other specs may have added.
  await pick(page, dialog.getByLabel('Workspace'), 'Demo governance');
  await dialog.getByLabel('Name').fill(name);
  await dialog.getByTestId('new-workflow-submit').click();
  await expect(page).toHaveURL(/\/workflows\/new\?/);
  const canvas = page.getByTestId('workflow-canvas');
  await expect(page.getByTestId('palette-item').first()).toBeVisible({ timeout: 30_000 });
  await expect(canvas).toHaveAttribute('data-steps', '0');

  // ── scan and auto-accept dragged onto the canvas, connected by dragging between handles ──
  await dropStep(page, 'scan.run', { x: 130, y: 90 });
  await dropStep(page, 'classification.autoAccept', { x: 420, y: 260 });
  await connectByDrag(page, node(page, 'scan_run'), node(page, 'classification_autoaccept'));
  await expect(canvas).toHaveAttribute('data-edges', '1');

  // ── the rest added from the palette after the selected step (the keyboard path) ──
  await node(page, 'classification_autoaccept').click();
  await page.getByTestId('palette-item').and(page.locator('[data-type="compliance.evaluate"]')).click();
  await expect(page.getByTestId('step-panel')).toHaveAttribute('data-step-id', 'compliance_evaluate');
  await page.getByTestId('palette-item').and(page.locator('[data-type="approval"]')).click();
  await expect(page.getByTestId('step-panel')).toHaveAttribute('data-step-id', 'approval');
  await page.getByTestId('palette-item').and(page.locator('[data-type="notify"]')).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('step-panel')).toHaveAttribute('data-step-id', 'notify');
  await expect(canvas).toHaveAttribute('data-steps', '5');
  await expect(canvas).toHaveAttribute('data-edges', '4');
  await page.getByTestId('auto-layout').click();

  // ── validating now names what is missing, on the node and the field ──
  await page.getByTestId('validate').click();
  await expect(page.getByTestId('issue-count')).toBeVisible();
  await expect(node(page, 'classification_autoaccept')).toHaveAttribute('data-invalid', 'true');

  // ── configure each step in its side panel ──
  const panel = page.getByTestId('step-panel');
  const configure = async (stepId: string) => {
    await node(page, stepId).click();
    await expect(panel).toHaveAttribute('data-step-id', stepId);
  };
  const field = (f: string) => panel.locator(`[data-testid="config-field"][data-field="${f}"]`);
  for (const stepId of ['scan_run', 'classification_autoaccept', 'compliance_evaluate']) {
    await configure(stepId);
    await pick(page, field('dataSourceId').getByRole('combobox'), /^Demo shop/);
  }
  await configure('classification_autoaccept');
  await field('minConfidence').getByRole('textbox').fill('0.8');
  await configure('approval');
  await field('title').getByRole('textbox').fill('Review the discovered data');
  await field('assigneeRole').getByRole('textbox').fill('admin');
  await configure('notify');
  await field('title').getByRole('textbox').fill(`${name} finished`);
  await field('body').getByRole('textbox').fill('{{ steps.classification_autoaccept.accepted }} labels accepted');
  await field('toStarter').getByRole('switch').click();

  await page.getByTestId('validate').click();
  await expect(page.getByTestId('valid')).toBeVisible();
  await page.getByTestId('save').click();
  await expect(page.getByText('Saved version 1')).toBeVisible();
  await expect(page).toHaveURL(/\/workflows\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId('workflow-version')).toHaveText('v1');
  await expect(canvas).toHaveAttribute('data-steps', '5');

  // ── run it and watch the canvas live ──
  await page.getByTestId('run').click();
  await page.getByTestId('run-start').click();
  await expect(page.getByTestId('live-run')).toBeVisible();
  await expect(node(page, 'scan_run')).toHaveAttribute('data-status', /running|waiting|succeeded/, { timeout: 60_000 });
  await expect(node(page, 'approval')).toHaveAttribute('data-status', 'waiting', { timeout: 120_000 });
  for (const stepId of ['scan_run', 'classification_autoaccept', 'compliance_evaluate'])
    await expect(node(page, stepId)).toHaveAttribute('data-status', 'succeeded');
  await expect(node(page, 'notify')).toHaveAttribute('data-status', 'pending');

  // ── approve it from the execution page, in a second tab, while the builder keeps watching ──
  const executionHref = await page.getByTestId('open-execution').getAttribute('href');
  expect(executionHref).toMatch(/^\/workflows\/executions\/[0-9a-f-]{36}$/);
  const approver = await context.newPage();
  await approver.goto(executionHref!);
  const approval = approver.getByTestId('approval-panel');
  await expect(approval).toBeVisible({ timeout: 30_000 });
  await approval.getByTestId('approve-task').click();
  await expect(approver.getByText('Approved “Review the discovered data”')).toBeVisible();
  await approver.close();

  // ── the builder's canvas finishes live, every node green ──
  await expect(page.getByTestId('live-run')).toHaveAttribute('data-status', 'succeeded', { timeout: 60_000 });
  for (const stepId of ['scan_run', 'classification_autoaccept', 'compliance_evaluate', 'approval', 'notify'])
    await expect(node(page, stepId)).toHaveAttribute('data-status', 'succeeded');

  // ── what it produced: accepted labels on the demo source ──
  await page.goto('/datasources');
  await page.getByTestId('datasource-link').filter({ hasText: /^Demo shop$/ }).click();
  await expect(page.getByTestId('datasource-title')).toContainText('Demo shop');
  const sourceId = /\/datasources\/([0-9a-f-]{36})/.exec(page.url())![1];
  await page.goto(`/classifications?source=${sourceId}`);
  const queue = page.getByTestId('review-queue');
  await expect(queue.getByTestId('state-tab-accepted')).toContainText(/[1-9]/, { timeout: 20_000 });

  // ── compliance findings opened by the evaluation ──
  await page.goto('/compliance/findings');
  const board = page.getByTestId('findings-board');
  await expect(board).toHaveAttribute('data-settled', 'true');
  await expect(board.getByTestId('finding-row').filter({ hasText: 'Demo shop' }).first()).toBeVisible();

  // ── and the notification in the bell ──
  const bell = page.getByTestId('notification-bell');
  await expect(bell).toBeVisible();
  await bell.click();
  await expect(page.getByTestId('notification-item').filter({ hasText: `${name} finished` })).toBeVisible();
});
