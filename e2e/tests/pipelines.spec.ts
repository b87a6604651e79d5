import { expect, type Page, test } from '@playwright/test';
import { scanDemoShop, signIn, uniqueName } from './fixtures';

/** New pipeline from a template on the Demo shop; ends on its page. */
async function createPipeline(page: Page, template: string, name: string) {
  await page.goto('/pipelines');
  await page.getByTestId('new-pipeline').click();
  const dialog = page.getByTestId('create-pipeline-dialog');
  await dialog.getByTestId(`pipeline-template-${template}`).click();
  await expect(dialog.getByTestId(`pipeline-template-${template}`)).toHaveAttribute(
    'aria-checked',
    'true',
  );
  // The Demo shop lives in the demo workspace; the dialog starts on the current one, which other specs may have changed.
  await dialog.getByTestId('pipeline-workspace').click();
  await page.getByRole('option', { name: 'Demo governance', exact: true }).click();
  await dialog.getByTestId('pipeline-source').click();
  await page.getByRole('option', { name: 'Demo shop', exact: true }).click();
  await dialog.getByLabel('Name').fill(name);
  await dialog.getByTestId('create-pipeline-submit').click();
  await expect(page).toHaveURL(/\/pipelines\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId('pipeline-title')).toContainText(name);
}

/**
 * A pipeline as a steward sets one up: scan the seeded Demo shop so its tables
 * are catalogued, create a pipeline from a template on that source, tune a
 * stage (the server's validation lands under the field), run it and watch
 * each stage fill live, then read its metrics and health.
 */
test('create a pipeline from a template, run it live, see its metrics and health', async ({
  page,
}) => {
  test.setTimeout(300_000);
  await signIn(page);

  await scanDemoShop(page);

  // ── new pipeline from the "Ingest, classify, check and publish" template ──
  const name = uniqueName('Demo shop pipeline');
  await createPipeline(page, 'governed-publish', name);
  await expect(page.getByTestId('pipeline-health')).toHaveAttribute('data-health', 'unknown');

  // ── the stages: five, in the template's order; a bad batch size is refused by the server ──
  const stages = page.getByTestId('stage-editor');
  await expect(stages).toHaveCount(5);
  await expect(stages.nth(0)).toHaveAttribute('data-kind', 'ingest');
  await expect(stages.nth(4)).toHaveAttribute('data-kind', 'publish');
  const batch = stages.nth(0).getByLabel('Batch size');
  await batch.fill('1000');
  await page.getByTestId('save-stages').click();
  await expect(stages.nth(0).getByRole('alert')).toContainText('500');
  await expect(page.getByText('The pipeline was not saved')).toBeVisible();
  await batch.fill('20');
  await page.getByTestId('save-stages').click();
  await expect(page.getByText('Saved version 2')).toBeVisible();
  await expect(page.getByTestId('save-stages')).toBeDisabled();

  // ── run it: the run view fills live (only pipeline.watchRun moves the status) ──
  // Every status the run view shows, recorded from before the click (the view is a client-side navigation).
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { __states: string[] }).__states = seen;
    new MutationObserver(() => {
      const s = document.querySelector('[data-testid="run-status"]')?.getAttribute('data-status');
      if (s && seen.at(-1) !== s) seen.push(s);
    }).observe(document.body, {
      subtree: true,
      childList: true,
      attributes: true,
      attributeFilter: ['data-status'],
    });
  });
  await page.getByTestId('run-pipeline').click();
  await expect(page).toHaveURL(/\/pipelines\/runs\/[0-9a-f-]{36}$/);
  const status = page.getByTestId('run-status');
  await expect(status).toHaveAttribute('data-status', 'succeeded', { timeout: 120_000 });
  const states = await page.evaluate(() => (window as unknown as { __states: string[] }).__states);
  // A small source can finish before the view first paints: what was seen must move forward and end succeeded.
  const order = ['queued', 'running', 'succeeded'];
  expect(states.length).toBeGreaterThan(0);
  expect(states.every((st, i) => order.includes(st) && (i === 0 || order.indexOf(st) > order.indexOf(states[i - 1]!)))).toBe(true);
  expect(states.at(-1)).toBe('succeeded');
  const runStages = page.getByTestId('run-stage');
  await expect(runStages).toHaveCount(5);
  for (let i = 0; i < 5; i++) {
    const stage = runStages.nth(i);
    const total = Number(await stage.getAttribute('data-total'));
    expect(total).toBeGreaterThan(0);
    await expect(stage).toHaveAttribute('data-done', String(total));
    await expect(stage).toHaveAttribute('data-dead', '0');
    await expect(stage.getByTestId('run-stage-percent')).toHaveText('100%');
  }

  // ── back on the pipeline: healthy against its SLA, metrics per stage ──
  await page.getByRole('link', { name, exact: true }).click();
  await expect(page.getByTestId('pipeline-health')).toHaveAttribute('data-health', 'healthy');
  await page.getByRole('tab', { name: 'Runs' }).click();
  await expect(page.getByTestId('pipeline-run-row')).toHaveCount(1);
  await expect(
    page.getByTestId('pipeline-run-row').first().getByTestId('pipeline-run-status'),
  ).toHaveText('succeeded');
  await page.getByRole('tab', { name: 'Metrics' }).click();
  const metrics = page.getByTestId('stage-metrics-row');
  await expect(metrics).toHaveCount(5);
  for (let i = 0; i < 5; i++) {
    // Every stage processed items, so it has a throughput and latencies.
    await expect(metrics.nth(i)).not.toContainText('—');
  }
  await expect(
    page.getByTestId('pipeline-metrics').locator('.recharts-bar-rectangle').first(),
  ).toBeVisible();

  // ── and it is listed with its health and last run ──
  await page.goto('/pipelines');
  const row = page.locator(`[data-testid="pipeline-row"][data-name="${name}"]`);
  await expect(row.getByTestId('pipeline-health')).toHaveAttribute('data-health', 'healthy');
  await expect(row.getByTestId('pipeline-run-status')).toHaveText('succeeded');
});

/**
 * The quality gate fails the tables whose nulls breach its threshold: they
 * land in dead letters, reachable from the run view, and go back for another
 * try from there.
 */
test('a quality gate dead-letters the tables that breach it, and retries them', async ({
  page,
}) => {
  test.setTimeout(300_000);
  await signIn(page);
  await scanDemoShop(page);
  const name = uniqueName('Demo shop gate');
  await createPipeline(page, 'quality-gate', name);
  await expect(page.getByTestId('stage-editor')).toHaveCount(2);

  await page.getByTestId('run-pipeline').click();
  await expect(page).toHaveURL(/\/pipelines\/runs\/[0-9a-f-]{36}$/);
  // Dead items make the run fail (the gate has one attempt per item).
  await expect(page.getByTestId('run-status')).toHaveAttribute('data-status', 'failed', {
    timeout: 120_000,
  });
  const gate = page.locator('[data-testid="run-stage"][data-stage="quality"]');
  const dead = Number(await gate.getAttribute('data-dead'));
  expect(dead).toBeGreaterThan(0);
  await expect(gate.getByTestId('run-stage-dead')).toHaveAttribute('data-count', String(dead));

  // ── its dead letters: one row per table, with the check that failed ──
  await gate.getByTestId('run-stage-dead-letters').click();
  await expect(page).toHaveURL(/tab=dead-letters/);
  const rows = page.getByTestId('dead-letter-row');
  await expect(rows).toHaveCount(dead);
  await expect(rows.first()).toContainText('Quality check failed');
  await expect(rows.first()).toHaveAttribute('data-stage', 'quality');

  // ── retry one, then every dead item of the stage ──
  await rows.first().getByRole('checkbox').click();
  await page.getByTestId('retry-selected').click();
  await expect(page.getByText('1 item sent back for another try')).toBeVisible();
  await expect(page.getByText('1 item sent back for another try')).toBeHidden({
    timeout: 20_000,
  });
  await page.getByTestId('retry-stage').click();
  // The one retried just now is dead again or still on its way: either way the stage's others go back.
  await expect(
    page.getByText(new RegExp(`^(${dead - 1}|${dead}) items? sent back for another try$`)),
  ).toBeVisible();
  await expect(page.getByTestId('pipeline-health')).toHaveAttribute('data-health', 'failing');
});
