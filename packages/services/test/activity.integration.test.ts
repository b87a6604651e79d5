import { describe, expect, it } from 'vitest';
import { mutate, recordActivity } from '../src/activity/record';
import { verifyChain } from '../src/activity/verify';
import { AppError } from '../src/errors';
import { person, testDeps } from './harness';

const spec = { type: 'test.touched', category: 'configuration', sourceGroup: 'test', action: 'touch', resourceType: 'test' } as const;

describe('mutate (the one way services change state)', () => {
  it('commits the change and its activity row together, with before/after and duration', async () => {
    const deps = await testDeps();
    const { actor, user } = await person(deps);
    const marker = crypto.randomUUID();
    const result = await mutate(deps, actor, spec, async (tx) => {
      await tx.user.update({ where: { id: user.id }, data: { name: `renamed ${marker}` } });
      return { result: 'ok', resourceId: marker, before: { name: user.name }, after: { name: `renamed ${marker}` } };
    });
    expect(result).toBe('ok');
    const row = await deps.db.activityEvent.findFirstOrThrow({ where: { resourceId: marker } });
    expect(row).toMatchObject({ type: 'test.touched', actorId: user.id, actorType: 'user', status: 'success', before: { name: user.name } });
    expect(row.durationMs).toBeGreaterThanOrEqual(0);
    expect(row.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('rolls back both the change and the row when the body throws', async () => {
    const deps = await testDeps();
    const { actor, user } = await person(deps);
    const marker = crypto.randomUUID();
    await expect(
      mutate(deps, actor, { ...spec, resourceId: marker }, async (tx) => {
        await tx.user.update({ where: { id: user.id }, data: { name: 'should not stick' } });
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect((await deps.db.user.findUniqueOrThrow({ where: { id: user.id } })).name).toBe(user.name);
    expect(await deps.db.activityEvent.count({ where: { resourceId: marker } })).toBe(0);
  });

  it('records a domain refusal as a failure row, then rethrows it', async () => {
    const deps = await testDeps();
    const { actor } = await person(deps);
    const marker = crypto.randomUUID();
    await expect(
      mutate(deps, actor, { ...spec, resourceId: marker }, async () => {
        throw new AppError('CONFLICT', 'already there');
      }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    const row = await deps.db.activityEvent.findFirstOrThrow({ where: { resourceId: marker } });
    expect(row.status).toBe('failure');
    expect(row.details).toMatchObject({ error: { code: 'CONFLICT', message: 'already there' } });
  });

  it('keeps ids unique and the chain linked under concurrent appends', async () => {
    const deps = await testDeps();
    const { actor } = await person(deps);
    const marker = crypto.randomUUID();
    await Promise.all(Array.from({ length: 25 }, (_, i) => recordActivity(deps, actor, { ...spec, resourceId: marker, details: { i } })));
    const rows = await deps.db.activityEvent.findMany({ where: { resourceId: marker }, orderBy: { id: 'asc' } });
    expect(rows).toHaveLength(25);
    expect(new Set(rows.map((r) => r.hash)).size).toBe(25);
    // Every row's predecessor (whatever test wrote it) is the row whose hash it names.
    for (const row of rows) {
      const prev = await deps.db.activityEvent.findFirst({ where: { id: { lt: row.id } }, orderBy: { id: 'desc' } });
      expect(row.prevHash).toBe(prev?.hash);
    }
  });
});

describe('the activity log is tamper-evident', () => {
  it('refuses UPDATE and DELETE', async () => {
    const deps = await testDeps();
    const { actor } = await person(deps);
    const id = await recordActivity(deps, actor, spec);
    await expect(deps.db.$executeRawUnsafe(`UPDATE "ActivityEvent" SET action = 'x' WHERE id = $1`, id)).rejects.toThrow(/append-only/);
    await expect(deps.db.$executeRawUnsafe(`DELETE FROM "ActivityEvent" WHERE id = $1`, id)).rejects.toThrow(/append-only/);
  });

  it('verifyChain finds the first altered row when the trigger is bypassed, and passes again once restored', async () => {
    const deps = await testDeps();
    const { actor } = await person(deps);
    const id = await recordActivity(deps, actor, { ...spec, details: { amount: 10 } });
    await recordActivity(deps, actor, spec);
    const tamper = (amount: number) =>
      deps.db.$transaction(async (tx) => {
        // A superuser can switch triggers off; the hash chain still gives the edit away.
        await tx.$executeRawUnsafe(`SET LOCAL session_replication_role = replica`);
        await tx.$executeRawUnsafe(`UPDATE "ActivityEvent" SET details = jsonb_build_object('amount', $1::int) WHERE id = $2`, amount, id);
      });
    await tamper(1_000_000);
    try {
      const report = await verifyChain(deps);
      expect(report.ok).toBe(false);
      expect(report.firstBroken).toEqual({ id: id.toString(), reason: expect.stringMatching(/altered/) });
    } finally {
      await tamper(10);
    }
    expect((await verifyChain(deps)).firstBroken?.id).not.toBe(id.toString());
  });
});
