import { router } from '../trpc';

/** Access requests. */
export const accessRequestRouter = router({});
