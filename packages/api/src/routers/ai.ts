import { router } from '../trpc';

/** Filled in by the ai work: see the services README. */
export const aiRouter = router({});
