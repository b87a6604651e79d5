import { router } from '../trpc';

/** Filled in by the metrics work: see the services README. */
export const metricsRouter = router({});
