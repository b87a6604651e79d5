import { router } from '../trpc';

/** Presence and heartbeats. */
export const collabRouter = router({});
