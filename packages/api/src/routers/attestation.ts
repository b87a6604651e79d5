import {
  archivePolicy,
  attest,
  attestInput,
  createPolicy,
  createPolicyInput,
  listPolicies,
  listPoliciesInput,
  myAttestations,
  policyIdInput,
  policyStatus,
  policyStatusInput,
  publishPolicy,
  updatePolicy,
  updatePolicyInput,
} from '@racine/services';
import { z } from 'zod';
import { procedure, router } from '../trpc';

/** Attestation policies (attestation.manage) and the caller's own attestations (anyone signed in). */
export const attestationRouter = router({
  policies: procedure.meta({ permission: 'attestation.manage' }).input(listPoliciesInput.default({ includeArchived: false })).query(({ ctx, input }) => listPolicies(ctx.deps, input)),
  status: procedure.meta({ permission: 'attestation.manage' }).input(policyStatusInput).query(({ ctx, input }) => policyStatus(ctx.deps, input)),
  createPolicy: procedure.meta({ permission: 'attestation.manage' }).input(createPolicyInput).mutation(({ ctx, input }) => createPolicy(ctx.deps, ctx.actor, input)),
  updatePolicy: procedure.meta({ permission: 'attestation.manage' }).input(updatePolicyInput).mutation(({ ctx, input }) => updatePolicy(ctx.deps, ctx.actor, input)),
  publish: procedure.meta({ permission: 'attestation.manage' }).input(policyIdInput).mutation(({ ctx, input }) => publishPolicy(ctx.deps, ctx.actor, input)),
  archive: procedure.meta({ permission: 'attestation.manage' }).input(policyIdInput).mutation(({ ctx, input }) => archivePolicy(ctx.deps, ctx.actor, input)),
  mine: procedure.meta({ permission: 'authenticated' }).input(z.object({}).strict().default({})).query(({ ctx }) => myAttestations(ctx.deps, ctx.actor)),
  attest: procedure.meta({ permission: 'authenticated' }).input(attestInput).mutation(({ ctx, input }) => attest(ctx.deps, ctx.actor, input)),
});
