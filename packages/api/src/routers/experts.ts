import { router } from '../trpc';

/** The expert finder. */
export const expertsRouter = router({});
