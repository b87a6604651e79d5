import { router } from '../trpc';

/** Attestation policies and attestations. */
export const attestationRouter = router({});
