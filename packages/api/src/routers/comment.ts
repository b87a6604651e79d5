import { router } from '../trpc';

/** Comment threads, reactions and mentions. */
export const commentRouter = router({});
