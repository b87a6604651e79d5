import { router } from '../trpc';

/** Knowledge-base articles. */
export const kbRouter = router({});
