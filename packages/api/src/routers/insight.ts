import { router } from '../trpc';

/** Filled in by the insight work: see the services README. */
export const insightRouter = router({});
