import { router } from '../trpc';

/** Shared documents (Yjs). */
export const documentRouter = router({});
