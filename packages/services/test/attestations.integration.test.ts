/**
 * Attestation policies against Postgres: who must attest, due and overdue,
 * a content change bumping the version (everyone attests again), refusals
 * (stale version, archived, admin-blocking), and blocking: an overdue
 * person's listed global role stops granting until they attest.
 *
 * Blocking policies here give a long grace from publication, so only the
 * test's own person (with an attestation long past due) is overdue; other
 * test files' users running at the same time stay unaffected.
 */
import { describe, expect, it } from 'vitest';
import { attest, myAttestations } from '../src/access/attest';
import { archivePolicy, createPolicy, listPolicies, policyStatus, publishPolicy, updatePolicy } from '../src/access/attestation-policies';
import { AccessChecker, globalScope } from '../src/rbac/resolve';
import { person, testDeps } from './harness';

const day = 86_400_000;
const body = '# Acceptable use\n\nUse governed data only for the purpose it was shared for.';

describe('attestations', () => {
  it('asks the required people to attest, counts due and done, and a new version asks again', async () => {
    const deps = await testDeps();
    const [admin, analyst, viewer] = await Promise.all([person(deps, ['admin']), person(deps, ['analyst']), person(deps, ['viewer'])]);
    const draft = await createPolicy(deps, admin.actor, { title: `Acceptable use ${crypto.randomUUID().slice(0, 6)}`, body, periodDays: 365, graceDays: 14, requiredRoleKeys: ['analyst'], blockRoles: false });
    expect((await myAttestations(deps, analyst.actor)).items.find((i) => i.id === draft.id)).toBeUndefined();
    // A draft changes without a new version.
    expect((await updatePolicy(deps, admin.actor, { id: draft.id, body: `${body}\n\nDraft edit.` })).version).toBe(1);
    const policy = await publishPolicy(deps, admin.actor, { id: draft.id });
    await expect(publishPolicy(deps, admin.actor, { id: draft.id })).rejects.toMatchObject({ code: 'CONFLICT' });

    const mine = (await myAttestations(deps, analyst.actor)).items.find((i) => i.id === policy.id)!;
    expect(mine).toMatchObject({ standing: 'due', version: 1, body: `${body}\n\nDraft edit.` });
    expect((await myAttestations(deps, viewer.actor)).items.find((i) => i.id === policy.id)).toBeUndefined();
    await expect(attest(deps, viewer.actor, { policyId: policy.id, version: 1 })).rejects.toMatchObject({ code: 'BAD_REQUEST' });

    const done = await attest(deps, analyst.actor, { policyId: policy.id, version: 1 });
    expect(done.dueAt.getTime() - done.attestedAt.getTime()).toBe(365 * day);
    expect((await myAttestations(deps, analyst.actor)).items.find((i) => i.id === policy.id)).toMatchObject({ standing: 'done' });
    const audit = await deps.db.activityEvent.findFirstOrThrow({ where: { type: 'attestation.attested', resourceId: policy.id, actorId: analyst.user.id } });
    expect(audit.complianceRelevant).toBe(true);
    const status = await policyStatus(deps, { policyId: policy.id });
    expect(status.people.find((p) => p.userId === analyst.user.id)).toMatchObject({ standing: 'done', lastAttestedAt: done.attestedAt });
    const listed = (await listPolicies(deps, { includeArchived: false })).find((p) => p.id === policy.id)!;
    expect(listed.attested).toBeGreaterThanOrEqual(1);
    expect(listed.required).toBe(listed.attested + listed.due + listed.overdue);

    // Changing what it says makes version 2: the old attestation no longer counts, and a stale one is refused.
    const v2 = await updatePolicy(deps, admin.actor, { id: policy.id, body: `${body}\n\nNo exports to personal devices.` });
    expect(v2.version).toBe(2);
    expect((await myAttestations(deps, analyst.actor)).items.find((i) => i.id === policy.id)).toMatchObject({ standing: 'due', version: 2, lastAttestedVersion: 1 });
    await expect(attest(deps, analyst.actor, { policyId: policy.id, version: 1 })).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/version 2/) });
    await attest(deps, analyst.actor, { policyId: policy.id, version: 2 });
    expect((await myAttestations(deps, analyst.actor)).items.find((i) => i.id === policy.id)).toMatchObject({ standing: 'done' });
    // Changing the period alone keeps the version.
    expect((await updatePolicy(deps, admin.actor, { id: policy.id, periodDays: 90 })).version).toBe(2);

    await archivePolicy(deps, admin.actor, { id: policy.id });
    await expect(attest(deps, analyst.actor, { policyId: policy.id, version: 2 })).rejects.toMatchObject({ code: 'CONFLICT' });
    expect((await myAttestations(deps, analyst.actor)).items.find((i) => i.id === policy.id)).toBeUndefined();
  });

  it('is overdue after the grace days; a blocking policy suspends the listed role until its holder attests', async () => {
    const deps = await testDeps();
    const [admin, steward] = await Promise.all([person(deps, ['admin']), person(deps, ['steward'])]);
    await expect(createPolicy(deps, admin.actor, { title: 'Lock the admins', body, periodDays: 30, graceDays: 0, requiredRoleKeys: ['admin', 'steward'], blockRoles: true })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringMatching(/admin role/),
    });
    await expect(createPolicy(deps, admin.actor, { title: 'Lock everyone', body, periodDays: 30, graceDays: 0, requiredRoleKeys: [], blockRoles: true })).rejects.toMatchObject({ code: 'BAD_REQUEST' });

    const policy = await publishPolicy(deps, admin.actor, {
      id: (await createPolicy(deps, admin.actor, { title: `Steward conduct ${crypto.randomUUID().slice(0, 6)}`, body, periodDays: 30, graceDays: 60, requiredRoleKeys: ['steward'], blockRoles: false })).id,
    });
    await expect(updatePolicy(deps, admin.actor, { id: policy.id, requiredRoleKeys: ['steward', 'admin'], blockRoles: true })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    const can = () => new AccessChecker(deps.db, steward.actor).can('glossary.manage', globalScope);
    expect(await can()).toBe(true);

    try {
      // The steward attested 100 days ago: due 70 days ago, past the 60 days of grace.
      const attestedAt = new Date(Date.now() - 100 * day);
      await deps.db.attestation.create({ data: { policyId: policy.id, policyVersion: 1, userId: steward.user.id, attestedAt, dueAt: new Date(attestedAt.getTime() + 30 * day) } });
      expect((await myAttestations(deps, steward.actor)).items.find((i) => i.id === policy.id)).toMatchObject({ standing: 'overdue', blocks: [] });
      // Not blocking yet: overdue changes nothing.
      expect(await can()).toBe(true);

      await updatePolicy(deps, admin.actor, { id: policy.id, blockRoles: true });
      expect(await can()).toBe(false);
      expect((await myAttestations(deps, steward.actor)).items.find((i) => i.id === policy.id)).toMatchObject({ standing: 'overdue', blocks: ['steward'] });
      // Others holding the role are within the grace from publication: untouched.
      const other = await person(deps, ['steward']);
      expect(await new AccessChecker(deps.db, other.actor).can('glossary.manage', globalScope)).toBe(true);

      await attest(deps, steward.actor, { policyId: policy.id, version: 1 });
      expect(await can()).toBe(true);
    } finally {
      await archivePolicy(deps, admin.actor, { id: policy.id });
    }
  });
});
