import { router } from '../trpc';

/** Filled in by the dashboard work: see the services README. */
export const dashboardRouter = router({});
