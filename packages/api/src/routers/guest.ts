import { router } from '../trpc';

/** External collaborators. */
export const guestRouter = router({});
