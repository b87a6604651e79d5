import { expect, type Locator, type Page, test } from '@playwright/test';
import { signIn, trpc, uniqueName } from './fixtures';

interface SavedWidget {
  id: string;
  x: number;
  y: number;
  w: number;
  h: number;
}
interface SavedDashboard {
  id: string;
  name: string;
  version: number;
  widgets: SavedWidget[];
}

/** Presses at the centre of `handle`, moves by (dx, dy) in small steps as a hand would, and lets go. */
async function dragBy(page: Page, handle: Locator, dx: number, dy: number) {
  const box = (await handle.boundingBox())!;
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x + dx, y + dy, { steps: 12 });
  await page.mouse.up();
}

/**
 * Editing a dashboard's layout in the browser: a widget dragged by its handle
 * to another column and another resized from its corner are saved as the new
 * layout. Then a second edit started from an old version is refused when
 * someone else saved first: the toast says so and its Reload shows their version.
 */
test('move and resize widgets, save the layout, and be told when someone else saved first', async ({ page }) => {
  test.setTimeout(300_000);
  await page.setViewportSize({ width: 1400, height: 1000 });
  await signIn(page);
  const name = uniqueName('Layout');
  const created = await trpc<SavedDashboard>(
    page,
    'dashboard.create',
    {
      name,
      widgets: [
        { id: 'open', type: 'kpi', title: 'Open findings', metric: 'findings.open', x: 0, y: 0, w: 3, h: 2 },
        { id: 'posture', type: 'kpi', title: 'Posture', metric: 'posture.score', x: 3, y: 0, w: 3, h: 2 },
      ],
    },
    'mutation',
  );
  await page.goto(`/dashboards/${created.id}`);
  const grid = page.getByTestId('dashboard-grid');
  await expect(grid.getByTestId('widget')).toHaveCount(2);
  await page.getByTestId('edit-dashboard').click();
  await expect(grid).toHaveAttribute('data-editing', 'true');

  const column = (await grid.boundingBox())!.width / 12;
  const item = (id: string) => grid.locator('.react-grid-item', { has: page.locator(`[data-widget-id="${id}"]`) });
  // "Open findings" to the right of "Posture": seven columns on.
  await dragBy(page, item('open').locator('.widget-drag-handle'), column * 7, 0);
  // "Posture" two columns wider and one row taller, from its bottom-right corner.
  await dragBy(page, item('posture').locator('.react-resizable-handle'), column * 2, 88);
  await page.screenshot({ path: '/tmp/shots/dashboard-editing.png' });
  await page.getByTestId('save-dashboard').click();
  await expect(page.getByText('Dashboard saved')).toBeVisible();

  const saved = await trpc<SavedDashboard>(page, 'dashboard.get', { id: created.id }, 'query');
  const at = Object.fromEntries(saved.widgets.map((w) => [w.id, w]));
  expect(at.open!.x).toBeGreaterThanOrEqual(6);
  expect(at.open!.w).toBe(3);
  expect(at.posture).toMatchObject({ w: 5, h: 3 });
  expect(saved.version).toBe(created.version + 1);
  // After a reload the grid shows the saved layout: "Posture" now leftmost of the two.
  await page.reload();
  const left = async (id: string) => (await item(id).boundingBox())!.x;
  await expect.poll(async () => (await left('posture')) < (await left('open'))).toBe(true);

  // ── someone else saves while this edit is open ──
  await page.getByTestId('edit-dashboard').click();
  await dragBy(page, item('open').locator('.widget-drag-handle'), -column * 6, 0);
  await trpc(page, 'dashboard.update', { id: created.id, version: saved.version, name: `${name} (theirs)` }, 'mutation');
  await page.getByTestId('save-dashboard').click();
  const conflict = page.getByText('Someone else saved this dashboard first');
  await expect(conflict).toBeVisible();
  await page.getByRole('button', { name: 'Reload' }).click();
  await expect(page.getByRole('heading', { name: `${name} (theirs)` })).toBeVisible();
  await expect(page.getByTestId('edit-dashboard')).toBeVisible();
  // Their version stands; this edit was not saved.
  const after = await trpc<SavedDashboard>(page, 'dashboard.get', { id: created.id }, 'query');
  expect(after.version).toBe(saved.version + 1);
  expect(after.widgets.find((w) => w.id === 'open')!.x).toBe(at.open!.x);
});
