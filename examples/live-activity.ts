/**
 * Racine from another program: create a workspace, then follow the live
 * activity log until Ctrl-C.
 *
 *   RACINE_TOKEN=rcn_… npm run live-activity -w @racine/examples
 *
 * RACINE_URL   the app's base URL (default http://localhost:3000)
 * RACINE_TOKEN an API token: in the app, Settings → API tokens → New token
 *              (shown once; it acts as you, with your permissions)
 * RACINE_WORKSPACE_NAME  name of the workspace to create (default "Live activity example <time>")
 *
 * See README.md in this folder.
 */
import { createRacineClient } from '@racine/api/client';

const url = process.env.RACINE_URL ?? 'http://localhost:3000';
const token = process.env.RACINE_TOKEN;

if (!token) {
  console.error(`RACINE_TOKEN is not set.

Create an API token in the Racine app (${url}/settings/tokens: Settings → API tokens → New token),
copy it (it is shown only once), then run:

  RACINE_TOKEN=rcn_… npm run live-activity -w @racine/examples`);
  process.exit(2);
}

const client = createRacineClient({ url, token });

/** A tRPC error as one readable line: "FORBIDDEN: You need the workspace.create permission". */
function describe(error: unknown): string {
  // A TRPCClientError carries the server's code in data.code (duck-typed: this example depends only on @racine/api).
  const code = (error as { data?: { code?: string } } | null)?.data?.code;
  if (code) return `${code}: ${(error as Error).message}`;
  for (let e = error as { cause?: unknown; code?: unknown } | undefined; e; e = e.cause as typeof e)
    if (e.code === 'ECONNREFUSED' || e.code === 'ENOTFOUND') return `cannot reach ${url} (is the app running? set RACINE_URL)`;
  return error instanceof Error ? error.message : String(error);
}

const time = (d: Date) => d.toISOString().slice(11, 23);

async function main() {
  // Who am I? A cheap call that fails early and clearly on a bad token or URL.
  const me = await client.user.me.query();
  console.log(`Connected to ${url} as ${me.name} <${me.email}>`);

  // The newest event we can see now. Streaming from just after it (lastEventId) shows our own
  // workspace.created below, with no race between creating and subscribing.
  const newest = await client.activity.list.query({ limit: 1 });
  const lastEventId = newest.items[0]?.id ?? null;

  const name = process.env.RACINE_WORKSPACE_NAME ?? `Live activity example ${new Date().toISOString().slice(0, 19).replace('T', ' ')}`;
  try {
    const workspace = await client.workspace.create.mutate({ name, description: 'Created by examples/live-activity.ts' });
    console.log('Created workspace:');
    console.log(JSON.stringify({ id: workspace.id, slug: workspace.slug, name: workspace.name, environment: workspace.environment, owner: workspace.owner.email, createdAt: workspace.createdAt }, null, 2));
  } catch (error) {
    // Creating needs the workspace.create permission (Steward or Admin); streaming only needs a token.
    console.error(`Could not create a workspace (${describe(error)}); streaming anyway.`);
  }

  console.log('\nLive activity (Ctrl-C to stop):');
  let lost = false;
  const subscription = client.activity.stream.subscribe(
    // Everything you may see. Narrow it with { workspaceId } or a type prefix such as { type: 'workspace.' }.
    { lastEventId },
    {
      onData: ({ id, data: event }) => {
        const who = `${event.actorName ?? event.actorType}${event.actorType === 'token' ? ' (API token)' : ''}`;
        const what = event.resourceType ? ` ${event.resourceType}${event.resourceId ? ` ${event.resourceId}` : ''}` : '';
        const status = event.status === 'failure' ? ' [FAILED]' : '';
        console.log(`#${id} ${time(event.occurredAt)} ${event.type}${status} by ${who}${what}`);
      },
      onError: (error) => {
        console.error(`Stream error: ${describe(error)}`);
        process.exit(1);
      },
      onConnectionStateChange: (state) => {
        // The client reconnects by itself and resumes right after the last event it received.
        if (state.state === 'connecting' && state.error) {
          if (!lost) console.error(`Connection lost (${state.error.message}); reconnecting…`);
          lost = true;
        } else if (state.state === 'pending' && lost) {
          console.error('Reconnected; resuming after the last event received.');
          lost = false;
        }
      },
    },
  );

  await new Promise<void>((resolve) => process.once('SIGINT', resolve));
  subscription.unsubscribe();
  console.log('\nStopped.');
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(describe(error));
    process.exit(1);
  },
);
