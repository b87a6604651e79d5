import { expect, test } from '@playwright/test';
import { createRacineClient } from '@racine/api/client';
import { signIn, uniqueName } from './fixtures';

test('a token made in Settings drives the typed client, whose changes stream live', async ({ page, baseURL }) => {
  await signIn(page);
  await page.goto('/settings/tokens');
  await page.getByTestId('create-token').click();
  const dialog = page.getByTestId('create-token-dialog');
  await dialog.getByLabel('Name').fill(uniqueName('e2e client'));
  await dialog.getByRole('button', { name: 'Create token' }).click();
  const token = await dialog.getByTestId('new-token-value').inputValue();
  expect(token).toMatch(/^rcn_/);

  const client = createRacineClient({ url: baseURL!, token });
  const me = await client.user.me.query();
  expect(me.email).toBe('admin@racine.test');

  const head = (await client.activity.list.query({ limit: 1 })).items[0]!.id;
  const name = uniqueName('From the client');
  const streamed = new Promise<string>((resolve, reject) => {
    const sub = client.activity.stream.subscribe(
      { lastEventId: head, type: 'workspace.created' },
      {
        onData: ({ data }) => {
          const created = (data.after as { name?: string } | null)?.name;
          if (created === name) {
            sub.unsubscribe();
            resolve(created);
          }
        },
        onError: reject,
      },
    );
  });
  const ws = await client.workspace.create.mutate({ name, environment: 'staging' });
  expect(ws.environment).toBe('staging');
  expect(await streamed).toBe(name);

  // The browser sees what the client did.
  await page.goto('/workspaces');
  await expect(page.getByText(name).first()).toBeVisible();
});
