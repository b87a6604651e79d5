/**
 * The scene both model-engine tests ask about: a workspace source whose
 * viewer may read it, and a restricted source outside any workspace that only
 * global readers (an admin) see; both hold a PII.Email column.
 */
import type { AskEvent, AskInput, Engine, PageContext, ToolContext } from '../src/ai/types';
import { catalogPeople, makeSource, short } from './catalog-scene';
import { testDeps } from './harness';

export async function modelScene() {
  const deps = await testDeps();
  const people = await catalogPeople(deps);
  const tag = short();
  const shop = await makeSource(deps, {
    name: `shop-${tag}`,
    workspaceId: people.ws.id,
    environment: 'prod',
    tables: [{ name: `customers_${tag}`, columns: { id: [], customer_email: ['PII.Email'] } }],
  });
  const vault = await makeSource(deps, {
    name: `vault-${tag}`,
    environment: 'prod',
    tables: [{ name: `staff_${tag}`, columns: { id: [], work_email: ['PII.Email'] } }],
  });
  const ctxFor = (
    who: { actor: ToolContext['actor']; access: ToolContext['access'] },
    page: PageContext = {},
  ): ToolContext => ({ deps, actor: who.actor, access: who.access, page });
  return { deps, ...people, tag, shop, vault, ctxFor };
}

/** Runs an engine to its end and returns every event it emitted, in order. */
export async function ask(
  engine: Engine,
  ctx: ToolContext,
  question: string,
  history: AskInput['history'] = [],
): Promise<AskEvent[]> {
  const events: AskEvent[] = [];
  await engine(ctx, { question, history }, (e) => events.push(e));
  return events;
}

export const textOf = (events: AskEvent[]) =>
  events.flatMap((e) => (e.type === 'text' ? [e.delta] : [])).join('');
