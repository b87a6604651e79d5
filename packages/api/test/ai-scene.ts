/**
 * Two really scanned copies of the demo shop: one in a workspace where the
 * viewer is a member ("open"), one in a workspace the viewer has no grant on
 * ("closed", in prod). Both have customers.email; only the ids tell them apart.
 */
import { type Actor, executeScanRun, runScan, systemActor } from '@racine/services';
import { makeWorkspace, personWith, testDeps } from './harness';
import { demoPath } from './source-scene';

async function scannedSource(workspaceId: string, name: string, environment: 'dev' | 'prod', actor: Actor) {
  const { deps } = await testDeps();
  const ruleSet = await deps.db.scanRuleSet.findUniqueOrThrow({ where: { key: 'all' } });
  const source = await deps.db.dataSource.create({ data: { name, engine: 'sqlite', database: demoPath, workspaceId, environment } });
  const scan = await deps.db.scan.create({ data: { name: 'full', dataSourceId: source.id, ruleSetId: ruleSet.id } });
  const run = await runScan(deps, actor, scan.id);
  await executeScanRun(deps, run.id);
  const assets = await deps.db.asset.findMany({ where: { dataSourceId: source.id }, select: { id: true, qualifiedName: true, name: true, type: true, parent: { select: { name: true } } } });
  const column = (table: string, col: string) => assets.find((a) => a.type === 'column' && a.name === col && a.parent?.name === table)!;
  return { source, scan, run, assets, column };
}

export async function aiScene() {
  const { deps } = await testDeps();
  const tag = crypto.randomUUID().slice(0, 8);
  const [admin, viewer, closedOwner] = await Promise.all([personWith(['admin']), personWith(['viewer']), personWith(['viewer'])]);
  const openWs = await makeWorkspace(deps.db, { ownerId: admin.user.id, members: [{ userId: viewer.user.id, role: 'viewer' }] });
  const closedWs = await makeWorkspace(deps.db, { ownerId: closedOwner.user.id });
  const [open, closed] = await Promise.all([
    scannedSource(openWs.id, `aishop-${tag}`, 'dev', systemActor),
    scannedSource(closedWs.id, `aivault-${tag}`, 'prod', systemActor),
  ]);
  return { deps, tag, admin, viewer, closedOwner, openWs, closedWs, open, closed };
}

type Caller = Awaited<ReturnType<typeof personWith>>['caller'];

/** Asks through the real subscription and collects every event until done. */
export async function askAll(caller: Caller, input: { question: string; conversationId?: string; page?: Record<string, string> }) {
  const stream = (await caller.ai.ask(input)) as AsyncIterable<[string, { type: string; [k: string]: unknown }]>;
  const events: { id: string; event: { type: string; [k: string]: unknown } }[] = [];
  for await (const [id, event] of stream) {
    events.push({ id, event });
    if (event.type === 'done') break;
  }
  const text = events.filter((e) => e.event.type === 'text').map((e) => e.event.delta as string).join('');
  const results = events.filter((e) => e.event.type === 'tool-result').map((e) => e.event.call as { id: string; tool: string; input: unknown; output?: unknown; status: string; error?: string });
  const links = events.filter((e) => e.event.type === 'links').flatMap((e) => e.event.links as { label: string; href: string }[]);
  const suggestions = events.filter((e) => e.event.type === 'suggestions').flatMap((e) => e.event.questions as string[]);
  const start = events[0]!.event as unknown as { conversationId: string; messageId: string; mode: string };
  return { events, text, results, links, suggestions, start };
}
